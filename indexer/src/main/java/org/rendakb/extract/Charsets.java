package org.rendakb.extract;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Checks on decoded text: binary garbage, and file properties that only look like text. */
final class Charsets {
  private Charsets() {}

  /** Whether decoded text is really binary: replacement, control or private-use chars above 2%. */
  static boolean looksBinary(String text) {
    int bad = 0;
    int n = Math.min(text.length(), 100_000);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')
          || (c >= '\uE000' && c <= '\uF8FF')) {
        bad++;
      }
    }
    return bad > n * 0.02;
  }

  /**
   * A file property fit to show, or null. Some PDF producers store GBK titles as hex, or Tika reads
   * GBK bytes as Latin-1: those are decoded when the result is Chinese, and dropped when not: never
   * mojibake.
   */
  static String readableProperty(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.matches("(?i)^<?(?:[0-9a-f]{2}){4,}>?$")) {
      // a hex string is deliberate encoding: any strict GBK or UTF-8 reading with some hanzi is right
      String decoded = decodeChinese(HexFormat.of().parseHex(v.replace("<", "").replace(">", "")));
      return decoded != null && han(decoded) >= 2 ? withoutPrintDriverNoise(decoded) : null;
    }
    if (v.chars().anyMatch(c -> c >= 0x80 && c <= 0xFF) && v.chars().allMatch(c -> c <= 0xFF)) {
      // Latin-1 chars may be GBK bytes read as Latin-1, or real Latin-1: only a mostly Chinese reading wins
      String decoded = decodeChinese(v.getBytes(StandardCharsets.ISO_8859_1));
      return decoded != null && han(decoded) * 2 >= decoded.length() ? withoutPrintDriverNoise(decoded) : null;
    }
    return v.indexOf('\uFFFD') >= 0 || looksBinary(v) ? null : withoutPrintDriverNoise(v);
  }

  private static String decodeChinese(byte[] bytes) {
    String decoded = ChineseEncodingDetector.strictDecode(bytes, StandardCharsets.UTF_8);
    if (decoded == null) {
      decoded = ChineseEncodingDetector.strictDecode(bytes, ChineseEncodingDetector.GB18030);
    }
    return decoded == null || looksBinary(decoded) ? null : decoded.strip();
  }

  /** "Microsoft Word - 中华人民共和国民法典.doc", as PDF printer drivers name documents, is 中华人民共和国民法典. */
  private static String withoutPrintDriverNoise(String title) {
    String t = title.replaceFirst("^Microsoft (Word|PowerPoint|Excel) - ", "")
        .replaceFirst("(?i)\\.(docx?|wps|rtf|odt|txt|pdf|xlsx?|pptx?)$", "")
        .strip();
    return t.isEmpty() ? null : t;
  }

  private static long han(String s) {
    return s.chars().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
  }
}
