package org.rendakb.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints extraction throughput on the corpus; no assertion on time (the machine is shared). Run with
 * {@code ./mvnw -q -o -pl indexer test -Dtest=ExtractionThroughputTest -Drendakb.bench=true}.
 */
@EnabledIfSystemProperty(named = "rendakb.bench", matches = "true")
class ExtractionThroughputTest {
  private static final Logger log = LoggerFactory.getLogger(ExtractionThroughputTest.class);

  @Test
  void corpusThroughput() throws Exception {
    Path corpus = Fixtures.shared().resolve("corpus");
    List<Path> md;
    try (Stream<Path> files = Files.walk(corpus.resolve("laws"))) {
      md = files.filter(p -> p.toString().endsWith(".md")).sorted().limit(300).toList();
    }
    try (Extractor extractor = new Extractor()) {
      // two passes: the first includes class loading and JIT warm-up
      for (int pass = 1; pass <= 2; pass++) {
        long bytes = 0;
        long chars = 0;
        long start = System.nanoTime();
        for (Path p : md) {
          bytes += Files.size(p);
          chars += extractor.extract(p).text().length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format("pass %d: %d corpus md files, %.1f MB, %d chars in %.2f s: %.1f MB/s, %.0f files/s",
            pass, md.size(), bytes / 1e6, chars, seconds, bytes / 1e6 / seconds, md.size() / seconds);
        log.info(line);
      }
      for (String pdf : List.of("中华人民共和国宪法.pdf", "中华人民共和国民法典.pdf")) {
        Path file = corpus.resolve("pdf").resolve(pdf);
        for (int run = 1; run <= 2; run++) {
          long t0 = System.nanoTime();
          ExtractedText t = extractor.extract(file);
          String out = String.format("%s (%.1f MB, run %d): %d chars in %.0f ms", pdf, sizeMb(file), run, t.text().length(),
              (System.nanoTime() - t0) / 1e6);
          log.info(out);
        }
      }
      assertEquals(300, md.size());
    }
  }

  private static double sizeMb(Path p) throws IOException {
    return Files.size(p) / 1e6;
  }
}
