package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rendakb.ServerConfig;

/**
 * Real corpus files for the drafting tools, indexed by the real indexer and served on a free port:
 * two versions of a regulation (2023 inserts an article and renumbers those after it) and two
 * consecutive government work reports.
 */
final class DraftingCorpus {
  static final String ADOPTION_2019 = "laws/行政法规/中国公民收养子女登记办法(2019-03-02).md";
  static final String ADOPTION_2023 = "laws/行政法规/中国公民收养子女登记办法(2023-07-20).md";
  static final String REPORT_2024 = "reports/2024年中华人民共和国国务院政府工作报告.txt";
  static final String REPORT_2025 = "reports/2025年中华人民共和国国务院政府工作报告.txt";

  /** The running server, a client for it, and the document id of each file above. */
  record Served(Javalin app, Http http, Map<String, String> ids) {}

  private DraftingCorpus() {}

  static Served start(Path tmp) throws Exception {
    Path corpus = TestCorpus.shared().resolve("corpus");
    Path files = tmp.resolve("files");
    for (String f : List.of(ADOPTION_2019, ADOPTION_2023, REPORT_2024, REPORT_2025)) {
      Path to = files.resolve(f);
      Files.createDirectories(to.getParent());
      Files.copy(corpus.resolve(f), to);
    }
    Path index = tmp.resolve("index");
    TestCorpus.index(index, List.of(files));
    Javalin app = ServerFixture.serve(new ServerConfig(index, "127.0.0.1", 0, List.of(files), null));
    Http http = new Http(app.port());
    Map<String, String> ids = new HashMap<>();
    for (JsonNode hit : http.json("/api/search", "q", "", "size", "50", "versions", "all").get("hits")) {
      ids.put(hit.get("path").asText(), hit.get("id").asText());
    }
    assertEquals(4, ids.size(), ids.toString());
    return new Served(app, http, Map.copyOf(ids));
  }
}
