package org.rendakb.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.TextAlign;

/** OFD files written at test time with ofdrw's layout module: one list of lines per page. */
public final class OfdFiles {
  private OfdFiles() {}

  /** A 公文 of two pages: organ, 发文字号, title and body on page 1; the rest, signer and 成文日期 on page 2. */
  public static final List<List<String>> GONGWEN = List.of(
      List.of("江宁市人民代表大会常务委员会文件",
          "江人常发〔2024〕12号",
          "江宁市人民代表大会常务委员会关于加强基层立法联系点建设的决定",
          "各区人大常委会，市人大各专门委员会：",
          "为了发挥基层立法联系点在立法工作中的作用，密切同人民群众的联系，作出如下决定。",
          "一、基层立法联系点应当广泛听取人民群众对法规草案的意见和建议。"),
      List.of("二、市人大常委会法制工作委员会负责联系点的日常联络和业务指导。",
          "三、本决定自公布之日起施行。",
          "江宁市人民代表大会常务委员会",
          "2024年3月15日"));

  /** A line set as an office sets it on an A4 page: its type size (mm) and where it stands. */
  public record Set(String text, double size, char align) {}

  /**
   * One A4 page of lines each set left (L), centred (C) or right (R) in the measure of GB/T 9704 (156
   * mm from the 28 mm margin), in its own size, the way a 公文 is laid out.
   */
  public static Path writeSet(Path file, List<Set> lines) throws IOException {
    try (OFDDoc doc = new OFDDoc(file)) {
      VirtualPage page = new VirtualPage(PageLayout.A4());
      double y = 30;
      for (Set line : lines) {
        Paragraph p = new Paragraph(line.text(), line.size());
        p.setTextAlign(switch (line.align()) {
          case 'C' -> TextAlign.center;
          case 'R' -> TextAlign.right;
          default -> TextAlign.left;
        });
        p.setPosition(Position.Absolute).setXY(28d, y).setWidth(156d);
        page.add(p);
        y += line.size() * 2;
      }
      doc.addVPage(page);
    }
    return file;
  }

  public static Path write(Path file, List<List<String>> pages, String title, String author, LocalDate created)
      throws IOException {
    try (OFDDoc doc = new OFDDoc(file)) {
      PageLayout layout = PageLayout.A4();
      for (List<String> lines : pages) {
        VirtualPage page = new VirtualPage(layout);
        double y = 30;
        for (String line : lines) {
          Paragraph p = new Paragraph(line, 4.5);
          p.setPosition(Position.Absolute).setXY(25d, y).setWidth(160d);
          page.add(p);
          y += 12;
        }
        doc.addVPage(page);
      }
      CT_DocInfo info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
      info.setTile(title);
      info.setAuthor(author);
      info.setCreationDate(created);
    } catch (org.dom4j.DocumentException e) {
      throw new IOException(e);
    }
    return file;
  }
}
