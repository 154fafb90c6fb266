package org.rendakb.metadata;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rendakb.extract.Block;

/**
 * Reads a document's metadata the way a person reads its first and last lines, composing one
 * class per family of fields: {@link Titles}, {@link Dates}, {@link DocTypes}, {@link Organs},
 * {@link GongwenElements} and {@link LawNote}; each value carries where it came from
 * ({@link DocumentMetadata#sources}). Immutable and thread-safe; its data files (places,
 * committees, national law titles) load once.
 */
public final class MetadataExtractor {
  private static final int HEAD_CHARS = 3000;
  private static final int HEAD_LINES = 40;
  private static final int TAIL_CHARS = 1500;
  private static final Pattern MEETING = Pattern.compile(
      "(第[一二三四五六七八九十]+届(?:全国)?人民代表大会(?:常务委员会)?第[一二三四五六七八九十]+次(?:全体)?会议)");
  private static final Pattern SPEAKER = Pattern.compile("(?:国务院总理|总理|主任|副主任|秘书长|主任委员)\\s*([\\p{IsHan}]{2,3})(?=[\\s（(，,])");

  private final Organs organs = organs();
  private final CommitteeAliases committees = new CommitteeAliases();
  private final LawCitations laws = new LawCitations();

  private static Organs organs() {
    Divisions divisions = new Divisions();
    return new Organs(new Gazetteer(divisions), divisions);
  }

  public DocumentMetadata extract(MetadataInput input) {
    String text = DateFinder.foldDigits(input.text());
    String path = input.fileName().replace('\\', '/');
    Map<String, String> properties = input.properties();
    String head = text.substring(0, Math.min(text.length(), HEAD_CHARS));
    Layout layout = new Layout(input.blocks());
    List<String> headLines = layout.joinBroken(HeadLines.of(head, HEAD_LINES));
    List<Block> styles = layout.of(headLines);
    List<String> tailLines = text.substring(Math.max(0, text.length() - TAIL_CHARS)).lines().map(String::strip)
        .filter(l -> !l.isEmpty()).toList();
    Map<String, String> sources = new LinkedHashMap<>();

    LawNote header = LawNote.header(text);
    Sourced<String> title = header != null && header.title() != null ? Sourced.of(header.title(), "header") : null;
    int titleLine = header != null ? -1 : 0;
    if (title == null) {
      title = Titles.find(headLines, styles, properties, path);
      titleLine = title == null ? -1 : lineOf(headLines, title.value());
    }
    if (title == null) {
      title = fallbackTitle(head, properties);
    }
    String titleText = title.value();
    LawNote note = header != null ? header : titleLine >= 0 ? LawNote.under(headLines, lineOf(headLines, lastLineOf(titleText, headLines))) : null;
    GongwenElements gongwen = header != null ? GongwenElements.read(headLines, styles, titleLine, List.of(), Layout.NONE)
        : GongwenElements.read(headLines, styles, titleLine, tailLines, layout);
    Sourced<DocType> type = DocTypes.find(path, titleText, head, note);
    Sourced<LocalDate> date = Dates.find(note, gongwen, headLines, titleLine, head, properties);
    Sourced<LocalDate> published = header != null ? null : Dates.published(head, properties);
    Integer year = date != null ? Integer.valueOf(date.value().getYear()) : yearOf(titleText, text);

    LawNote.Adoption adoption = note == null ? null : note.adoption();
    String place = adoption != null ? adoption.place() : null;
    if (place == null) {
      place = organs.mostSpecificPlace(titleText, head);
    }
    Sourced<String> body = adoption != null && adoption.body() != null ? Sourced.of(adoption.body(), note.source()) : null;
    if (body == null && header == null) {
      body = organs.stated(head + "\n" + String.join("\n", tailLines), gongwen, place);
    }
    if (body == null) {
      body = Sourced.of(organs.named(type.value(), titleText, head, place), "text");
    }
    String bodyText = body == null ? null : body.value();
    Sourced<String> region = region(path, adoption, type.value(), bodyText, place);
    String term = adoption != null ? adoption.term() : null;
    String meeting = firstGroup(MEETING, titleText + "\n" + head);
    if (term == null && meeting != null) {
      term = meeting.substring(0, meeting.indexOf('届') + 1);
    }
    DocType t = type.value();
    String speaker = t == DocType.SPEECH || t == DocType.GOVERNMENT_WORK_REPORT || t == DocType.WORK_REPORT ? firstGroup(SPEAKER, head) : null;

    source(sources, "title", title);
    source(sources, "date", date);
    source(sources, "type", type);
    source(sources, "body", body);
    source(sources, "region", region);
    if (gongwen.docNumber() != null) {
      sources.put("doc_number", "发文字号");
    }
    if (gongwen.addressee() != null) {
      sources.put("addressee", "主送");
    }
    LocalDate publishedDate = published == null || (date != null && published.value().equals(date.value())) ? null : published.value();
    if (publishedDate != null) {
      sources.put("published", published.source());
    }
    // a text with no words at all has no title, rather than an empty one
    return new DocumentMetadata(titleText.isEmpty() ? null : titleText, date == null ? null : date.value(), year, t, bodyText,
        committee(titleText, head), region == null ? null : region.value(), place, term, meeting, speaker, laws.extract(text, titleText),
        new OfficialElements(gongwen.docNumber(), gongwen.addressee(), gongwen.signer(), publishedDate), sources);
  }

