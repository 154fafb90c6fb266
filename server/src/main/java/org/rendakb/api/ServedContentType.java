package org.rendakb.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.Locale;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.html.HtmlEncodingDetector;
import org.rendakb.extract.ChineseEncodingDetector;
import org.rendakb.search.OriginalFile;

/**
 * The Content-Type an original file is served with. A text, Markdown or HTML original gets the
 * charset its bytes are in, found the way the indexer found it (an HTML page's own meta charset
 * first, then {@link ChineseEncodingDetector}): without one a browser reads UTF-8 Chinese as
 * windows-1252, and a GB18030 file as mojibake whatever it guesses. The file is sent as it is (no
 * transcoding), so what is downloaded is the original byte for byte.
 */
final class ServedContentType {
  /** Bytes read to decide: the detector's own sample. */
  private static final int SAMPLE = 64 * 1024;

  private ServedContentType() {}

  static String of(OriginalFile file) throws IOException {
    String type = file.contentType().toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    String base = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
    if (!isText(base)) {
      return file.contentType();
    }
    Charset charset = charset(file, base);
    return charset == null ? base : base + "; charset=" + charset.name();
  }

  private static boolean isText(String base) {
    return base.startsWith("text/") || base.equals("application/xhtml+xml");
  }

  private static Charset charset(OriginalFile file, String base) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file.file()), SAMPLE + 1)) {
      if (base.equals("text/html") || base.equals("application/xhtml+xml")) {
        in.mark(SAMPLE);
        Charset declared = new HtmlEncodingDetector().detect(in, new Metadata());
        in.reset();
        if (declared != null) {
          return declared;
        }
      }
      return new ChineseEncodingDetector().detect(in, new Metadata());
    }
  }
}
