package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.schema.FoldingCharFilter;

/**
 * The drafting tools over real HTTP on real corpus files: the 对照表 of two versions of a regulation
 * (2023's inserted 第三条 added, the articles renumbered after it still the same), its Word export
 * read back with POI, and 新提法 between two consecutive government work reports.
 */
class DraftingApiTest {
  static final String ADOPTION_2019 = DraftingCorpus.ADOPTION_2019;
  static final String ADOPTION_2023 = DraftingCorpus.ADOPTION_2023;
  static final String REPORT_2024 = DraftingCorpus.REPORT_2024;
  static final String REPORT_2025 = DraftingCorpus.REPORT_2025;

  @TempDir static Path tmp;
  static Javalin app;
  static Http http;
  static Map<String, String> ids;

  @BeforeAll
  static void start() throws Exception {
    TestCorpus.assumeSharedCorpus();
    DraftingCorpus.Served served = DraftingCorpus.start(tmp);
    app = served.app();
    http = served.http();
    ids = served.ids();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  static JsonNode rowStarting(JsonNode rows, String side, String start) {
    for (JsonNode row : rows) {
      if (row.get(side).asText().startsWith(start)) {
        return row;
      }
    }
    throw new AssertionError("no row whose " + side + " starts with " + start);
  }

  @Test
  void anInsertedArticleIsAddedAndTheRenumberedOnesAfterItAreTheSame() throws Exception {
    JsonNode c = http.json("/api/compare", "a", ids.get(ADOPTION_2019), "b", ids.get(ADOPTION_2023));
    assertEquals(ids.get(ADOPTION_2019), c.at("/a/id").asText());
    assertEquals("中国公民收养子女登记办法", c.at("/b/title").asText());
    JsonNode rows = c.get("rows");

    JsonNode inserted = rowStarting(rows, "b", "第三条 收养登记工作应当坚持中国共产党的领导");
    assertEquals("added", inserted.get("change").asText());
    assertEquals("", inserted.get("a").asText());

    // 2019's 第十二条 is 2023's 第十三条, word for word: the same unit under its new number
    JsonNode renumbered = rowStarting(rows, "b", "第十三条 收养关系当事人弄虚作假");
    assertEquals("same", renumbered.get("change").asText(), renumbered.toString());
    assertTrue(renumbered.get("a").asText().startsWith("第十二条 收养关系当事人弄虚作假"), renumbered.toString());
    JsonNode last = rowStarting(rows, "b", "第十六条 本办法自发布之日起施行");
    assertEquals("same", last.get("change").asText());
    assertTrue(last.get("a").asText().startsWith("第十五条"), last.toString());

    // 第一条 now cites the Civil Code instead of the Adoption Law: changed, the differing chars marked
    JsonNode first = rowStarting(rows, "b", "第一条");
    assertEquals("changed", first.get("change").asText());
    assertTrue(first.get("a").asText().contains("<del>"), first.toString());
    assertTrue(first.get("b").asText().contains("<ins>"), first.toString());
    assertTrue(first.get("b").asText().replaceAll("</?ins>", "").contains("民法典"), first.toString());
    assertFalse(first.get("a").asText().contains("<ins>") || first.get("b").asText().contains("<del>"));

    // every row is counted once, rows follow the newer text's article order
    JsonNode counts = c.get("counts");
    int total = counts.get("same").asInt() + counts.get("changed").asInt() + counts.get("added").asInt()
        + counts.get("removed").asInt();
    assertEquals(rows.size(), total);
    assertTrue(counts.get("same").asInt() >= 8, counts.toString());
    List<Integer> order = new ArrayList<>();
    for (JsonNode row : rows) {
      String b = row.get("b").asText().replaceAll("</?ins>", "");
      for (int n = 1; n <= 16; n++) {
        if (b.startsWith("第" + chinese(n) + "条")) {
          order.add(n);
        }
      }
    }
    assertEquals(16, order.size(), order.toString());
    for (int i = 0; i < order.size(); i++) {
      assertEquals(i + 1, order.get(i));
    }
  }

  @Test
  void theWordExportHoldsTheSameTableWithDeletionsStruckThrough() throws Exception {
    JsonNode c = http.json("/api/compare", "a", ids.get(ADOPTION_2019), "b", ids.get(ADOPTION_2023));
    Http.Answer docx = http.get("/api/compare.docx", "a", ids.get(ADOPTION_2019), "b", ids.get(ADOPTION_2023));
    assertEquals(200, docx.status());
    assertEquals(DraftingRoutes.DOCX, docx.contentType());
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
      assertTrue(doc.getParagraphs().getFirst().getText().contains("对照表"));
      XWPFTable table = doc.getTables().getFirst();
      assertEquals(c.get("rows").size() + 1, table.getNumberOfRows());
      assertEquals("修改前", table.getRow(0).getCell(0).getText());
      boolean struck = false;
      boolean added = false;
      for (int i = 1; i < table.getNumberOfRows(); i++) {
        var row = table.getRow(i);
        String plainB = c.get("rows").get(i - 1).get("b").asText().replaceAll("</?ins>", "");
        assertEquals(unescape(plainB).replace("\n", ""), row.getCell(1).getText().replace("\n", ""));
        for (var p : row.getCell(0).getParagraphs()) {
          for (XWPFRun r : p.getRuns()) {
            struck |= r.isStrikeThrough();
          }
        }
        added |= row.getCell(1).getText().startsWith("第三条 收养登记工作") && row.getCell(2).getText().equals("新增");
      }
      assertTrue(struck, "deleted characters are struck through");
      assertTrue(added, "the inserted article is 新增");
    }
  }

