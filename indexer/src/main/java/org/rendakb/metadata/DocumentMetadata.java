package org.rendakb.metadata;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What people filter on, with canonical values so that facets do not split. Any field may be null
 * (unknown) except {@code type} (at worst {@link DocType#OTHER}) and {@code laws} (possibly empty).
 *
 * @param title the document's own title
 * @param date the most authoritative date (publication, signature, meeting, latest adoption)
 * @param year the year of {@code date}, or the most plausible year stated when no full date is
 * @param body the issuing or authoring organ in full canonical form (宿迁市人民代表大会常务委员会)
 * @param committee the congress working body in full (社会建设委员会), when of or about one
 * @param region province-level short name (江苏, 内蒙古) or 全国
 * @param place the most specific place (盐城市盐都区)
 * @param term 届次 (第十四届)
 * @param meeting the meeting (第十四届全国人民代表大会第二次会议)
 * @param speaker for speeches and reports, where stated
 * @param laws cited laws and regulations, normalised full titles without 《》
 * @param official the 公文 elements (发文字号, 主送机关, 签发人, the site's 发布时间), never null
 * @param sources where each value came from, by field name ("title" → "heading", "date" → "落款" …)
 */
public record DocumentMetadata(
    String title,
    LocalDate date,
    Integer year,
    DocType type,
    String body,
    String committee,
    String region,
    String place,
    String term,
    String meeting,
    String speaker,
    List<String> laws,
    OfficialElements official,
    Map<String, String> sources) {

  /** Metadata without 公文 elements or sources (a catalogue, an index written before them). */
  public DocumentMetadata(String title, LocalDate date, Integer year, DocType type, String body, String committee, String region,
      String place, String term, String meeting, String speaker, List<String> laws) {
    this(title, date, year, type, body, committee, region, place, term, meeting, speaker, laws, OfficialElements.NONE, Map.of());
  }

  public DocumentMetadata {
    laws = laws == null ? List.of() : List.copyOf(laws);
    official = official == null ? OfficialElements.NONE : official;
    sources = sources == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    type = type == null ? DocType.OTHER : type;
    if (year == null && date != null) {
      year = date.getYear();
    }
  }
}
