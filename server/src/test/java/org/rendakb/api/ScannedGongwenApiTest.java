package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.ServerConfig;
import org.rendakb.metadata.fixtures.ScannedGongwen;
import org.rendakb.metadata.fixtures.Truth;
import org.rendakb.ocr.Ocr;
import org.rendakb.ocr.OcrOptions;

/**
 * Scanned 公文 (generated, drawn as slightly turned, noisy page images, wrapped as image-only
 * PDFs) beside the seeds, indexed with the real Tesseract and served by the real server: each is
 * read by OCR with its title, year, type and organ right, and every sentence of its body, as written, finds it first by precedent search whatever
 * OCR got wrong in it (issue 21's target for scans).
 */
class ScannedGongwenApiTest {
  static final int SCANS = 6;

  @TempDir static Path tmp;
  static Javalin app;
  static Http http;
  static List<ScannedGongwen.Scan> scans;
  static final Map<String, String> idOf = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    TestCorpus.assumeSharedCorpus();
    assumeTrue(Ocr.detect(OcrOptions.defaults(null)).status().available(), "Tesseract with chi_sim is not installed");
    Path docs = TestCorpus.seeds(tmp.resolve("docs"));
    scans = ScannedGongwen.write(TestCorpus.shared().resolve("corpus"), docs, SCANS, 23);
    Path index = tmp.resolve("index");
    TestCorpus.index(index, List.of(docs));
    app = ServerFixture.serve(new ServerConfig(index, "127.0.0.1", 0, List.of(docs), null));
    http = new Http(app.port());
    for (JsonNode hit : http.json("/api/search", "size", "100").get("hits")) {
      idOf.put(hit.get("path").asText(), hit.get("id").asText());
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void everyScanIsReadWithItsTitleYearTypeAndOrgan() throws Exception {
    Map<String, Integer> right = new java.util.LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    for (ScannedGongwen.Scan scan : scans) {
      String name = scan.file().getFileName().toString();
      assertTrue(idOf.containsKey(name), name + " is indexed: " + idOf.keySet());
      JsonNode doc = http.json("/api/documents/" + idOf.get(name));
      assertEquals("ocr", doc.get("extraction").asText(), name);
      Truth t = scan.truth();
      check(right, misses, name, "title", t.title(), doc.get("title"));
      check(right, misses, name, "year", String.valueOf(t.year()), doc.get("year"));
      check(right, misses, name, "type", t.type(), doc.get("type"));
      check(right, misses, name, "body", t.body(), doc.get("body"));
    }
    System.out.println("ScannedGongwenApiTest: " + SCANS + " scans, right: " + right + "; misses: " + misses);
    for (String field : List.of("title", "year", "type", "body")) {
      assertEquals(SCANS, right.get(field), field + ": " + misses);
    }
  }

  private static void check(Map<String, Integer> right, List<String> misses, String name, String field, String want,
      JsonNode got) {
    String value = got == null || got.isNull() ? null : got.asText();
    right.merge(field, want.equals(value) ? 1 : 0, Integer::sum);
    if (!want.equals(value)) {
      misses.add(name + " " + field + ": want " + want + ", got " + value);
    }
  }

  @Test
  void sentencesOfEveryScanFindItByPrecedentSearch() throws Exception {
    int asked = 0;
    int first = 0;
    List<String> misses = new ArrayList<>();
    for (ScannedGongwen.Scan scan : scans) {
      String id = idOf.get(scan.file().getFileName().toString());
      for (String sentence : scan.sentences()) {
        asked++;
        JsonNode hits = http.json("/api/precedents", "q", sentence, "size", "3").get("hits");
        if (!hits.isEmpty() && hits.get(0).get("doc_id").asText().equals(id)) {
          first++;
        } else {
          misses.add(sentence + " -> " + (hits.isEmpty() ? "nothing" : hits.get(0).get("path").asText()
              + ": " + hits.get(0).get("passage").asText()));
        }
      }
    }
    System.out.println("ScannedGongwenApiTest: " + first + " of " + asked + " sentences find their scan first; misses: "
        + misses);
    assertTrue(asked >= 3 * SCANS, asked + " sentences");
    assertEquals(asked, first, misses.toString());
  }
}
