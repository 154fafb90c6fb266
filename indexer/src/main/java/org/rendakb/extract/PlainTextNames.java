package org.rendakb.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * The content type of a file that is plain text or Markdown by its name and looks like text in
 * its first bytes. Tika's magic detection runs case-folding regular expressions over the head of
 * every file; on a corpus of Markdown laws it took 5% of indexing time to say what the name said.
 * A file whose head carries a binary or markup signature (a PDF, zip, OLE or RTF file, or a web
 * page saved as .txt) is left to full detection.
 */
final class PlainTextNames {
  private PlainTextNames() {}

  private static final Map<String, String> TYPE_BY_EXTENSION =
      Map.of("txt", "text/plain", "text", "text/plain", "md", "text/markdown", "markdown", "text/markdown");
  private static final int HEAD = 512;

  /** The type, or null when detection must decide. Leaves the stream where it was (mark/reset). */
  static String typeOf(String fileName, InputStream in) throws IOException {
    if (fileName == null) {
      return null;
    }
    int dot = fileName.lastIndexOf('.');
    String type = dot < 0 ? null : TYPE_BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (type == null) {
      return null;
    }
    in.mark(HEAD);
    byte[] head;
    try {
      head = in.readNBytes(HEAD);
    } finally {
      in.reset();
    }
    return looksLikeText(head) ? type : null;
  }

  private static boolean looksLikeText(byte[] head) {
    int first = 0;
    // a UTF-8 byte order mark, then white space
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      first = 3;
    }
    while (first < head.length && (head[first] == ' ' || head[first] == '\t' || head[first] == '\r' || head[first] == '\n')) {
      first++;
    }
    if (first < head.length && head[first] == '<') {
      return false; // a web page or XML saved under a text name
    }
    if (startsWith(head, "%PDF") || startsWith(head, "PK") || startsWith(head, "{\\rtf")
        || (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11)) {
      return false;
    }
    for (byte b : head) {
      if (b == 0) {
        return false; // UTF-16 or binary: detection and the charset chain decide
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] head, String signature) {
    if (head.length < signature.length()) {
      return false;
    }
    for (int i = 0; i < signature.length(); i++) {
      if (head[i] != signature.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
