package org.rendakb.metadata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A law's adoption and amendment record: the corpus's Markdown header (`# title`, one line per
 * adoption, `<!-- INFO END -->`), or the 题注 an office writes under the title in any format — one
 * parenthesised paragraph (（2001年8月18日……通过　根据……修正）) or one line per adoption, with or
 * without parentheses. Gives the latest date, the adopting body, its term and place.
 *
 * @param title the Markdown header's title line, or null (a 题注 leaves the title to {@link Titles})
 * @param lines one entry per adoption, amendment or approval, each dated by its first date
 * @param source "header" or "题注"
 */
record LawNote(String title, List<String> lines, String source) {
  private static final String HEADER_END = "<!-- INFO END -->";
  private static final Pattern ADOPTING_BODY = Pattern.compile(
      "(?:^|[\\s　，,(（日])([\\p{IsHan}]{1,12}?(?:省|市|自治区|自治州|县|区))?第([一二三四五六七八九十]+)届(全国)?人民代表大会(常务委员会)?");
  private static final Pattern DATED = Pattern.compile("^(根据)?\\s*(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\\s*年.*");
  private static final Pattern ACT = Pattern.compile(".*(通过|修正|修订|修改|批准|公布|施行).*");
  private static final int NOTE_WITHIN = 4;
  private static final String YEAR = "(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\\s*年";

  record Adoption(String body, String term, String place, boolean national) {}

  /** The Markdown header of a corpus law file, or null. */
  static LawNote header(String text) {
    int end = text.indexOf(HEADER_END);
    if (!text.startsWith("# ") || end < 0) {
      return null;
    }
    List<String> lines = text.substring(0, end).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    // a header whose title line is empty ("# ") still has its adoption lines; the title is found elsewhere
    String title = lines.get(0).replaceFirst("^#+", "").strip();
    return new LawNote(title.isEmpty() ? null : title, lines.subList(1, lines.size()), "header");
  }

  /** The 题注 in the lines just after the title line {@code titleLine} of {@code head}, or null. */
  static LawNote under(List<String> head, int titleLine) {
    List<String> segments = new ArrayList<>();
    for (int i = titleLine + 1; i < Math.min(head.size(), titleLine + 1 + NOTE_WITHIN + segments.size()); i++) {
      String line = head.get(i).strip().replaceAll("^[（(\\s]+|[）)\\s]+$", "");
      // one paragraph of several acts: each after a full-width space, a semicolon or 根据, or a date
      // straight after a publication (……公告公布施行1994年10月12日……批准: two lines run together);
      // a date straight after 通过 is the approval of the same act (……通过2021年4月2日……批准的……修正).
      // Undated parts (the title repeated inside the brackets) are not acts.
      List<String> acts = line.endsWith("。") ? List.of() : Arrays.stream(line.split("[　；;]+|(?=根据\\s*" + YEAR + ")|(?<=公布|施行)(?=" + YEAR + ")"))
          .map(String::strip).filter(s -> DATED.matcher(s).matches() && ACT.matcher(s).matches()).toList();
      if (acts.isEmpty()) {
        if (segments.isEmpty()) {
          continue;
        }
        break;
      }
      segments.addAll(acts);
    }
    return segments.isEmpty() ? null : new LawNote(null, List.copyOf(segments), "题注");
  }

  /** The latest act: each line is dated by its first date, later dates inside a line approve it. */
  LocalDate latest() {
    LocalDate latest = null;
    for (String line : lines) {
      List<DateFinder.Found> found = DateFinder.all(line);
      if (!found.isEmpty() && (latest == null || found.get(0).date().isAfter(latest))) {
        latest = found.get(0).date();
      }
    }
    return latest;
  }

  /** The first act names the adopting body and its term. */
  Adoption adoption() {
    for (String line : lines) {
      Matcher m = ADOPTING_BODY.matcher(line);
      if (m.find()) {
        boolean national = m.group(3) != null;
        String place = national ? null : m.group(1);
        String organ = "人民代表大会" + (m.group(4) != null ? "常务委员会" : "");
        String body = national ? "全国" + organ : (place == null ? null : place + organ);
        return new Adoption(body, "第" + m.group(2) + "届", place, national);
      }
    }
    return null;
  }
}
