package org.rendakb.metadata;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rendakb.extract.Block;

/**
 * The title, chosen among the lines near the top by what makes a title: its own line; how it is set
 * where the file shows it (centred, bold, large, standing alone, a heading); a document type word at
 * its end or the 关于……的…… form; a subtitle (——……) or a 题注, byline or date line after it;
 * agreement with the page's ArticleTitle, its title tag or the file name. Furniture ({@link
 * Furniture}) and lines repeated on every page (running headers) are never candidates. A title set
 * on two lines (GB/T 9704) is joined.
 */
final class Titles {
  private static final int CANDIDATE_LINES = 30;
  static final Pattern TYPE_END = Pattern.compile(
      ".*(通知|通报|意见|请示|批复|函|公告|议案|纪要|报告|决定|决议|条例|办法|规定|细则|规则|方案|要点|讲话|致辞|发言|法|规划|纲要|总结|建议|公报|章程)$");
  private static final Pattern ABOUT = Pattern.compile("^.{0,30}关于.+的.+");
  private static final Pattern SENTENCE_END = Pattern.compile(".*[。；;：:，,！!？?]$");
  private static final Pattern LEFT_OVER = Pattern.compile("^[\\p{IsHan}]{1,3}$");
  private static final Pattern SALUTATION = Pattern.compile("^(同志们|尊敬的|各位代表|各位委员|女士们|先生们).*");
  /** What follows a title: its subtitle, its 题注, a byline, the date it was given or published. */
  private static final Pattern AFTER_TITLE = Pattern.compile(
      "^(——|—\\s*[\\p{IsHan}0-9]|（\\s*(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\\s*年|\\(\\s*[0-9]{4}\\s*年|(?:发布时间|发布日期|时间|日期|来源|作者)\\s*[:：]|[0-9]{4}\\s*[-年]).*");

  /**
   * The title from the text's head lines, how they are set ({@code styles}, one for one, null where
   * unknown) and the file's properties, or null.
   */
  static Sourced<String> find(List<String> head, List<Block> styles, Map<String, String> properties, String fileName) {
    String articleTitle = clean(properties.get("meta:ArticleTitle"));
    if (articleTitle == null) {
      // a 信息公开 page's catalogue names the title it shows below: 标题：关于……的通知
      articleTitle = head.stream().limit(CANDIDATE_LINES).filter(l -> l.startsWith("标题：") || l.startsWith("标题:"))
          .map(l -> clean(l.substring(3))).filter(t -> t != null).findFirst().orElse(null);
    }
    String titleTag = clean(properties.get("html:title"));
    String heading = clean(properties.get("html:heading"));
    String column = clean(properties.get("meta:ColumnName"));
    String site = clean(properties.get("meta:SiteName"));
    String stem = fileName.replaceFirst("^.*/", "").replaceFirst("\\.[^.]*$", "").replaceFirst("\\(\\d+\\)$", "");
    String best = null;
    String bestSource = null;
    double bestScore = 0;
    int n = Math.min(head.size(), CANDIDATE_LINES);
    float largest = largest(styles, n);
    for (int i = 0; i < n; i++) {
      String line = head.get(i).strip();
      if (styles.get(i) != null && styles.get(i).repeated()) {
        continue; // a running header or footer, however it reads
      }
      // a shorter repetition of a title already seen (政府工作报告 under 2024年……政府工作报告) is not a second title
      if (!candidate(line) || line.equals(column) || line.equals(site) || best != null && best.contains(line)) {
        continue;
      }
      int last = lastLine(head, styles, i, n, articleTitle, stem);
      String title = last == i ? line : line + head.get(last).strip();
      double score = 1 - 0.15 * i;
      String source = "first line";
      if (TYPE_END.matcher(title).matches()) {
        score += 2;
        source = "title form";
      }
      if (ABOUT.matcher(title).matches()) {
        score += 2;
        source = "title form";
      }
      String after = nextNotPageFurniture(head, styles, last + 1);
      if (after != null && AFTER_TITLE.matcher(after).matches()) {
        score += 2;
        source = "title form";
      }
      if (title.length() <= 6 && (!TYPE_END.matcher(title).matches() || last + 1 < n && candidate(head.get(last + 1).strip()))) {
        score -= 3; // a column or a menu word standing alone, or above the title
      }
      double set = prominence(styles.get(i), largest);
      if (set > 0) {
        score += set;
        source = "layout";
      }
      if (title.equals(articleTitle)) {
        score += 4;
        source = "page meta";
      } else if (title.equals(heading)) {
        score += 3;
        source = "heading";
      } else if (titleTag != null && titleTag.contains(title) && title.length() >= 6) {
        score += 2;
        source = "page title";
      } else if (stem.length() >= 6 && stem.equals(title)) {
        score += 2;
        source = "file name";
      }
      if (score > bestScore) {
        bestScore = score;
        best = title;
        bestSource = source;
      }
    }
    if (best != null) {
      return Sourced.of(best, bestSource);
    }
    if (articleTitle != null) {
      return Sourced.of(articleTitle, "page meta");
    }
    return null;
  }

