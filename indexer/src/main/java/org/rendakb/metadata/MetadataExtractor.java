package org.rendakb.metadata;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads title, date, type, body, committee, region, place, term, meeting, speaker and cited laws
 * from a document's text (and its path and file properties). Immutable and thread-safe; its data
 * files (places, committees, national law titles) load once.
 *
 * <p>Order of trust for the date: an explicit 发布时间/落款 date; for laws, the latest adoption,
 * amendment or entry-into-force line of the header; for reports, the year in the title; else the
 * year the text mentions most.
 */
public final class MetadataExtractor {
  /** Laws in Markdown: `# title`, adoption and amendment lines, then this marker. */
  private static final String HEADER_END = "<!-- INFO END -->";
  private static final int HEAD_CHARS = 3000;

  private static final Pattern ADOPTING_BODY = Pattern.compile(
      "(?:^|[\\s　，,(（日])([\\p{IsHan}]{1,12}?(?:省|市|自治区|自治州|县|区))?第([一二三四五六七八九十]+)届(全国)?人民代表大会(常务委员会)?");
  private static final Pattern MEETING = Pattern.compile(
      "(第[一二三四五六七八九十]+届(?:全国)?人民代表大会(?:常务委员会)?第[一二三四五六七八九十]+次(?:全体)?会议)");
  private static final Pattern PUBLISHED = Pattern.compile("(发布时间|发布日期|时间|日期|发文日期|成文日期)[:：]\\s*");
  private static final Pattern SPEAKER = Pattern.compile("(?:国务院总理|总理|主任|副主任|秘书长|主任委员)\\s*([\\p{IsHan}]{2,3})(?=[\\s（(，,])");
  private static final Pattern CLUTTER_LINE = Pattern.compile(
      "^(当前位置|您的位置|你的位置|位置)[:：].*|.*首页\\s*[>＞›»].*|.*\\s首页$|^(发布时间|发布日期|来源|作者|浏览次数|字号)[:：].*"
          + "|^[0-9]{4}-[0-9]{2}-[0-9]{2}.*|^通讯员.*|.*记者.*|^[#\\s]*$");
  private static final Pattern LOCAL_CONGRESS_ABBR = Pattern.compile("([\\p{IsHan}]{0,8}?)(市|区|县|省)人大(常委会)?");

  private final Gazetteer places = new Gazetteer();
  private final CommitteeAliases committees = new CommitteeAliases();
  private final LawCitations laws = new LawCitations();

  public DocumentMetadata extract(MetadataInput input) {
    String text = DateFinder.foldDigits(input.text());
    String path = input.fileName().replace('\\', '/');
    Header header = Header.of(text);
    String head = text.substring(0, Math.min(text.length(), HEAD_CHARS));

    String title = title(header, head, input.properties());
    DocType type = type(path, title, head);
    Adoption adoption = adoption(header);

    LocalDate date = date(header, head, type);
    Integer year = date != null ? Integer.valueOf(date.getYear()) : yearOf(title, text);

    String place = null;
    String region = null;
    String body = null;
    String term = null;
    if (adoption != null) {
      body = adoption.body();
      term = adoption.term();
      place = adoption.place();
    }
    // the source folder of a local regulation is the surest sign of its province
    region = regionFromPath(path);
    if (region == null && adoption != null) {
      region = adoption.national() ? "全国" : places.province(adoption.place());
    }
    if (region == null && isNational(type, null)) {
      region = "全国";
    }
    if (place == null) {
      place = mostSpecificPlace(title, head);
    }
    if (region == null && place != null) {
      region = places.province(place);
    }
    if (body == null) {
      body = bodyFor(type, title, head, place);
    }
    if (region == null && isNational(type, body)) {
      region = "全国";
    }
    String meeting = firstGroup(MEETING, title + "\n" + head);
    if (term == null && meeting != null) {
      term = meeting.substring(0, meeting.indexOf('届') + 1);
    }
    String committee = committee(title, head);
    String speaker = type == DocType.SPEECH || type == DocType.GOVERNMENT_WORK_REPORT || type == DocType.WORK_REPORT
        ? firstGroup(SPEAKER, head) : null;
    // a text with no words at all has no title, rather than an empty one
    return new DocumentMetadata(title.isEmpty() ? null : title, date, year, type, body, committee, region, place, term, meeting, speaker,
        laws.extract(text, title));
  }

  /** The header of a Markdown law file: its title line and its adoption lines. */
  private record Header(String title, List<String> lines) {
    static Header of(String text) {
      int end = text.indexOf(HEADER_END);
      if (!text.startsWith("# ") || end < 0) {
        return null;
      }
      List<String> lines = text.substring(0, end).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      // a header whose title line is empty ("# ") still has its adoption lines; the title is found elsewhere
      String title = headingText(lines.get(0));
      return new Header(title.isEmpty() ? null : title, lines.subList(1, lines.size()));
    }
  }