  private Sourced<String> region(String path, LawNote.Adoption adoption, DocType type, String body, String place) {
    // the source folder of a local regulation is the surest sign of its province
    String fromPath = organs.regionFromPath(path);
    if (fromPath != null) {
      return Sourced.of(fromPath, "folder");
    }
    if (adoption != null && (adoption.national() || organs.places().province(adoption.place()) != null)) {
      return Sourced.of(adoption.national() ? "全国" : organs.places().province(adoption.place()), "body");
    }
    if (isNational(type, null)) {
      return Sourced.of("全国", "type");
    }
    String ofBody = organs.regionOf(body);
    if (ofBody != null) {
      return Sourced.of(ofBody, "body");
    }
    if (place != null && organs.places().province(place) != null) {
      return Sourced.of(organs.places().province(place), "places named");
    }
    return isNational(type, body) ? Sourced.of("全国", "body") : null;
  }

  private static int lineOf(List<String> lines, String line) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).equals(line) || line.startsWith(lines.get(i)) && lines.get(i).length() >= 4) {
        return i;
      }
    }
    return -1;
  }

  /** The last head line a (possibly two-line) title covers. */
  private static String lastLineOf(String title, List<String> lines) {
    int i = lineOf(lines, title);
    if (i >= 0 && i + 1 < lines.size() && !lines.get(i).equals(title) && title.endsWith(lines.get(i + 1))) {
      return lines.get(i + 1);
    }
    return title;
  }

  private static void source(Map<String, String> sources, String field, Sourced<?> value) {
    if (value != null && value.value() != null) {
      sources.put(field, value.source());
    }
  }

  /** No title line: the file's title property, else the opening sentence cut short. */
  private static Sourced<String> fallbackTitle(String head, Map<String, String> properties) {
    String property = properties.get("dc:title");
    if (property != null && !property.isBlank()) {
      return Sourced.of(property.replaceAll("\\s+", " ").strip(), "file properties"); // a title is one line
    }
    String first = head.strip().lines().findFirst().orElse("");
    int end = first.indexOf('。');
    String sentence = (end > 0 ? first.substring(0, end) : first).strip();
    return Sourced.of(sentence.length() <= 40 ? sentence : sentence.substring(0, 40) + "…", "first sentence");
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

  private static boolean isNational(DocType type, String body) {
    return type == DocType.LAW || type == DocType.ADMINISTRATIVE_REGULATION || type == DocType.JUDICIAL_INTERPRETATION
        || type == DocType.DEPARTMENTAL_RULE || type == DocType.CASE
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
