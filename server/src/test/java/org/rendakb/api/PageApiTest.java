package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's APIs over a real index of {@link PageFixture} and the seeds, on the real server:
 * originals with their charset, the exports read back (CSV as text, xlsx with POI) against the
 * search's own pages, the count table against searches of each cell, every facet value, the marks
 * of an abbreviation, and the article of a law's precedent hit.
 */
class PageApiTest {
  @TempDir static Path tmp;
  static Javalin app;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    app = PageFixture.serve(tmp);
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  static String idOf(String q) throws Exception {
    JsonNode hits = http.json("/api/search", "q", q).get("hits");
    assertFalse(hits.isEmpty(), "a hit for " + q);
    return hits.get(0).get("id").asText();
  }

  @Test
  void originalsSayTheCharsetTheirBytesAreIn() throws Exception {
    record Case(String query, String line, Charset charset, String type) {}
    for (Case c : List.of(new Case("养老服务体系建设", PageFixture.UTF8_LINE, StandardCharsets.UTF_8, "text/plain"),
        new Case("基层立法联系点", PageFixture.GB_LINE, PageFixture.GB18030, "text/plain"),
        new Case("专题询问", PageFixture.HTML_LINE, PageFixture.GBK, "text/html"))) {
      Http.Answer a = http.get("/api/documents/" + idOf(c.query()) + "/file");
      assertEquals(200, a.status());
      assertTrue(a.contentType().startsWith(c.type()), a.contentType());
      String declared = a.contentType().replaceAll("(?i).*charset=", "").strip();
      Charset charset = Charset.forName(declared);
      assertTrue(charset.equals(c.charset()) || charset.contains(c.charset()), c.query() + ": " + a.contentType());
      assertTrue(new String(a.body(), charset).contains(c.line()), c.query() + " reads back in its charset");
    }
  }

  @Test
  void theCsvAndTheWorkbookHoldTheWholeListInTheSearchsOrder() throws Exception {
    String[] params = {"q", PageFixture.MARKER, "sort", "date_desc"};
    List<String> ids = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode r = http.json("/api/search", params[0], params[1], params[2], params[3], "size", "10", "page", String.valueOf(page));
      r.get("hits").forEach(h -> { ids.add(h.get("id").asText()); titles.add(h.get("title").asText()); });
      if (r.get("hits").size() < 10) {
        break;
      }
    }
    assertTrue(ids.size() > 20, "more than two pages: " + ids.size());

