package org.rendakb.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.rendakb.metadata.fixtures.LayoutFiles;

/**
 * What the extract stage hands on of a file's layout, from real files: Word documents written with
 * POI in the alignments, weights and sizes offices use, the same as PDF and odt through LibreOffice,
 * a saved web page, an OFD page laid out with ofdrw, and plain text (none).
 */
class BlocksTest {
  @TempDir
  static Path dir;
  static Extractor extractor;
  static Path letter;
  static Path note;

  @BeforeAll
  static void files() throws Exception {
    extractor = new Extractor();
    letter = LayoutFiles.letterWithSchedule(dir);
    note = LayoutFiles.researchNote(dir);
  }

  @AfterAll
  static void close() {
    extractor.close();
  }

  private static Block block(List<Block> blocks, String text) {
    return blocks.stream().filter(b -> b.text().replaceAll("[\\s　]", "").equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no block " + text + " in " + blocks.stream().map(Block::text).toList()));
  }

  private static List<Path> converted(String format) throws Exception {
    assumeTrue(LayoutFiles.canConvert(), "LibreOffice (soffice) is not installed");
    return LayoutFiles.convert(List.of(letter, note), format, dir.resolve(format));
  }

  @Test
  void aWordDocumentsParagraphsComeWithTheirAlignmentWeightAndSize() throws Exception {
    List<Block> blocks = extractor.extract(letter).blocks();
    Block mark = block(blocks, LayoutFiles.LETTER_ORGAN);
    assertEquals(Block.Align.CENTER, mark.align());
    assertTrue(mark.bold());
    assertEquals(28 / 16f, mark.size(), 0.001, "二号 over 三号");
    Block title = block(blocks, "关于商请协助开展食品安全法执法检查的函");
    assertEquals(Block.Align.CENTER, title.align());
    assertTrue(title.bold() && title.large() && title.standalone());
    assertEquals(22 / 16f, title.size(), 0.001);
    Block date = block(blocks, "2024年3月15日");
    assertEquals(Block.Align.RIGHT, date.align());
    assertFalse(date.bold());
    assertEquals(1f, date.size(), 0.001);
    assertEquals(0, date.page(), "a Word file flows: no pages");
    Block body = blocks.stream().filter(b -> b.text().startsWith("代表是人民代表大会的主体")).findFirst().orElseThrow();
    assertEquals(Block.Align.LEFT, body.align());
    assertFalse(body.standalone(), "a paragraph of several lines");
    assertTrue(blocks.stream().anyMatch(b -> b.repeated() && b.text().contains("—")), "the page numbers are repeated");
    assertTrue(block(extractor.extract(note).blocks(), "宿迁人大调研与思考").repeated(), "the running header");
    assertTrue(blocks.get(0).order() == 0 && blocks.get(1).order() == 1);
  }

  @Test
  void aWordParagraphTakesWhatItsStyleAndTheStyleItIsBasedOnSet() throws Exception {
    Path file = dir.resolve("styled.docx");
    try (var doc = new XWPFDocument()) {
      var styles = doc.createStyles();
      // 标题 1: an outline level, centred, 二号 bold; 标题 2 is based on it and sets only its size
      var heading = CTStyle.Factory.newInstance();
      heading.setStyleId("Heading1");
      heading.setType(STStyleType.PARAGRAPH);
      heading.addNewName().setVal("heading 1");
      heading.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
      heading.getPPr().addNewJc().setVal(STJc.CENTER);
      heading.addNewRPr().addNewSz().setVal(BigInteger.valueOf(44));
      heading.getRPr().addNewB();
      styles.addStyle(new XWPFStyle(heading));
      var second = CTStyle.Factory.newInstance();
      second.setStyleId("Heading2");
      second.setType(STStyleType.PARAGRAPH);
      second.addNewName().setVal("heading 2");
      second.addNewBasedOn().setVal("Heading1");
      second.addNewRPr().addNewSz().setVal(BigInteger.valueOf(36));
      styles.addStyle(new XWPFStyle(second));
      var p = doc.createParagraph();
      p.setStyle("Heading1");
      p.createRun().setText("宿迁市养老服务条例");
      var q = doc.createParagraph();
      q.setStyle("Heading2");
      q.createRun().setText("第一章　总则");
      for (int i = 0; i < 6; i++) {
        var body = doc.createParagraph().createRun();
        body.setText("为了规范养老服务，满足老年人养老服务需求，根据有关法律、行政法规，结合本市实际，制定本条例。");
        body.setFontSize(16);
      }
      try (var out = Files.newOutputStream(file)) {
        doc.write(out);
      }
    }
    List<Block> blocks = extractor.extract(file).blocks();
    Block title = block(blocks, "宿迁市养老服务条例");
    assertEquals(1, title.heading());
    assertEquals(Block.Align.CENTER, title.align());
    assertTrue(title.bold());
    assertEquals(22 / 16f, title.size(), 0.001);
    Block chapter = block(blocks, "第一章总则");
    assertEquals(2, chapter.heading(), "a built-in heading style's level by its name");
    assertEquals(Block.Align.CENTER, chapter.align(), "from the style it is based on");
    assertTrue(chapter.bold(), "from the style it is based on");
    assertEquals(18 / 16f, chapter.size(), 0.001, "its own");
  }

  @Test
  void aPdfsLinesComeWithWhereTheyStandOnTheirPage() throws Exception {
    List<Path> pdfs = converted("pdf");
    List<Block> blocks = extractor.extract(pdfs.get(0)).blocks();
    Block title = block(blocks, "关于商请协助开展食品安全法执法检查的函");
    assertEquals(Block.Align.CENTER, title.align(), "a title filling the line, as far from either margin");
    assertTrue(title.bold(), "LibreOffice strokes the outline of a face without bold: it is seen as bold");
    assertEquals(22 / 16f, title.size(), 0.01);
    assertTrue(title.standalone());
    assertEquals(1, title.page());
    Block number = block(blocks, "宿人常办函〔2024〕12号");
    assertEquals(Block.Align.RIGHT, number.align());
    Block date = block(blocks, "2024年3月15日");
    assertEquals(Block.Align.RIGHT, date.align());
    assertEquals(2, date.page());
    Block signature = block(blocks, "宿迁市人大常委会办公室");
    assertEquals(Block.Align.RIGHT, signature.align());
    assertTrue(blocks.stream().filter(b -> b.text().startsWith("年来，全市各级人大常委会")).noneMatch(Block::standalone),
        "a line inside a paragraph");
    List<Block> noteBlocks = extractor.extract(pdfs.get(1)).blocks();
    List<Block> headers = noteBlocks.stream().filter(b -> b.text().replaceAll("[\\s　]", "").equals("宿迁人大调研与思考")).toList();
    assertTrue(headers.size() >= 2 && headers.stream().allMatch(Block::repeated), "the running header, on each page: " + headers);
    assertFalse(block(noteBlocks, LayoutFiles.NOTE_TITLE).repeated());
  }

  @Test
  void formatsTikaReadShowTheirHeadingsAndBold() throws Exception {
    List<Path> odts = converted("odt");
    List<Block> blocks = extractor.extract(odts.get(0)).blocks();
    Block title = block(blocks, "关于商请协助开展食品安全法执法检查的函");
    assertTrue(title.bold());
    assertFalse(block(blocks, "宿迁市人民政府办公室：").bold());
  }

  @Test
  void aWebPageShowsItsHeadingsCentringAndBold() throws Exception {
    List<Block> blocks = extractor.extract(LayoutFiles.bulletinPage(dir)).blocks();
    Block title = block(blocks, LayoutFiles.NOTE_TITLE);
    assertEquals(Block.Align.CENTER, title.align());
    assertTrue(title.bold() && title.standalone());
    assertEquals(0, title.heading());
    Block issue = block(blocks, "2024年第3期总第125期");
    assertEquals(Block.Align.LEFT, issue.align());
    assertFalse(issue.bold());
    Path page = dir.resolve("h.html");
    Files.writeString(page, "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><div id=\"zoom\">"
        + "<h2>市人大常委会召开第十五次会议</h2><p align=\"right\">2024年3月5日</p><p>会议听取和审议了市人民政府关于全市养老服务工作情况的报告。"
        + "会议听取和审议了市人民政府关于全市养老服务工作情况的报告。</p></div></body></html>");
    List<Block> h = extractor.extract(page).blocks();
    assertEquals(2, block(h, "市人大常委会召开第十五次会议").heading());
    assertEquals(Block.Align.RIGHT, block(h, "2024年3月5日").align());
  }

  @Test
  void anOfdPageShowsWhereItsLinesStandAndTheirSizes() throws Exception {
    Path ofd = OfdFiles.writeSet(dir.resolve("函.ofd"), List.of(
        new OfdFiles.Set("宿迁市人民代表大会常务委员会", 9, 'C'),
        new OfdFiles.Set("宿人常发〔2024〕12号", 5.6, 'C'),
        new OfdFiles.Set("关于开展执法检查的通知", 7.7, 'C'),
        new OfdFiles.Set("各县（区）人大常委会：", 5.6, 'L'),
        new OfdFiles.Set("根据常委会年度工作要点，现就开展执法检查有关事项通知如下。", 5.6, 'L'),
        new OfdFiles.Set("请认真组织实施，确保检查取得实效。", 5.6, 'L'),
        new OfdFiles.Set("特此通知。", 5.6, 'L'),
        new OfdFiles.Set("宿迁市人民代表大会常务委员会", 5.6, 'R'),
        new OfdFiles.Set("2024年3月15日", 5.6, 'R')));
    List<Block> blocks = extractor.extract(ofd).blocks();
    Block title = block(blocks, "关于开展执法检查的通知");
    assertEquals(Block.Align.CENTER, title.align());
    assertEquals(7.7 / 5.6, title.size(), 0.01);
    assertEquals(1, title.page());
    assertEquals(Block.Align.RIGHT, block(blocks, "2024年3月15日").align());
    assertEquals(Block.Align.LEFT, block(blocks, "特此通知。").align());
  }

  @Test
  void plainTextHasNoLayout() throws Exception {
    Path txt = dir.resolve("a.txt");
    Files.writeString(txt, "关于开展执法检查的通知\n各县（区）人大常委会：\n特此通知。\n");
    assertTrue(extractor.extract(txt).blocks().isEmpty());
  }
}