  @Test
  void newPhrasesOfAWorkReportAreWrittenInItAndNotInTheYearBefore() throws Exception {
    String text2025 = fold(http.json("/api/documents/" + ids.get(REPORT_2025)).get("text").asText());
    String text2024 = fold(http.json("/api/documents/" + ids.get(REPORT_2024)).get("text").asText());
    // no against: the same body's report of the year before
    JsonNode r = http.json("/api/documents/" + ids.get(REPORT_2025) + "/new-phrases");
    assertEquals(List.of(ids.get(REPORT_2024)), List.of(r.get("against").get(0).asText()));
    assertTrue(r.get("new").size() >= 20, r.toString());
    assertTrue(r.get("dropped").size() >= 20, r.toString());
    for (JsonNode p : r.get("new")) {
      String phrase = p.get("phrase").asText();
      assertTrue(phrase.length() >= 4, phrase);
      assertTrue(text2025.contains(fold(phrase)), phrase + " is not in the 2025 report");
      assertFalse(text2024.contains(fold(phrase)), phrase + " is in the 2024 report");
      assertTrue(p.get("sentence").asText().contains("<mark>" + phrase + "</mark>"), p.toString());
    }
    for (JsonNode p : r.get("dropped")) {
      String phrase = p.get("phrase").asText();
      assertTrue(text2024.contains(fold(phrase)), phrase + " is not in the 2024 report");
      assertFalse(text2025.contains(fold(phrase)), phrase + " is in the 2025 report");
    }
    // ranked by score
    double previous = Double.MAX_VALUE;
    for (JsonNode p : r.get("new")) {
      assertTrue(p.get("score").asDouble() <= previous);
      previous = p.get("score").asDouble();
    }
    // against named explicitly: the same answer
    JsonNode named = http.json("/api/documents/" + ids.get(REPORT_2025) + "/new-phrases", "against", ids.get(REPORT_2024));
    assertEquals(r.get("new"), named.get("new"));
    System.out.println("新提法 2025 vs 2024: " + r.get("new").toString().substring(0, 600));
  }

  @Test
  void aLawOffersItsOtherVersionsToCompareWith() throws Exception {
    JsonNode v = http.json("/api/documents/" + ids.get(ADOPTION_2023) + "/versions");
    assertEquals(1, v.get("versions").size(), v.toString());
    assertEquals(ids.get(ADOPTION_2019), v.at("/versions/0/id").asText());
    assertEquals(0, http.json("/api/documents/" + ids.get(REPORT_2025) + "/versions").get("versions").size());
  }

  @Test
  void twoPastedSentencesFindTheSpanTheyCameFrom() throws Exception {
    String text = http.json("/api/documents/" + ids.get(REPORT_2025)).get("text").asText();
    List<org.rendakb.passages.Passage> passages = new org.rendakb.passages.PassageSplitter().split(text);
    int i = passages.size() / 2;
    while (passages.get(i).text().length() < 20 || passages.get(i + 1).text().length() < 20) {
      i++;
    }
    String paste = passages.get(i).text() + passages.get(i + 1).text();
    JsonNode first = http.json("/api/precedents", "q", paste).get("hits").get(0);
    assertEquals(ids.get(REPORT_2025), first.get("doc_id").asText());
    assertEquals("exact", first.get("match").asText());
    assertEquals(first.get("position").asInt() + 1, first.get("end_position").asInt(), first.toString());
    assertEquals(paste, unescape(first.get("passage").asText().replaceAll("</?mark>", "")));
    assertTrue(first.get("passage").asText().startsWith("<mark>"), first.toString());

    // one sentence alone is one passage, as before
    JsonNode one = http.json("/api/precedents", "q", passages.get(i).text()).get("hits").get(0);
    assertEquals(one.get("position").asInt(), one.get("end_position").asInt());
    assertEquals(passages.get(i).text(), unescape(one.get("passage").asText().replaceAll("</?mark>", "")));
  }

  @Test
  void badRequestsAreRefusedInPlainWords() throws Exception {
    Http.Answer noB = http.get("/api/compare", "a", ids.get(ADOPTION_2019));
    assertEquals(400, noB.status());
    assertTrue(noB.json().get("error").asText().contains("a and b are required"), noB.text());
    assertEquals(404, http.get("/api/compare", "a", ids.get(ADOPTION_2019), "b", "nope").status());
    assertEquals(404, http.get("/api/compare.docx", "a", "nope", "b", ids.get(ADOPTION_2019)).status());
    assertEquals(400, http.get("/api/documents/" + ids.get(REPORT_2025) + "/new-phrases", "size", "0").status());
    assertEquals(404, http.get("/api/documents/nope/new-phrases").status());
    // the 2024 report has no earlier one in this index
    Http.Answer none = http.get("/api/documents/" + ids.get(REPORT_2024) + "/new-phrases");
    assertEquals(404, none.status());
    assertTrue(none.json().get("error").asText().contains("against=ID"), none.text());
  }

  static String fold(String s) {
    return FoldingCharFilter.fold(s);
  }

  static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
  }

  static String chinese(int n) {
    String[] d = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    return n < 10 ? d[n] : n == 10 ? "十" : "十" + d[n - 10];
  }
}
