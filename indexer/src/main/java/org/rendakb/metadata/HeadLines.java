package org.rendakb.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines at the top of a document as a reader sees them. A PDF breaks a line of large type where
 * the page ends, and its text keeps the break: a 发文机关标志 set in 30-point type reaches the margin
 * as 郑州市人民代表大会常务委员会文 over a line of its own, 件. A reader sees one mark; so is the pair
 * joined when only together they make one. OCR does the opposite to a title and the 主送机关 under
 * it, reading them as one line (关于……的通知省人民代表大会常务委员会：); they are split again. (A title
 * over two lines is judged with its candidates, by {@link Titles}.)
 */
final class HeadLines {
  private HeadLines() {}

  private static final Pattern MARK = Pattern.compile("^[\\p{IsHan}、]{4,40}文件$");
  /** Where a 发文机关标志 stands: among the first lines, above the 发文字号 and the title. */
  private static final int MARK_WITHIN = 10;
  /** A 关于……的 title's type word, then a 主送机关 up to its colon. */
  private static final Pattern TITLE_THEN_ADDRESSEE = Pattern.compile(
      "^([^，。；：:《》]{0,30}关于[^，。；：:]+?的[^，。；：:]*?(?:通知|通报|意见|请示|批复|函|报告|决定|纪要|公告|通告|方案))\\s*([^，。；]{2,60}?)\\s*[:：]$");

  /** The head's lines, stripped, blank lines dropped, a 发文机关标志 broken over two lines joined. */
  static List<String> of(String head, int limit) {
    // a Markdown heading's marks are not part of its line, and Java's strip after them also drops the
    // control separators (U+001C-U+001F) a title can start with
    List<String> lines = head.lines().map(l -> l.strip().replaceFirst("^#+", "").strip()).filter(l -> !l.isEmpty()).toList();
    List<String> out = new ArrayList<>(Math.min(lines.size(), limit));
    for (int i = 0; i < lines.size() && out.size() < limit; i++) {
      String line = lines.get(i);
      if (i + 1 < lines.size() && i < MARK_WITHIN && brokenMark(line, lines.get(i + 1))) {
        line = line + lines.get(i + 1);
        i++;
      }
      String[] split = titleAndAddressee(line);
      if (split != null) {
        out.add(split[0]);
        line = split[1];
      }
      out.add(line);
    }
    return out;
  }

  /** The title and the 主送机关 (with its colon) OCR ran together, or null if the line is not that. */
  private static String[] titleAndAddressee(String line) {
    var m = TITLE_THEN_ADDRESSEE.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String addressee = m.group(2).replaceAll("[\\s　]+", "");
    boolean organs = !addressee.matches(".*(如下|下列|以下)") && (addressee.startsWith("各") || addressee.contains("、")
        || GongwenElements.ORGAN.matcher(addressee).matches());
    return organs ? new String[] {m.group(1), line.substring(m.start(2)).strip()} : null;
  }

  /** 郑州市人民代表大会常务委员会文 + 件, 盐城市盐都区人民代表大会常务委 + 员会文件. */
  private static boolean brokenMark(String line, String next) {
    return !MARK.matcher(line).matches() && next.length() <= line.length() && MARK.matcher(line + next).matches();
  }
}