    Http.Answer csv = http.get("/api/search.csv", params);
    assertEquals(200, csv.status());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    byte[] b = csv.body();
    assertTrue((b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF, "UTF-8 with a BOM, for Excel");
    List<String> lines = csv.text().substring(1).lines().toList();
    assertEquals("title,type,date,year,body,committee,region,doc_number,path,link", lines.get(0), "the columns issue 22 names");
    assertEquals(ids.size(), lines.size() - 1, "one row per hit of every page");
    for (int i = 0; i < ids.size(); i++) {
      assertTrue(lines.get(i + 1).startsWith(titles.get(i) + ","), lines.get(i + 1));
      assertTrue(lines.get(i + 1).endsWith("id=" + ids.get(i)), lines.get(i + 1));
    }

    Http.Answer xlsx = http.get("/api/search.xlsx", params);
    assertEquals(200, xlsx.status());
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheetAt(0);
      DataFormatter f = new DataFormatter();
      assertEquals("title", f.formatCellValue(sheet.getRow(0).getCell(0)));
      assertEquals(ids.size(), sheet.getLastRowNum());
      for (int i = 0; i < ids.size(); i++) {
        Row row = sheet.getRow(i + 1);
        assertEquals(titles.get(i), f.formatCellValue(row.getCell(0)));
        assertTrue(f.formatCellValue(row.getCell(9)).endsWith("id=" + ids.get(i)));
      }
    }
  }

  @Test
  void theCountTableAgreesWithASearchOfEveryCell() throws Exception {
    JsonNode t = http.json("/api/stats", "rows", "region", "cols", "year", "q", PageFixture.MARKER);
    JsonNode rows = t.get("rows");
    JsonNode cols = t.get("cols");
    assertEquals(25, rows.size(), rows.toString());
    assertEquals(25, cols.size(), "the years that have documents: " + cols);
    assertEquals(http.json("/api/search", "q", PageFixture.MARKER).get("total").asLong(), t.get("total").asLong());
    long sum = 0;
    for (int i = 0; i < rows.size(); i++) {
      long rowSum = 0;
      for (int j = 0; j < cols.size(); j++) {
        long n = t.get("counts").get(i).get(j).asLong();
        if (n > 0 || (i + j) % 7 == 0) { // every non-empty cell, and a sample of the empty ones
          long direct = http.json("/api/search", "q", PageFixture.MARKER, "region", rows.get(i).asText(), "year", cols.get(j).asText())
              .get("total").asLong();
          assertEquals(direct, n, rows.get(i) + " × " + cols.get(j));
        }
        rowSum += n;
      }
      assertEquals(t.get("row_totals").get(i).asLong(), rowSum, "row total of " + rows.get(i));
      sum += rowSum;
    }
    assertEquals(t.get("total").asLong(), sum, "every report has a region and a year");

    Http.Answer csv = http.get("/api/stats.csv", "rows", "region", "cols", "year", "q", PageFixture.MARKER);
    List<String> lines = csv.text().substring(1).lines().toList();
    assertEquals(rows.size() + 2, lines.size(), "header, a row per value, the totals");
    assertTrue(lines.getLast().startsWith("合计,") && lines.getLast().endsWith("," + t.get("total").asLong()), lines.getLast());
    Http.Answer xlsx = http.get("/api/stats.xlsx", "rows", "region", "cols", "year", "q", PageFixture.MARKER);
    assertEquals(200, xlsx.status());
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheetAt(0);
      DataFormatter f = new DataFormatter();
      assertEquals(rows.size() + 1, sheet.getLastRowNum(), "header, a row per value, the totals");
      for (int i = 0; i < rows.size(); i++) {
        Row row = sheet.getRow(i + 1);
        assertEquals(rows.get(i).asText(), f.formatCellValue(row.getCell(0)));
        for (int j = 0; j < cols.size(); j++) {
          assertEquals(t.get("counts").get(i).get(j).asText(), f.formatCellValue(row.getCell(j + 1)), rows.get(i) + " × " + cols.get(j));
        }
      }
      Row totals = sheet.getRow(rows.size() + 1);
      assertEquals("合计", f.formatCellValue(totals.getCell(0)));
      assertEquals(t.get("total").asText(), f.formatCellValue(totals.getCell(cols.size() + 1)));
    }

    assertEquals(400, http.get("/api/stats", "rows", "law", "cols", "year").status());
    assertEquals(400, http.get("/api/stats", "rows", "year", "cols", "year").status());
    assertEquals(400, http.get("/api/stats", "cols", "year").status());
    assertTrue(http.get("/api/stats", "rows", "colour", "cols", "year").json().get("error").asText().contains("rows must be one of"));
  }

  @Test
  void everyFacetValueIsReachableWithDrillSidewaysCounts() throws Exception {
    JsonNode search = http.json("/api/search", "q", PageFixture.MARKER);
    assertEquals(20, search.get("facets").get("body").size(), "the list shows the top 20");
    JsonNode all = http.json("/api/facets/body", "q", PageFixture.MARKER, "body", PageFixture.body(0));
    assertEquals(25, all.get("values").size(), "all 25, counted as if the body filter were off");
    all.get("values").forEach(v -> assertEquals(1, v.get("count").asLong(), v.toString()));
    JsonNode some = http.json("/api/facets/body", "q", PageFixture.MARKER, "prefix", "广");
    List<String> values = new ArrayList<>();
    some.get("values").forEach(v -> values.add(v.get("value").asText()));
    assertEquals(List.of("广东省人民代表大会常务委员会", "广西壮族自治区人民代表大会常务委员会"), values);
    assertEquals(400, http.get("/api/facets/colour").status());
    assertEquals(400, http.get("/api/facets/year", "from", "2020-13-01").status());
  }

  @Test
  void marksComeFromTheSnippetsMatcherAbbreviationsIncluded() throws Exception {
    String id = idOf("社建委 养老服务专题调研");
    String text = http.json("/api/documents/" + id).get("text").asText();
    JsonNode marks = http.json("/api/documents/" + id + "/marks", "q", "社建委").get("marks");
    assertEquals(2, marks.size(), marks.toString());
    for (JsonNode m : marks) {
      assertEquals("社会建设委员会", text.substring(m.get("start").asInt(), m.get("end").asInt()));
    }
    assertEquals(0, http.json("/api/documents/" + id + "/marks").get("marks").size(), "no query, no marks");
    assertEquals(404, http.get("/api/documents/nosuchid/marks", "q", "x").status());
    assertEquals(400, http.get("/api/documents/" + id + "/marks", "passage", "-1").status());
  }

  @Test
  void aLawsPrecedentHitCarriesItsArticleAndLeadsToItsPassage() throws Exception {
    JsonNode hit = http.json("/api/precedents", "q", PageFixture.ARTICLE_TWO_SECOND).get("hits").get(0);
    assertEquals(PageFixture.LAW_TITLE, hit.get("title").asText());
    assertEquals("第二条", hit.get("article").asText(), "the second paragraph of article 2 stands in 第二条");
    JsonNode first = http.json("/api/precedents", "q", "坚持政府主导、社会参与、市场运作的原则").get("hits").get(0);
    assertEquals("第三条", first.get("article").asText());
    JsonNode report = http.json("/api/precedents", "q", "认真履行宪法和法律赋予的职责").get("hits").get(0);
    assertTrue(report.get("article").isNull(), "a report's sentence stands in no article");

    String id = hit.get("doc_id").asText();
    String text = http.json("/api/documents/" + id).get("text").asText();
    JsonNode passage = http.json("/api/documents/" + id + "/marks", "passage", hit.get("position").asText()).get("passage");
    assertEquals(PageFixture.ARTICLE_TWO_SECOND, text.substring(passage.get("start").asInt(), passage.get("end").asInt()));
  }
}
