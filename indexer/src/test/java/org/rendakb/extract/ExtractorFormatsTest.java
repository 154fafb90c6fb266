package org.rendakb.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each fixture format gives back the corpus text it was made from; the two real PDFs give real Chinese. */
class ExtractorFormatsTest {
  private static Extractor extractor;

  @BeforeAll
  static void open() {
    extractor = new Extractor();
  }

  @AfterAll
  static void close() {
    extractor.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "tobacco-tax-law.docx, tobacco-tax-law.txt, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "tobacco-tax-law.doc, tobacco-tax-law.txt, application/msword",
      "tobacco-tax-law.odt, tobacco-tax-law.txt, application/vnd.oasis.opendocument.text",
      "tobacco-tax-law.rtf, tobacco-tax-law.txt, application/rtf",
      "tobacco-tax-law.pdf, tobacco-tax-law.txt, application/pdf",
      "tobacco-tax-law.txt, tobacco-tax-law.txt, text/plain",
      "central-bank-immunity.odt, central-bank-immunity.txt, application/vnd.oasis.opendocument.text",
      "central-bank-immunity.gb18030.txt, central-bank-immunity.txt, text/plain",
      "central-bank-immunity.utf16.txt, central-bank-immunity.txt, text/plain",
  })
  void formatGivesBackTheSourceText(String fixture, String source, String type) throws Exception {
    ExtractedText t = extractor.extract(Fixtures.file(fixture));
    String expected = Fixtures.source(source);
    assertEquals(type, t.contentType());
    assertFalse(t.text().contains("\uFFFD"), "mojibake in " + fixture);
    assertFalse(t.truncated());
    double share = Fixtures.hanInOrder(expected, t.text());
    assertTrue(share >= 0.95, fixture + ": only " + share + " of the source's hanzi in order");
    // no more hanzi than the source either: nothing invented by a wrong charset
    assertTrue(Fixtures.han(t.text()).length() <= Fixtures.han(expected).length() * 1.02, fixture + " has extra text");
    String title = expected.lines().findFirst().orElseThrow().strip();
    assertTrue(t.text().lines().anyMatch(l -> l.strip().equals(title)), fixture + ": title line missing: " + title);
  }

  @Test
  void shortGb18030IsNotMojibake() throws Exception {
    // one line of 22 hanzi: too short for a statistical charset guess
    ExtractedText t = extractor.extract(Fixtures.file("short.gb18030.txt"));
    assertEquals("中华人民共和国外国中央银行财产司法强制措施豁免法", t.text());
  }

  @Test
  void markdownKeepsItsHeaderForTheMetadataStage() throws Exception {
    Path md = Fixtures.shared().resolve("corpus/laws/经济法/烟叶税法(2017-12-27).md");
    ExtractedText t = extractor.extract(md);
    assertEquals("text/markdown", t.contentType());
    assertEquals(Files.readString(md).strip(), t.text());
  }

  @ParameterizedTest(name = "meta: [{0}]")
  @CsvSource({"'<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">'", "''"})
  void gbkWebPageIsDecodedWithOrWithoutItsDeclaredCharset(String meta, @TempDir Path dir) throws Exception {
    // 镕 is in GBK but not in GB2312: a page that says gb2312 and means GBK must still read right
    String html = "<html><head>" + meta + "<title>报告</title></head><body><div id=\"zoom\">"
        + "<p>一九九八年三月五日在第九届全国人民代表大会第一次会议上，国务院总理朱镕基作政府工作报告。</p></div></body></html>";
    Path page = Files.write(dir.resolve("report.htm"), html.getBytes(java.nio.charset.Charset.forName("GBK")));
    ExtractedText t = extractor.extract(page);
    assertEquals("一九九八年三月五日在第九届全国人民代表大会第一次会议上，国务院总理朱镕基作政府工作报告。", t.text());
  }

  @Test
  void uploadStreamIsReadLikeAFile() throws Exception {
    try (var in = Files.newInputStream(Fixtures.file("tobacco-tax-law.docx"))) {
      ExtractedText t = extractor.extract(in, "upload.docx");
      assertTrue(t.text().contains("第四条 烟叶税的税率为百分之二十。"));
    }
  }

  @Test
  void webPageKeepsTheArticleWithoutTheSite() throws Exception {
    ExtractedText t = extractor.extract(Fixtures.file("seed-speech-site.html"));
    assertEquals("text/html", t.contentType());
    String seed = Fixtures.source("seed-speech.txt");
    // the seed minus its first line (the source site's name, which the page does not carry)
    String body = seed.substring(seed.indexOf('\n'));
    assertTrue(Fixtures.hanInOrder(body, t.text()) >= 0.95);
    assertTrue(t.text().startsWith("在全市人大社会建设工作座谈会上的讲话\n"), t.text().substring(0, 80));
    assertEquals("在全市人大社会建设工作座谈会上的讲话", t.properties().get("dc:title"));
    for (String clutter : new String[] {"当前位置", "人大要闻", "字号", "打印", "关闭窗口", "分享到", "上一篇", "版权所有", "ICP备", "公网安备", "技术支持"}) {
      assertFalse(t.text().contains(clutter), "clutter left: " + clutter);
    }
  }

  @Test
  void constitutionPdfHasChapterHeadingsAndWholeSentences() throws Exception {
    Path pdf = Fixtures.shared().resolve("corpus/pdf/中华人民共和国宪法.pdf");
    ExtractedText t = extractor.extract(pdf);
    assertEquals("application/pdf", t.contentType());
    String text = t.text();
    assertTrue(Pattern.compile("(?m)^第一章 总纲$").matcher(text).find(), "第一章 总纲 heading");
    assertTrue(Pattern.compile("(?m)^第二章 公民的基本权利和义务$").matcher(text).find());
    // sentences that wrap across PDF lines come out whole
    assertTrue(text.contains("中国是世界上历史最悠久的国家之一。中国各族人民共同创造了光辉灿烂的文化，具有光荣的革命传统。"));
    assertTrue(text.contains("中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。"));
    assertFalse(text.contains("\uFFFD"));
    assertTrue(Fixtures.han(text).length() > 15_000);
  }

  @Test
  void civilCodePdfHasWholeArticlesAndItsHexTitleDecoded() throws Exception {
    Path pdf = Fixtures.shared().resolve("corpus/pdf/中华人民共和国民法典.pdf");
    ExtractedText t = extractor.extract(pdf);
    String text = t.text();
    assertTrue(text.contains("第一条 为了保护民事主体的合法权益，调整民事关系，维护社会和经济秩序，适应中国特色社会主义发展要求，弘扬社会主义核心价值观，根据宪法，制定本法。"),
        () -> text.substring(text.indexOf("第一条"), text.indexOf("第一条") + 200));
    assertTrue(text.contains("第一千二百六十条"));
    assertFalse(text.contains("\uFFFD"));
    // the Title property is hex-encoded GBK ("Microsoft Word - 中华人民共和国民法典.doc")
    assertEquals("中华人民共和国民法典", t.properties().get("dc:title"));
    assertTrue(t.properties().values().stream().noneMatch(v -> v.contains("\uFFFD")), t.properties()::toString);
    assertFalse(Arrays.stream(text.split("\n")).anyMatch(l -> l.matches("\\d{1,3}")), "page numbers left as lines");
  }
}
