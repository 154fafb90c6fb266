package org.rendakb.metadata;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rendakb.extract.Block;

/**
 * The elements of a 公文 (GB/T 9704-2012) read from its lines: 发文机关标志 and 发文字号 above the title,
 * 签发人, 主送机关 after the title, and the 落款 — 署名 and 成文日期 set to the right after the text,
 * above the 附件 and the 版记. Where the file shows how lines are set, the 落款 is the first
 * right-aligned date after the title, wherever it stands (an attachment may follow it for pages),
 * and a 信函格式's 发文机关标志 is the organ set large and centred above the title; in plain text the
 * 落款 is a date standing alone among the last lines.
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

  /** Lines set this much larger than the body are a 发文机关标志 (GB/T 9704: 小标宋 at most 22 mm high, over 三号). */
  private static final float MARK_SIZE = 1.5f;

  /**
   * @param styles how each head line is set, one for one (null where unknown)
   * @param layout the file's blocks, for the 落款
   */
  static GongwenElements read(List<String> head, List<Block> styles, int titleLine, List<String> tail, Layout layout) {
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
      Block b = styles.get(i);
      String organ = line.replaceAll("[\\s　]", "");
      if (mark == null && i < titleLine && b != null && b.centred() && b.size() >= MARK_SIZE && ORGAN.matcher(organ).matches()) {
        mark = organ; // the 信函格式: the organ's name alone, large, over the title
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
    LocalDate printed = null;
    for (int i = tail.size() - 1; i >= Math.max(0, tail.size() - TAIL_LINES) && printed == null; i--) {
      String line = tail.get(i).strip();
      List<DateFinder.Found> found = line.endsWith("印发") ? DateFinder.all(DateFinder.foldDigits(line)) : List.of();
      printed = found.size() == 1 ? found.get(0).date() : null;
    }
    Block titleBlock = titleLine >= 0 && titleLine < styles.size() ? styles.get(titleLine) : null;
    Signed closing = closing(layout.blocks(), titleBlock == null ? -1 : titleBlock.order());
    if (closing != null) {
      return new GongwenElements(number, signer, addressee, closing.date(), closing.organ(), mark, printed);
    }
    LocalDate date = null;
    String signature = null;
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
   * The 落款 as set: the first right-aligned line after the title that is a date alone, with the organ
   * set just above it as its 署名, or that is both; null if no such line.
   */
  private static Signed closing(List<Block> blocks, int afterOrder) {
    for (int k = 0; k < blocks.size(); k++) {
      Block b = blocks.get(k);
      if (b.order() <= afterOrder || !b.rightAligned() || b.repeated()) {
        continue;
      }
      String line = DateFinder.foldDigits(b.text().strip());
      if (Furniture.isDateLine(line)) {
        List<DateFinder.Found> found = DateFinder.all(line);
        if (found.size() == 1) {
          String organ = null;
          for (int j = k - 1; j >= Math.max(0, k - 3) && organ == null; j--) {
            String above = blocks.get(j).text().replaceAll("[\\s　]+", "");
            if (!blocks.get(j).repeated() && ORGAN.matcher(above).matches()) {
              organ = above;
            }
          }
          return new Signed(organ, found.get(0).date());
        }
      }
      Signed signed = signedAndDated(line);
      if (signed != null) {
        return signed;
      }
    }
    return null;
  }

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
