package org.rendakb.clean;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises extracted text: line ends, invisible and control chars, blank-line runs; and for PDFs
 * the line breaks that extraction puts inside Chinese sentences and the spaces it puts between
 * Chinese chars ({@code 2019 年 3 月 12 日}, {@code 中 华 人 民}); for OFD the same spaces, its line
 * breaks being the layout's own. Pure string to string.
 */
public final class TextCleaner {
  private static final String OFD = "application/ofd";
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0\\u3000]+\\n");
  private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");
  /** Three or more single Chinese chars each set apart by spaces: a spaced-out word, 中 华 人 民. */
  private static final Pattern SPACED_HAN =
      Pattern.compile("(?<![\\p{IsHan}0-9０-９])\\p{IsHan}(?:[ \\u00A0\\u3000]+\\p{IsHan}(?!\\p{IsHan})){2,}");
  /** A space between a number and a Chinese char: 2019 年 3 月, 第 3 条. Latin words keep theirs. */
  private static final Pattern DIGIT_HAN_GAP =
      Pattern.compile("(?<=[0-9０-９])[ \\u00A0]+(?=\\p{IsHan})|(?<=\\p{IsHan})[ \\u00A0]+(?=[0-9０-９])");
  /** Two or more single Chinese chars set apart by wide gaps: a spaced-out heading, 目  录, 总  纲. */
  private static final Pattern GAPPED_HAN =
      Pattern.compile("(?<!\\p{IsHan})\\p{IsHan}(?:(?: {2,}|\\u3000+)\\p{IsHan}(?!\\p{IsHan}))+");
  /** A line that is only a page number: 3, - 3 -, — 3 —, 第3页. */
  private static final Pattern PAGE_NUMBER_LINE =
      Pattern.compile("(?m)^[ \\t]*(?:[-—–][ \\t]*)?(?:\\d{1,4}|第[ \\t]*\\d{1,4}[ \\t]*页(?:[ \\t]*共[ \\t]*\\d{1,4}[ \\t]*页)?)(?:[ \\t]*[-—–])?[ \\t]*$\\n?");
  private static final Pattern SPACES = Pattern.compile("[ \\u00A0\\u3000]+");
  private static final Pattern ARTICLE_START = Pattern.compile("^第[一二三四五六七八九十百千零〇0-9０-９]+[编章节条款].*");

  public String clean(String raw, String contentType) {
    String s = lineEndsAndInvisibles(raw);
    s = TRAILING_SPACE.matcher(s).replaceAll("\n");
    boolean pdf = contentType != null && contentType.startsWith("application/pdf");
    if (pdf || OFD.equals(contentType)) {
      s = PAGE_NUMBER_LINE.matcher(s).replaceAll("");
      // digits first, so that 12 日 becomes 12日 and 日 cannot start a spaced-out run
      s = DIGIT_HAN_GAP.matcher(s).replaceAll("");
      s = collapse(SPACED_HAN, s);
      s = collapse(GAPPED_HAN, s);
    }
    if (pdf) {
      // an OFD reader joins wrapped lines by their layout; a PDF's text has only line lengths to go by
      s = joinBrokenLines(s);
    }
    s = BLANK_RUNS.matcher(s).replaceAll("\n\n");
    return s.strip();
  }

  /**
   * Every line end as \n; zero-width, bidi-control, soft-hyphen and BOM chars and the C0 and C1
   * controls other than \t and \n dropped. One pass, and most texts are returned as they came:
   * three regular expressions did this in a few percent of all indexing time.
   */
  static String lineEndsAndInvisibles(String raw) {
    StringBuilder out = null;
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      boolean lineEnd = c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
      boolean dropped = !lineEnd && (isInvisible(c) || isControl(c));
      if (out == null) {
        if (!lineEnd && !dropped) {
          continue;
        }
        out = new StringBuilder(n).append(raw, 0, i);
      }
      if (lineEnd) {
        out.append('\n');
        if (c == '\r' && i + 1 < n && raw.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (!dropped) {
        out.append(c);
      }
    }
    return out == null ? raw : out.toString();
  }

  private static boolean isInvisible(char c) {
    return (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2064')
        || c == '\uFEFF' || c == '\u00AD';
  }

  /** C0 and C1 controls except \t and \n. */
  private static boolean isControl(char c) {
    return c <= '\u0008' || (c >= '\u000B' && c <= '\u001F') || (c >= '\u007F' && c <= '\u009F');
  }

  private static String collapse(Pattern spaced, String s) {
    Matcher m = spaced.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(SPACES.matcher(m.group()).replaceAll("")));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * PDF text breaks lines at the page edge, inside sentences. A line as long as a full line that
   * does not end a sentence, followed by a line that goes on (a Chinese char, a digit, closing
   * punctuation) and is not a new article (第三条 …), is the same paragraph: joined without a space.
   * Some PDFs put a blank line after every line; then single blank lines are line breaks, not
   * paragraph breaks. A single blank line is the PDF parser's guess at a paragraph, made from
   * indents: a Chinese paragraph's first-line indent, a centred line after a full one (a 题注 over
   * two lines) make it guess one line late, so a full line that goes on is joined across it too.
   */
  static String joinBrokenLines(String s) {
    String[] lines = s.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      lines[i] = lines[i].strip();
    }
    boolean doubleSpaced = isDoubleSpaced(lines);
    int full = fullLineLength(lines);
    StringBuilder out = new StringBuilder(s.length());
    String previous = null;
    int blanks = 0;
    for (String line : lines) {
      if (line.isEmpty()) {
        blanks++;
        continue;
      }
      if (previous != null) {
        boolean paragraphBreak = doubleSpaced ? blanks >= 2 : blanks >= 2 || blanks == 1 && !continues(previous, line, full);
        if (!paragraphBreak && continues(previous, line, full)) {
          // same sentence: no separator
        } else {
          out.append(paragraphBreak ? "\n\n" : "\n");
        }
      }
      out.append(line);
      previous = line;
      blanks = 0;
    }
    return out.toString();
  }

  private static boolean continues(String line, String next, int full) {
    return width(line) >= full && !endsSentence(line) && startsContinuation(next);
  }

  /** A line's width in full-width chars: digits and Latin letters take half a Chinese char's room. */
  private static int width(String line) {
    int halves = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      halves += Character.isLowSurrogate(c) ? 0 : c < 0x2000 ? 1 : 2;
    }
    return halves / 2;
  }

  /** Whether most lines are followed by exactly one blank line. */
  private static boolean isDoubleSpaced(String[] lines) {
    int text = 0;
    int followedByOneBlank = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      text++;
      if (i + 2 < lines.length && lines[i + 1].isEmpty() && !lines[i + 2].isEmpty()) {
        followedByOneBlank++;
      }
    }
    return text >= 4 && followedByOneBlank >= text * 0.6;
  }

  /** The length a line has when it reaches the page edge: 85% of the 80th percentile of line lengths. */
  private static int fullLineLength(String[] lines) {
    int[] lengths = Arrays.stream(lines).filter(l -> !l.isEmpty()).mapToInt(TextCleaner::width).sorted().toArray();
    if (lengths.length == 0) {
      return Integer.MAX_VALUE;
    }
    int p80 = lengths[Math.min(lengths.length - 1, (int) (lengths.length * 0.8))];
    return Math.max(10, (int) (p80 * 0.85));
  }

  private static boolean endsSentence(String line) {
    char last = line.charAt(line.length() - 1);
    return "。！？；：!?;:”」』".indexOf(last) >= 0;
  }

  private static boolean startsContinuation(String next) {
    int c = next.codePointAt(0);
    boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    return (han || "，、。；：）》”」』《“0123456789０１２３４５６７８９".indexOf(c) >= 0) && !ARTICLE_START.matcher(next).matches();
  }
}