  /**
   * Where a title starting at line {@code i} ends: the next line too when the two are one title on
   * two lines. Where the file shows how they are set, two lines set alike as a title is set; in plain
   * text, the first without its type word, the second ending with it (in a PDF the second may be a
   * word or a char the page edge left over: ……服务保障的 / 函).
   */
  private static int lastLine(List<String> head, List<Block> styles, int i, int n, String articleTitle, String stem) {
    if (i + 1 >= n) {
      return i;
    }
    String line = head.get(i).strip();
    String next = head.get(i + 1).strip();
    String joined = line + next;
    Boolean setAlike = setAsOneTitle(styles.get(i), styles.get(i + 1));
    if (setAlike != null) {
      return setAlike && candidate(next) && joined.length() <= 60 ? i + 1 : i;
    }
    if (!candidate(next) && !LEFT_OVER.matcher(next).matches()) {
      return i;
    }
    boolean incomplete = !TYPE_END.matcher(line).matches() || ABOUT.matcher(joined).matches() && !ABOUT.matcher(line).matches();
    return incomplete && joined.length() <= 60 && TYPE_END.matcher(joined).matches() && next.length() <= 30
        && (ABOUT.matcher(joined).matches() || joined.equals(articleTitle) || stem.contains(joined)) ? i + 1 : i;
  }

  /** The line after a title, past a running header or footer and its page-number line (—  —). */
  private static String nextNotPageFurniture(List<String> head, List<Block> styles, int from) {
    for (int i = from; i < head.size(); i++) {
      String line = head.get(i).strip();
      if (!line.matches("^[-—–\\s0-9]*$") && (styles.get(i) == null || !styles.get(i).repeated())) {
        return line;
      }
    }
    return null;
  }

  /**
   * What a title's setting adds: a line standing alone that is centred, bold, large or a heading
   * catches the eye, the more so the more of these it is, and most if it is the largest type at the
   * top. A line within a paragraph adds nothing, however it is set.
   */
  private static double prominence(Block b, float largest) {
    if (b == null || !b.standalone()) {
      return 0;
    }
    double score = 0;
    if (b.centred()) {
      score += 1;
    }
    if (b.bold()) {
      score += 1;
    }
    if (b.large()) {
      score += 1;
    }
    if (b.heading() > 0) {
      score += b.heading() <= 2 ? 1 : 0.5;
    }
    if (b.large() && b.size() >= largest) {
      score += 1;
    }
    return Math.min(score, 3);
  }

  /**
   * Whether two lines are set as the two lines of one title: one after the other, standing alone,
   * centred, large or bold, in the same type; null where the layout of either is unknown.
   */
  private static Boolean setAsOneTitle(Block a, Block z) {
    if (a == null || z == null) {
      return null;
    }
    return z.order() == a.order() + 1 && a.page() == z.page() && a.standalone() && z.standalone() && a.centred() && z.centred()
        && (a.large() || a.bold()) && Math.abs(a.size() - z.size()) < 0.01f && a.bold() == z.bold() && !a.repeated() && !z.repeated();
  }

  /** The largest type among the first lines that are no running header. */
  private static float largest(List<Block> styles, int n) {
    float largest = 0;
    for (int i = 0; i < n; i++) {
      Block b = styles.get(i);
      if (b != null && !b.repeated()) {
        largest = Math.max(largest, b.size());
      }
    }
    return largest;
  }

  private static boolean candidate(String line) {
    return line.length() >= 4 && line.length() <= 80 && !SENTENCE_END.matcher(line).matches()
        && !SALUTATION.matcher(line).matches() && !Furniture.is(line);
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? null : s.replaceAll("\\s+", " ").strip();
  }
}
