package org.rendakb.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.CompositeEncodingDetector;
import org.junit.jupiter.api.Test;

/** The versioned config file is read by Tika as meant: a typo in it would silently fall back to defaults. */
class TikaConfigTest {
  @Test
  void limitsAndCharsetChainAreTakenFromTheConfigFile() throws Exception {
    TikaConfig config;
    try (InputStream in = Extractor.class.getResourceAsStream("tika-config.xml")) {
      config = new TikaConfig(in);
    }
    assertEquals(100L, config.getAutoDetectParserConfig().getMaximumCompressionRatio());
    assertEquals(1_000_000L, config.getAutoDetectParserConfig().getOutputThreshold());
    assertEquals(10, config.getAutoDetectParserConfig().getMaximumPackageEntryDepth());
    var chain = ((CompositeEncodingDetector) config.getEncodingDetector()).getDetectors();
    assertEquals(2, chain.size());
    assertTrue(chain.get(1) instanceof ChineseEncodingDetector, chain::toString);
  }
}
