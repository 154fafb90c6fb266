package org.rendakb.metadata;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document's date by the order of trust a reader uses: a law's note (latest act); a 公文's
 * 成文日期 in its 落款, else the 印发日期 of its 版记; the date under the title (——2024年1月20日在……, （2024年3月5日）); the
 * site's 发布时间 or PubDate; a date line near the top. {@link #published} is the site's time
 * where it is stated.
 */
final class Dates {
  private Dates() {}

  /** The site's own publication label first: a 信息公开 page also states the 成文日期 above it. */
  private static final Pattern PUBLISHED = Pattern.compile("(发布时间|发布日期|发表时间)[:：]\\s*");
  private static final Pattern DATED_LABEL = Pattern.compile("(时间|日期|发文日期|成文日期)[:：]\\s*");
  private static final int UNDER_TITLE = 4;

  static Sourced<LocalDate> find(LawNote note, GongwenElements gongwen, List<String> head, int titleLine, String headText,
      Map<String, String> properties) {
    if (note != null && note.latest() != null) {
      return Sourced.of(note.latest(), note.source());
    }
    if (gongwen.date() != null) {
      return Sourced.of(gongwen.date(), "落款");
    }
    if (gongwen.printed() != null) {
      // the 落款's date unread (OCR: 二〇〇一九年), the 版记 says when it was printed, days later at most
      return Sourced.of(gongwen.printed(), "印发日期");
    }
    for (int i = titleLine + 1; titleLine >= 0 && i < Math.min(head.size(), titleLine + 1 + UNDER_TITLE); i++) {
      String line = head.get(i).strip();
      if (line.startsWith("——") || line.startsWith("—") || Furniture.isDateLine(line) && line.startsWith("（")) {
        List<DateFinder.Found> found = DateFinder.all(line);
        if (!found.isEmpty()) {
          return Sourced.of(found.get(0).date(), "subtitle");
        }
      }
    }
    Sourced<LocalDate> published = published(headText, properties);
    if (published != null) {
      return published;
    }
    // a date line near the top (a web page's date under its title)
    for (String line : headText.lines().limit(8).toList()) {
      List<DateFinder.Found> found = DateFinder.all(line);
      if (!found.isEmpty() && (line.strip().length() <= 40 || Furniture.DATED_INFO.matcher(line.strip()).matches())) {
        return Sourced.of(found.get(0).date(), "date line");
      }
    }
    return null;
  }

  /** The site's 发布时间 line, else its PubDate meta tag. */
  static Sourced<LocalDate> published(String headText, Map<String, String> properties) {
    for (Pattern label : List.of(PUBLISHED, DATED_LABEL)) {
      Matcher published = label.matcher(headText);
      if (published.find()) {
        List<DateFinder.Found> after = DateFinder.all(headText.substring(published.end(), Math.min(headText.length(), published.end() + 30)));
        if (!after.isEmpty() && after.get(0).start() == 0) {
          return Sourced.of(after.get(0).date(), "发布时间");
        }
      }
    }
    String meta = properties.get("meta:PubDate");
    if (meta != null) {
      List<DateFinder.Found> found = DateFinder.all(DateFinder.foldDigits(meta));
      if (!found.isEmpty()) {
        return Sourced.of(found.get(0).date(), "page meta");
      }
    }
    return null;
  }
}
