package org.rendakb.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The five seeds, read by a person and written down: what the extractor must find in them. */
class SeedMetadataTest {
  static final Path SEEDS = Path.of(System.getProperty("rendakb.seeds", "../seeds"));
  private final MetadataExtractor extractor = new MetadataExtractor();

  private DocumentMetadata seed(String name) throws IOException {
    return extractor.extract(new MetadataInput(name, Files.readString(SEEDS.resolve(name)), Map.of()));
  }

  @Test
  void seed000IsTheSuqianSocialAffairsCommitteeWorkReport() throws IOException {
    DocumentMetadata m = seed("000_69be07e9666b7acf.txt");
    assertEquals("市人大社会建设委:锚定民生坐标 服务发展大局 以高质量履职赋能社会建设新实践", m.title());
    assertEquals(LocalDate.of(2025, 8, 4), m.date(), "发布时间 wins");
    assertEquals(DocType.WORK_REPORT, m.type());
    assertEquals("宿迁市人民代表大会常务委员会", m.body(), "市人大 expanded with the city the text names");
    assertEquals("社会建设委员会", m.committee(), "社会建设委 / 社会委 in full");
    assertEquals("江苏", m.region());
    assertEquals("宿迁市", m.place());
    assertTrue(m.laws().contains("中华人民共和国残疾人保障法"), m.laws().toString());
    assertTrue(m.laws().contains("江苏省残疾人保障条例"), m.laws().toString());
  }

  @Test
  void seed001IsASpeechWhoseTitleIsNotTheSiteName() throws IOException {
    DocumentMetadata m = seed("001_bc4b0e9daff07e53.txt");
    assertEquals("在全市人大社会建设工作座谈会上的讲话", m.title());
    assertEquals(LocalDate.of(2025, 3, 8), m.date());
    assertEquals(DocType.SPEECH, m.type());
    assertNull(m.body(), "市人大常委会 of a city the text never names stays unknown");
  }

  @Test
  void seed002IsANewsReportAboutYanduDistrict() throws IOException {
    DocumentMetadata m = seed("002_056d75d49a5fde5e.txt");
    assertEquals("薪火铸魂 履职尽责 为民谋利 盐都区人大书写高质量发展新答卷", m.title());
    assertEquals(DocType.NEWS, m.type());
    assertEquals(2023, m.year());
    assertEquals("盐城市盐都区人民代表大会常务委员会", m.body());
    assertEquals("盐城市盐都区", m.place());
    assertEquals("江苏", m.region());
  }

  @Test
  void seed003IsTheDeputiesAffairsCommitteeReportOf2025() throws IOException {
    DocumentMetadata m = seed("003_cb351525183f898c.txt");
    assertEquals(2025, m.year(), "the year the text mentions most, not the 2026 plan");
    assertNull(m.date());
    assertEquals(DocType.WORK_REPORT, m.type());
    assertEquals("代表工作委员会", m.committee(), "代表工委 in full");
    assertEquals("江苏", m.region());
    assertTrue(m.title().startsWith("今年以来"), "no title line: the opening sentence stands in");
  }

  @Test
  void seed004IsAnExchangeSpeechWithItsTitleOnce() throws IOException {
    DocumentMetadata m = seed("004_972b5afd0ef4ca2a.txt");
    assertEquals("在全市基层人大工作高质量发展推进会上的交流发言", m.title(), "a title printed twice counts once");
    assertEquals(DocType.EXCHANGE_SPEECH, m.type());
    assertEquals(2023, m.year(), "not 2035, a plan year");
    assertNull(m.region(), "a city named once as an example is not the author's");
  }
}
