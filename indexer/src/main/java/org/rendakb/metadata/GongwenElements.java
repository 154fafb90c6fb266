package org.rendakb.metadata;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The elements of a 公文 (GB/T 9704-2012) read from its lines: 发文字号 above the title, 签发人, 主送机关
 * after the title, and the 落款 — 署名 and 成文日期 standing alone near the end, above the 版记.
 *
 * @param docNumber normalised to 〔〕 (宿人常发〔2024〕12号), or null
 * @param issuerMark the 发文机关标志 without 文件, or null
 * @param printed the 印发日期 of the 版记, or null
 */
record GongwenElements(String docNumber, String signer, String addressee, LocalDate date, String signature,
    String issuerMark, LocalDate printed) {
  private static final Pattern SIGNER = Pattern.compile("签发人\\s*[:：]\\s*([\\p{IsHan}]{2,4})");
  private static final Pattern MARK = Pattern.compile("^([\\p{IsHan}、\\s　]{4,40})文件$");
  private static final Pattern ADDRESSEE = Pattern.compile("^[^。；]{2,80}[:：]$");
  /** A salutation, an attachment line, or the lead-in of a 纪要 or 公告 (……现将会议议定事项纪要如下：). */
  private static final Pattern NOT_ADDRESSEE = Pattern.compile("^(各位|同志们|尊敬的|附件|联系人|抄送|主题词).*|.*(如下|下列|以下)[:：]$");
  static final Pattern ORGAN = Pattern.compile(
      "^[\\p{IsHan}（）()]{3,40}(常务委员会|人民代表大会|人民政府|办公厅|办公室|委员会|人大常委会|人民法院|人民检察院|局|厅|委|部|政府|党组|领导小组)$");
  /** Where the 落款 is sought: the last lines, above the 版记. */
  private static final int TAIL_LINES = 14;
  private static final int NUMBER_ABOVE_TITLE = 8;

  static GongwenElements read(List<String> head, int titleLine, List<String> tail) {
    String number = null;
    String signer = null;
    String mark = null;
    boolean numbered = false;
    for (int i = 0; i < Math.min(head.size(), Math.max(titleLine, 0) + NUMBER_ABOVE_TITLE); i++) {
      String line = head.get(i).strip();
      Matcher m = Furniture.DOC_NUMBER.matcher(line);
      // a number above the title, or on a line of its own: a number cited in the text is another document's
      if (number == null && m.find() && (i < titleLine || line.length() <= 40) && !line.contains("《")) {
        number = OfficialElements.form(m);
      }
      numbered |= i < titleLine && Furniture.isDocNumberLine(line);
      Matcher s = SIGNER.matcher(line);
      if (signer == null && s.find()) {
        signer = s.group(1);
      }
      Matcher k = MARK.matcher(line);
      if (mark == null && i < Math.max(titleLine, 1) && k.matches()) {
        mark = k.group(1).replaceAll("[\\s　]", "");
      }
    }
    String addressee = null;
    boolean official = number != null || mark != null || numbered;
    if (official && titleLine >= 0) {
      for (int i = titleLine + 1; i < Math.min(head.size(), titleLine + 4); i++) {
        String line = head.get(i).strip();
        if (ADDRESSEE.matcher(line).matches() && !NOT_ADDRESSEE.matcher(line).matches()) {
          addressee = line.substring(0, line.length() - 1).strip();
          break;
        }
      }
    }
    LocalDate date = null;
    String signature = null;
    LocalDate printed = null;
    for (int i = tail.size() - 1; i >= Math.max(0, tail.size() - TAIL_LINES) && printed == null; i--) {
      String line = tail.get(i).strip();
      List<DateFinder.Found> found = line.endsWith("印发") ? DateFinder.all(DateFinder.foldDigits(line)) : List.of();
      printed = found.size() == 1 ? found.get(0).date() : null;
    }
    for (int i = tail.size() - 1; i >= Math.max(0, tail.size() - TAIL_LINES); i--) {
      String line = tail.get(i).strip();
      if (Furniture.isDateLine(line)) {
        List<DateFinder.Found> found = DateFinder.all(DateFinder.foldDigits(line));
        if (found.size() == 1) {
          date = found.get(0).date();
          for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
            String above = tail.get(j).strip().replaceAll("[\\s　]+", "");
            if (ORGAN.matcher(above).matches()) {
              signature = above;
              break;
            }
          }
          break;
        }
      }
      Signed signed = signedAndDated(line);
      if (signed != null) {
        date = signed.date();
        signature = signed.organ();
        break;
      }
    }
    return new GongwenElements(number, signer, addressee, date, signature, mark, printed);
  }

  private record Signed(String organ, LocalDate date) {}

  /**
   * A 署名 and its 成文日期 on one line: a PDF whose two right-aligned lines ran together, or text
   * pasted with the two side by side (盐城市盐都区人民代表大会常务委员会　二〇二〇年十二月七日).
   */
  private static Signed signedAndDated(String line) {
    List<DateFinder.Found> found = DateFinder.all(DateFinder.foldDigits(line));
    if (found.size() != 1 || found.get(0).end() != line.length() || found.get(0).start() == 0) {
      return null;
    }
    String organ = line.substring(0, found.get(0).start()).replaceAll("[\\s　]+", "");
    return ORGAN.matcher(organ).matches() ? new Signed(organ, found.get(0).date()) : null;
  }
}
