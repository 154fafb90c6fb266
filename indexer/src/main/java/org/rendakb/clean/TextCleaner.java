package org.rendakb.clean;

import java.util.regex.Pattern;

/**
 * Normalises extracted text: line ends, invisible and control chars, line breaks that PDF
 * extraction puts inside Chinese sentences, and spaces it puts between Chinese chars (2019 年 3 月
 * 12 日). Pure string to string.
 */
public final class TextCleaner {
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  /** A space between two CJK chars, or between a CJK char and a digit, inserted by PDF extraction. */
  private static final Pattern CJK_GAP =
      Pattern.compile("(?<=[\\p{IsHan}０-９0-9，。、；：（）《》“”])[ \\t\\u00A0\\u3000]+(?=[\\p{IsHan}，。、；：（）《》“”])"
          + "|(?<=[\\p{IsHan}])[ \\t\\u00A0]+(?=[0-9０-９])");
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+\\n");
  private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");

  public String clean(String raw, String contentType) {
    String s = raw.replace("\r\n", "\n").replace('\r', '\n');
    s = INVISIBLE.matcher(s).replaceAll("");
    s = CONTROL.matcher(s).replaceAll("");
    s = TRAILING_SPACE.matcher(s).replaceAll("\n");
    if (contentType != null && contentType.startsWith("application/pdf")) {
      s = CJK_GAP.matcher(s).replaceAll("");
      s = joinBrokenLines(s);
    }
    s = BLANK_RUNS.matcher(s).replaceAll("\n\n");
    return s.strip();
  }

  /**
   * PDF text breaks lines at the page edge, inside sentences: a line that does not end a sentence,
   * followed by a line that starts with a Chinese char, is the same sentence. Headings (short lines
   * such as 第一章 总则) and blank lines keep their breaks.
   */
  static String joinBrokenLines(String s) {
    String[] lines = s.split("\n", -1);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      out.append(line);
      if (i + 1 == lines.length) {
        break;
      }
      String next = lines[i + 1].strip();
      boolean join = line.length() >= 20 && !next.isEmpty() && !endsSentence(line) && startsContinuation(next);
      if (!join) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static boolean endsSentence(String line) {
    char last = line.charAt(line.length() - 1);
    return "。！？；：!?;:”」』".indexOf(last) >= 0;
  }

  private static boolean startsContinuation(String next) {
    char c = next.charAt(0);
    boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    // a new article or numbered item starts a new line even without sentence punctuation before it
    return (han || "，、）》”0123456789".indexOf(c) >= 0) && !next.matches("^第[一二三四五六七八九十百零〇0-9]+[章节条编].*");
  }
}
