package org.rendakb.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Charset of undeclared text, for a corpus of Chinese files in UTF-8, GB18030/GBK/GB2312 or UTF-16.
 * Registered in tika-config.xml, so Tika's text and HTML parsers use it.
 *
 * <p>Order: byte-order mark; bytes that are valid UTF-8 (a statistical detector may take short UTF-8
 * Chinese for something else); UTF-16 without a mark (zeros in every other byte); GB18030 when the
 * bytes are valid GB18030 and their double-byte pairs are almost all in the GB2312 ranges (common
 * hanzi and punctuation: Latin-1 text with accents does not look like that); else ICU's guess, with
 * GBK-family answers widened to GB18030, their superset.
 */
public final class ChineseEncodingDetector implements EncodingDetector {
  static final Charset GB18030 = Charset.forName("GB18030");
  private static final int SAMPLE = 64 * 1024;

  @Override
  public Charset detect(InputStream input, Metadata metadata) throws IOException {
    if (input == null) {
      return null;
    }
    input.mark(SAMPLE);
    byte[] sample;
    try {
      sample = input.readNBytes(SAMPLE);
    } finally {
      input.reset();
    }
    return detect(sample, sample.length == SAMPLE);
  }

  /**
   * @param cut whether the sample is a prefix of a longer input, so its last char may be incomplete
   */
  static Charset detect(byte[] bytes, boolean cut) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return StandardCharsets.UTF_8;
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return StandardCharsets.UTF_16LE;
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return StandardCharsets.UTF_16BE;
    }
    if (decodes(bytes, StandardCharsets.UTF_8, !cut)) {
      return StandardCharsets.UTF_8;
    }
    Charset utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) {
      return utf16;
    }
    if (decodes(bytes, GB18030, !cut) && mostlyGb2312Pairs(bytes)) {
      return GB18030;
    }
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    for (CharsetMatch match : detector.detectAll()) {
      Charset c = widen(match.getName());
      if (c != null && decodes(bytes, c, !cut)) {
        return c;
      }
    }
    return GB18030;
  }

  static Charset widen(String name) {
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

  /** Of the bytes at or above 0x80, taken as GBK pairs, at least 90% are GB2312 hanzi or symbols. */
  private static boolean mostlyGb2312Pairs(byte[] bytes) {
    int pairs = 0;
    int gb2312 = 0;
    for (int i = 0; i < bytes.length - 1; i++) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        continue;
      }
      int trail = bytes[i + 1] & 0xFF;
      pairs++;
      if (((lead >= 0xA1 && lead <= 0xA9) || (lead >= 0xB0 && lead <= 0xF7)) && trail >= 0xA1 && trail <= 0xFE) {
        gb2312++;
      }
      i++;
    }
    return pairs > 0 && gb2312 >= pairs * 0.9;
  }

  /** UTF-16 without a mark: the ASCII chars (newlines, digits) have a zero byte on one side only. */
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

  /**
   * Whether the bytes are valid in the charset. With {@code complete} false the bytes are a prefix
   * of a longer input, and a char cut at their end is not an error.
   */
  static boolean decodes(byte[] bytes, Charset charset, boolean complete) {
    CharsetDecoder decoder = strictDecoder(charset);
    CharBuffer out = CharBuffer.allocate(bytes.length + 16);
    CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, complete);
    if (!result.isError() && complete) {
      result = decoder.flush(out);
    }
    return !result.isError();
  }

  /** The bytes decoded, or null if they are not valid in the charset. */
  static String strictDecode(byte[] bytes, Charset charset) {
    try {
      return strictDecoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static CharsetDecoder strictDecoder(Charset charset) {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
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
}