  private record Adoption(String body, String term, String place, boolean national) {}

  /** The first adoption line names the adopting body and its term. */
  private static Adoption adoption(Header header) {
    if (header == null) {
      return null;
    }
    for (String line : header.lines()) {
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

  /**
   * A line without its Markdown heading marks, stripped as Java strips: a regex {@code \s} after the
   * marks would leave the control characters Java counts as white space (U+001C–U+001F) at the start
   * of a title.
   */
  private static String headingText(String line) {
    return line.replaceFirst("^#+", "").strip();
  }

  private static String title(Header header, String head, Map<String, String> properties) {
    if (header != null && header.title() != null) {
      return header.title();
    }
    for (String line : head.lines().map(String::strip).toList()) {
      String l = headingText(line);
      if (l.length() < 4 || CLUTTER_LINE.matcher(l).matches() || l.startsWith("同志们") || l.startsWith("尊敬的")) {
        continue;
      }
      if (l.length() <= 60 && !l.endsWith("。") && !l.endsWith("：") && !l.endsWith(":")) {
        return l;
      }
      break;
    }
    String property = properties.get("dc:title");
    if (property != null && !property.isBlank()) {
      return property.replaceAll("\\s+", " ").strip(); // a title is one line, whatever the file's properties hold
    }
    // no title line: the opening sentence, cut short, describes the document honestly
    String first = head.strip().lines().findFirst().orElse("");
    int end = first.indexOf('。');
    String sentence = (end > 0 ? first.substring(0, end) : first).strip();
    return sentence.length() <= 40 ? sentence : sentence.substring(0, 40) + "…";
  }

  private static DocType type(String path, String title, String head) {
    for (String segment : path.split("/")) {
      DocType t = switch (segment) {
        case "司法解释" -> DocType.JUDICIAL_INTERPRETATION;
        case "行政法规" -> DocType.ADMINISTRATIVE_REGULATION;
        case "部门规章" -> DocType.DEPARTMENTAL_RULE;
        case "案例" -> DocType.CASE;
        case "地方性法规", "DLC" -> DocType.LOCAL_REGULATION;
        case "宪法", "宪法相关法", "民法典", "民法商法", "行政法", "经济法", "社会法", "刑法", "诉讼与非诉讼程序法", "其他" -> DocType.LAW;
        default -> null;
      };
      if (t != null) {
        return t;
      }
    }
    if (title.contains("政府工作报告")) {
      return title.endsWith("决议") ? DocType.RESOLUTION : DocType.GOVERNMENT_WORK_REPORT;
    }
    if (title.contains("交流发言") || title.contains("经验交流")) {
      return DocType.EXCHANGE_SPEECH;
    }
    if (title.contains("讲话") || title.contains("致辞") || title.matches("^在.*上的(发言|报告)$")
        || head.lines().limit(8).anyMatch(l -> l.strip().startsWith("同志们"))) {
      return DocType.SPEECH;
    }
    if (title.contains("调研报告") || title.contains("调查报告") || title.contains("视察报告")) {
      return DocType.SURVEY_REPORT;
    }
    if (title.contains("审议意见")) {
      return DocType.DELIBERATION_OPINION;
    }
    if (title.endsWith("决议")) {
      return DocType.RESOLUTION;
    }
    if (title.endsWith("决定")) {
      return DocType.DECISION;
    }
    if (title.matches(".*(条例|实施办法|若干规定)$") && head.contains("人民代表大会常务委员会")) {
      return DocType.LOCAL_REGULATION;
    }
    if (head.contains("记者") || head.contains("通讯员") || head.matches("(?s).*(讯|电)（记者.*")) {
      return DocType.NEWS;
    }
    if (title.matches(".*(工作报告|工作总结|情况报告|工作情况|汇报)$") || head.contains("工作总结") || head.contains("现将")
        || head.startsWith("今年以来") || head.contains("\n今年以来")) {
      return DocType.WORK_REPORT;
    }
    return DocType.OTHER;
  }

  private static LocalDate date(Header header, String head, DocType type) {
    if (header != null) {
      // each line is dated by its first date; later dates inside a line are approvals of it
      LocalDate latest = null;
      for (String line : header.lines()) {
        List<DateFinder.Found> found = DateFinder.all(line);
        if (!found.isEmpty() && (latest == null || found.get(0).date().isAfter(latest))) {
          latest = found.get(0).date();
        }
      }
      return latest;
    }
    Matcher published = PUBLISHED.matcher(head);
    if (published.find()) {
      List<DateFinder.Found> after = DateFinder.all(head.substring(published.end(), Math.min(head.length(), published.end() + 30)));
      if (!after.isEmpty() && after.get(0).start() == 0) {
        return after.get(0).date();
      }
    }
    // a date line near the top (a web page's date under its title)
    for (String line : head.lines().limit(8).toList()) {
      List<DateFinder.Found> found = DateFinder.all(line);
      if (!found.isEmpty() && line.strip().length() <= 40) {
        return found.get(0).date();
      }
    }
    return null;
  }

  /** The year in a report's title, or the year the text mentions most. */
  private static Integer yearOf(String title, String text) {
    Matcher m = Pattern.compile("^((?:19|20)[0-9]{2})年").matcher(title);
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    if (title.endsWith("决议") || title.contains("政府工作报告")) {
      return null;
    }
    return DateFinder.mostMentionedYear(text, Year.now().getValue());
  }

  private String regionFromPath(String path) {
    for (String segment : path.split("/")) {
      if (segment.endsWith("地方法规")) {
        return places.province(segment.substring(0, segment.length() - 4));
      }
    }
    return null;
  }

  /** The most specific known place the head mentions: a district beats a city beats a province. */
  private String mostSpecificPlace(String title, String head) {
    // a place named once in passing (an example from another city) is not where the document is
    // from, unless its province is named too
    var all = places.mentions(title + "\n" + head);
    var provinces = all.stream().filter(e -> places.isProvinceLevel(e.getKey())).map(e -> places.province(e.getKey())).toList();
    var mentions = all.stream()
        .filter(e -> e.getValue() >= 2 || title.contains(e.getKey()) || title.contains(e.getKey().substring(0, e.getKey().length() - 1))
            || (!places.isProvinceLevel(e.getKey()) && provinces.contains(places.province(e.getKey()))))
        .toList();
    String best = null;
    for (var e : mentions) {
      String place = e.getKey();
      if (best == null || (places.isProvinceLevel(best) && !places.isProvinceLevel(place))
          || (best.endsWith("市") && place.endsWith("区") && places.province(place).equals(places.province(best)))) {
        best = place;
      }
    }
    if (best != null && best.endsWith("区") && !places.isProvinceLevel(best)) {
      // a district is named with its city when the text names the city too: 盐城市盐都区
      for (var e : mentions) {
        if (e.getKey().endsWith("市") && places.province(e.getKey()).equals(places.province(best))) {
          return e.getKey() + best;
        }
      }
    }
    return best;
  }

  private String bodyFor(DocType type, String title, String head, String place) {
    if (type == DocType.GOVERNMENT_WORK_REPORT) {
      return "国务院";
    }
    if (type == DocType.RESOLUTION && title.contains("全国人民代表大会")) {
      return title.contains("常务委员会") ? "全国人民代表大会常务委员会" : "全国人民代表大会";
    }
    if (type == DocType.JUDICIAL_INTERPRETATION) {
      return title.startsWith("最高人民检察院") ? "最高人民检察院" : title.startsWith("最高人民法院") ? "最高人民法院" : null;
    }
    if (type == DocType.ADMINISTRATIVE_REGULATION) {
      return "国务院";
    }
    Matcher full = Pattern.compile("([\\p{IsHan}]{2,10}?(?:省|市|区|县))人民代表大会常务委员会").matcher(head);
    if (full.find()) {
      return full.group(1) + "人民代表大会常务委员会";
    }
    Matcher abbr = LOCAL_CONGRESS_ABBR.matcher(title + "\n" + head);
    while (abbr.find()) {
      String level = abbr.group(2);
      String named = abbr.group(1) + level;
      if (places.province(named) != null) {
        // 盐都区人大 in a text about 盐城市盐都区: the full place name
        return (place != null && place.endsWith(named) ? place : named) + "人民代表大会常务委员会";
      }
      if (place != null && place.endsWith(level) ) {
        return place + "人民代表大会常务委员会";
      }
      if (place != null && level.equals("市") && place.contains("市") && place.indexOf("市") < place.length() - 1) {
        return place.substring(0, place.indexOf("市") + 1) + "人民代表大会常务委员会";
      }
    }
    return null;
  }

  private static boolean isNational(DocType type, String body) {
    return type == DocType.LAW || type == DocType.ADMINISTRATIVE_REGULATION || type == DocType.JUDICIAL_INTERPRETATION
        || type == DocType.DEPARTMENTAL_RULE || type == DocType.CASE || type == DocType.GOVERNMENT_WORK_REPORT
        || (body != null && (body.startsWith("全国") || body.equals("国务院")));
  }

  /** A committee the title names, else one the opening names at least twice. */
  private String committee(String title, String head) {
    Map<String, Integer> inTitle = committees.mentions(title);
    if (!inTitle.isEmpty()) {
      return inTitle.keySet().iterator().next();
    }
    return committees.mentions(head.substring(0, Math.min(head.length(), 1500))).entrySet().stream()
        .filter(e -> e.getValue() >= 2)
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse(null);
  }

  private static String firstGroup(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
