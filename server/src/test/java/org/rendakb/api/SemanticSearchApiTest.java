package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.ServerConfig;
import org.rendakb.index.IndexReport;

/**
 * Search by meaning over real HTTP: laws of five topics from the shared corpus and the seeds,
 * indexed by the real indexer with the real model, served by the real server. A description in
 * other words finds its topic first, a hit found by meaning alone says so and marks nothing, the
 * facets and the all-values list count what the page lists, and what is not a relevance-ordered
 * search with words stays lexical.
 */
class SemanticSearchApiTest {
  @TempDir static Path tmp;
  static Javalin app;
  static Http http;
  static int documents;

  /** Title patterns: three laws of each topic, taken in manifest order. */
  static final List<String> TOPICS = List.of("养犬管理", "物业管理条例", "文明行为促进条例", "燃气管理条例", "城市绿化条例");

  @BeforeAll
  static void start() throws Exception {
    TestCorpus.assumeSharedCorpus();
    Path laws = Files.createDirectories(tmp.resolve("laws"));
    Path corpus = TestCorpus.shared().resolve("corpus");
    List<String> manifest = Files.readAllLines(corpus.resolve("manifest.tsv"));
    Map<String, Integer> taken = new HashMap<>();
    for (String line : manifest.subList(1, manifest.size())) {
      String[] f = line.split("\t", -1);
      for (String topic : TOPICS) {
        if (f[1].contains(topic) && taken.merge(topic, 1, Integer::sum) <= 3) {
          Files.copy(corpus.resolve(f[0]), laws.resolve(Path.of(f[0]).getFileName()));
        }
      }
    }
    Path seeds = TestCorpus.seeds(tmp.resolve("seeds"));
    Path index = tmp.resolve("index");
    IndexReport report = TestCorpus.index(index, List.of(laws, seeds));
    documents = report.documents();
    assertEquals(documents, report.vectors().documentsEmbedded(), "every file has its vector: " + report.vectors());
    app = ServerFixture.serve(new ServerConfig(index, "127.0.0.1", 0, List.of(laws, seeds), null).withSemantic());
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void healthSaysHowFarMeaningReaches() throws Exception {
    JsonNode semantic = http.json("/api/health").get("semantic");
    assertTrue(semantic.get("available").asBoolean());
    assertEquals(documents, semantic.get("documents_embedded").asInt());
    assertEquals(documents, semantic.get("of").asInt());
  }

  @Test
  void aDescriptionInOtherWordsFindsItsTopicFirst() throws Exception {
    // none of these words shares two characters with 养犬管理条例/规定
    JsonNode hybrid = http.json("/api/search", "q", "宠物狗 拴绳 咬人 狂犬疫苗");
    assertEquals("hybrid", hybrid.get("query").get("mode").asText());
    List<String> top = titles(hybrid, 5);
    assertTrue(top.getFirst().contains("养犬"), "a dog law first: " + top);
    assertEquals(3, top.stream().filter(t -> t.contains("养犬")).count(), "the three dog laws in the first five: " + top);
    JsonNode lexical = http.json("/api/search", "q", "宠物狗 拴绳 咬人 狂犬疫苗", "mode", "lexical");
    assertEquals("lexical", lexical.get("query").get("mode").asText());
    for (JsonNode hit : lexical.get("hits")) {
      assertFalse(hit.get("meaning").asBoolean(), "a lexical search finds nothing by meaning: " + hit);
    }
  }

  @Test
  void aHitFoundByMeaningAloneSaysSoAndMarksNothing() throws Exception {
    // slang for dogs and walking them: no two characters of it in any of these laws
    JsonNode result = http.json("/api/search", "q", "汪星人 遛弯 铲屎官", "mode", "semantic");
    assertEquals("semantic", result.get("query").get("mode").asText());
    int byMeaning = 0;
    for (JsonNode hit : result.get("hits")) {
      if (hit.get("meaning").asBoolean()) {
        byMeaning++;
        for (JsonNode snippet : hit.get("snippets")) {
          assertFalse(snippet.asText().contains("<mark>"), "nothing to mark in " + snippet);
        }
        assertFalse(hit.get("snippets").isEmpty(), "its opening stands for it: " + hit);
        assertFalse(hit.get("snippets").get(0).asText().equals(hit.get("title").asText()),
            "the opening's prose, not the title again: " + hit);
      }
    }
    assertTrue(byMeaning > 0, "found by meaning alone: " + result);
  }

  @Test
  void theFacetsAndEveryValueCountWhatThePageLists() throws Exception {
    JsonNode result = http.json("/api/search", "q", "楼道 业主 专项维修资金 公共收益", "size", "100");
    assertEquals("hybrid", result.get("query").get("mode").asText());
    long total = result.get("total").asLong();
    assertTrue(total > 0 && total <= documents, "total " + total);
    long byType = 0;
    Map<String, Long> counts = new HashMap<>();
    for (JsonNode v : result.get("facets").get("type")) {
      byType += v.get("count").asLong();
      counts.put(v.get("value").asText(), v.get("count").asLong());
    }
    assertEquals(total, byType, "every listed document has one type");
    JsonNode all = http.json("/api/facets/type", "q", "楼道 业主 专项维修资金 公共收益");
    Map<String, Long> allCounts = new HashMap<>();
    for (JsonNode v : all.get("values")) {
      allCounts.put(v.get("value").asText(), v.get("count").asLong());
    }
    assertEquals(counts, allCounts);
  }

  @Test
  void aNameThatFindsItsDocumentsListsNothingElse() throws Exception {
    JsonNode hybrid = http.json("/api/search", "q", "养犬管理", "size", "100");
    JsonNode lexical = http.json("/api/search", "q", "养犬管理", "mode", "lexical", "size", "100");
    assertEquals("lexical", hybrid.get("query").get("mode").asText(), "meaning had nothing to add, so none was asked");
    assertEquals(lexical.get("total").asLong(), hybrid.get("total").asLong());
    assertEquals(titles(lexical, 100), titles(hybrid, 100));
  }

  @Test
  void browsingDateOrderAndAskingForLexicalStayLexical() throws Exception {
    assertEquals("lexical", http.json("/api/search").get("query").get("mode").asText());
    assertEquals("lexical", http.json("/api/search", "q", "宠物狗 拴绳 咬人", "sort", "date_desc")
        .get("query").get("mode").asText());
  }

  @Test
  void thePageSaysWhichHitsWereFoundByMeaning() throws Exception {
    assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
    try (Browser browser = new Browser(http.base(), tmp.resolve("chrome-profile"), 1280, 1000)) {
      browser.open("/?q=" + java.net.URLEncoder.encode("汪星人 遛弯 铲屎官", java.nio.charset.StandardCharsets.UTF_8));
      long notes = browser.number("return document.querySelectorAll('#results li .meaning').length");
      long hits = browser.number("return document.querySelectorAll('#results > li').length");
      assertTrue(notes > 0 && notes <= hits, notes + " of " + hits + " hits say they were found by meaning");
      assertTrue(((String) browser.js("return document.getElementById('status').textContent")).contains("按语义找到"));
      browser.screenshot("search-by-meaning");
    }
  }

  @Test
  void anUnknownModeIsAPlainBadRequest() throws Exception {
    Http.Answer a = http.get("/api/search", "q", "物业", "mode", "vector");
    assertEquals(400, a.status());
    assertTrue(Pattern.compile("mode must be lexical, hybrid or semantic").matcher(a.text()).find(), a.text());
  }

  private static List<String> titles(JsonNode result, int n) {
    List<String> out = new ArrayList<>();
    for (JsonNode hit : result.get("hits")) {
      if (out.size() < n) {
        out.add(hit.get("title").asText());
      }
    }
    return out;
  }
}
