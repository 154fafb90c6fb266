package org.rendakb.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges the text layer of one page: text, none (a scan), or garbage that a font mapped to the
 * wrong characters. Garbage is what no reader could use: private-use code points and replacement
 * chars (glyphs without a Unicode mapping), {@code (cid:123)} tokens, Chinese read as Latin-1
 * ({@code ÖÐ»ªÈËÃñ}), glyph numbers read as letters of three alphabets or more at once (a font
 * without its Unicode map, as in a truncated file: {@code ԓ ῃ ף ᴪ ѿ ȇҬ}), one glyph repeated
 * (every char mapped to the same code point), a page of ASCII symbols. Ordinary text has none of these in any quantity: the most frequent char of a
 * Chinese page (的) is a few percent of it.
 */
public final class TextQuality {
  private TextQuality() {}

  public enum Verdict { TEXT, EMPTY, GARBAGE }

  /** A page with fewer visible chars than this has no text layer worth keeping (a page number, a stamp). */
  static final int MIN_VISIBLE = 10;
  private static final Pattern CID = Pattern.compile("\\(cid:\\d+\\)");

  public static Verdict of(String page) {
    int cidTokens = 0;
    Matcher m = CID.matcher(page);
    while (m.find()) {
      cidTokens++;
    }
    String s = cidTokens == 0 ? page : CID.matcher(page).replaceAll("");
    int visible = 0;
    int unmapped = 0;
    int latinAccented = 0;
    int han = 0;
    int letters = 0;
    int symbols = 0;
    Map<Integer, Integer> counts = new HashMap<>();
    Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        continue;
      }
      visible++;
      if (Character.getType(c) == Character.PRIVATE_USE || c == 0xFFFD) {
        unmapped++;
      } else if (Character.isLetter(c)) {
        letters++;
        counts.merge(c, 1, Integer::sum);
        scripts.merge(Character.UnicodeScript.of(c), 1, Integer::sum);
        if (c >= 0xC0 && c <= 0x24F) {
          latinAccented++;
        } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
          han++;
        }
      } else if (c < 0x80 && !Character.isDigit(c)) {
        symbols++;
      }
    }
    if (visible + cidTokens < MIN_VISIBLE) {
      return Verdict.EMPTY;
    }
    if (cidTokens * 4 > visible + cidTokens || unmapped * 10 > visible) {
      return Verdict.GARBAGE;
    }
    if (letters >= 20 && latinAccented * 10 > letters * 3 && han * 10 < letters) {
      return Verdict.GARBAGE;
    }
    int total = letters;
    long alphabets = scripts.values().stream().filter(n -> n * 10 >= total).count();
    if (letters >= 20 && han * 10 < letters && alphabets >= 3) {
      return Verdict.GARBAGE;
    }
    int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (letters >= 20 && most * 10 > letters * 4) {
      return Verdict.GARBAGE;
    }
    if (visible >= 20 && letters * 5 < visible && symbols * 2 > visible) {
      return Verdict.GARBAGE;
    }
    return Verdict.TEXT;
  }
}
