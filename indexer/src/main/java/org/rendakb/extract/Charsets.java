package org.rendakb.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Decoding of text whose charset nobody declared: Chinese files come in UTF-8, GB18030/GBK (GB2312
 * is a subset) or UTF-16. A byte-order mark decides; else bytes that are valid UTF-8 are UTF-8 (a
 * statistical guess may take short UTF-8 Chinese for something else); else Tika's charset
 * detector, with GBK-family answers widened to GB18030, their superset.
 */
final class Charsets {
  private Charsets() {}

  static final Charset GB18030 = Charset.forName("GB18030");
  private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w-]+)");

  static String decode(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    String utf8 = strict(bytes, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return utf8;
    }
    Charset utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) {
      return new String(bytes, utf16);
    }
    return new String(bytes, detect(bytes));
  }

  /** An HTML page: its declared charset when it has one, else as {@link #decode}. */
  static String decodeHtml(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (m.find()) {
      Charset declared = widen(m.group(1));
      if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
        return new String(bytes, declared);
      }
    }
    return decode(bytes);
  }

  private static Charset detect(byte[] bytes) {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    for (CharsetMatch match : detector.detectAll()) {
      Charset c = widen(match.getName());
      if (c != null && strict(bytes, c) != null) {
        return c;
      }
    }
    return GB18030;
  }

  private static Charset widen(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    if (n.equals("GB2312") || n.equals("GBK") || n.equals("GB18030") || n.equals("X-GBK") || n.equals("CP936")) {
      return GB18030;
    }
    try {
      return Charset.forName(n);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** UTF-16 without a mark: Chinese and ASCII text in UTF-16 has a zero in most even or odd bytes of ASCII. */
  private static Charset utf16WithoutBom(byte[] bytes) {
    if (bytes.length < 4 || bytes.length % 2 != 0) {
      return null;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i + 1 < bytes.length; i += 2) {
      evenZeros += bytes[i] == 0 ? 1 : 0;
      oddZeros += bytes[i + 1] == 0 ? 1 : 0;
    }
    int pairs = bytes.length / 2;
    if (oddZeros > pairs / 10 && evenZeros == 0) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZeros > pairs / 10 && oddZeros == 0) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static String strict(byte[] bytes, Charset charset) {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether decoded text is really binary: replacement, control or private-use chars above 2%. */
  static boolean looksBinary(String text) {
    int bad = 0;
    int n = Math.min(text.length(), 100_000);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\t') || (c >= '\uE000' && c <= '\uF8FF')) {
        bad++;
      }
    }
    return bad > n * 0.02;
  }

  /**
   * A file property fit to show, or null. Some PDF producers store GBK titles as hex or as Latin-1
   * bytes; those are decoded when the result is Chinese, and dropped when not: never mojibake.
   */
  static String readableProperty(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.matches("(?i)^<?(?:[0-9a-f]{2}){4,}>?$")) {
      byte[] bytes = HexFormat.of().parseHex(v.replace("<", "").replace(">", ""));
      String decoded = strict(bytes, GB18030);
      return decoded != null && mostlyChinese(decoded) ? decoded : null;
    }
    if (v.chars().anyMatch(c -> c >= 0x80 && c <= 0xFF)) {
      String decoded = strict(v.getBytes(StandardCharsets.ISO_8859_1), GB18030);
      return decoded != null && mostlyChinese(decoded) ? decoded : null;
    }
    return v.indexOf('\uFFFD') >= 0 || looksBinary(v) ? null : v;
  }

  private static boolean mostlyChinese(String s) {
    long han = s.chars().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    return han * 2 >= s.strip().length();
  }
}
