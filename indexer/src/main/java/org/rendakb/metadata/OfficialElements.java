package org.rendakb.metadata;

import java.time.LocalDate;

/**
 * The elements of a 公文 people look it up by, each null when the document does not state it.
 *
 * @param docNumber 发文字号, normalised to 〔〕 (宿人常发〔2024〕12号)
 * @param addressee 主送机关, without its colon
 * @param signer 签发人 of a 上行文
 * @param published the site's 发布时间 where it differs from the document's date
 */
public record OfficialElements(String docNumber, String addressee, String signer, LocalDate published) {
  public static final OfficialElements NONE = new OfficialElements(null, null, null, null);

  /** The first 发文字号 a text holds, in its one form, or null (a search box's text). */
  public static String findDocNumber(String text) {
    var m = Furniture.DOC_NUMBER.matcher(text == null ? "" : text);
    return m.find() ? form(m) : null;
  }

  static String form(java.util.regex.MatchResult m) {
    return m.group(1) + "〔" + m.group(2) + "〕" + m.group(3) + "号";
  }

  /** A 发文字号 in any written form ([] () 【】〔〕, spaces) in its one form, or null if the text is none. */
  public static String normaliseDocNumber(String text) {
    var m = Furniture.DOC_NUMBER.matcher(text == null ? "" : text.strip());
    return m.matches() ? form(m) : null;
  }
}
