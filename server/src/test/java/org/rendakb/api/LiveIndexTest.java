package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.ServerMain;
import org.rendakb.schema.IndexSchema;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.reader.IndexNotReadyException;
import picocli.CommandLine;

/** The server over a seeds index that changes under it, and the refusals at startup. */
class LiveIndexTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.seeds().build();
  static Path tmp;
  static Path seeds;
  static Path index;
  static Http http;

  @BeforeAll
  static void start() {
    tmp = server.dir();
    seeds = server.input("seeds");
    index = server.index();
    http = server.http();
  }

  @Test
  void aDocumentIndexedWhileTheServerRunsIsFoundWithinSeconds() throws Exception {
    long before = http.json("/api/health").get("documents").asLong();
    assertEquals(0, http.json("/api/search", "q", "\"蓝鲸湾湿地保护\"").get("total").asLong());
    Files.writeString(seeds.resolve("new_report.txt"),
        "关于蓝鲸湾湿地保护情况的调研报告\n\n2025年5月，市人大常委会组织调研组，对蓝鲸湾湿地保护工作开展专题调研。\n");
    TestCorpus.index(index, List.of(seeds));
    long deadline = System.currentTimeMillis() + 10_000;
    long total = 0;
    while (System.currentTimeMillis() < deadline && total == 0) {
      total = http.json("/api/search", "q", "\"蓝鲸湾湿地保护\"").get("total").asLong();
      if (total == 0) {
        Thread.sleep(200);
      }
    }
    assertEquals(1, total, "the new document is searchable without a restart");
    assertEquals(before + 1, http.json("/api/health").get("documents").asLong());
  }

  @Test
  void aLinkPlacedInTheFolderCannotServeAFileOutsideIt() throws Exception {
    Path outside = Files.writeString(tmp.resolve("secret.txt"), "secret outside the indexed folder");
    Path victim = Files.list(seeds).filter(p -> p.getFileName().toString().startsWith("001_")).findFirst().orElseThrow();
    String id = http.json("/api/search", "size", "100").findValues("hits").getFirst().findValues("id").stream()
        .map(n -> n.asText())
        .filter(candidate -> {
          try {
            return http.json("/api/documents/" + candidate).get("path").asText().equals(victim.getFileName().toString());
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        })
        .findFirst().orElseThrow();
    assertEquals(200, http.get("/api/documents/" + id + "/file").status());
    Path saved = tmp.resolve("saved.txt");
    Files.move(victim, saved);
    try {
      Files.createSymbolicLink(victim, outside);
      Http.Answer a = http.get("/api/documents/" + id + "/file");
      assertEquals(404, a.status());
      assertFalse(a.text().contains("secret"));
    } finally {
      Files.delete(victim);
      Files.move(saved, victim);
    }
  }

  @Test
  void aMissingOrEmptyIndexIsRefusedWithWhatToRun() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    IndexNotReadyException e = assertThrows(IndexNotReadyException.class, () -> IndexAccess.open(empty));
    assertTrue(e.getMessage().contains("indexer"), e.getMessage());
    assertThrows(IndexNotReadyException.class, () -> IndexAccess.open(tmp.resolve("missing")));
    assertEquals(1, new CommandLine(new ServerMain()).execute("--index", empty.toString(), "--port", "0"));
  }

  @Test
  void anIndexOfAnotherSchemaIsRefusedWithTheSchemaMessage() throws Exception {
    Path old = tmp.resolve("old");
    try (IndexWriter w = new IndexWriter(FSDirectory.open(old), new IndexWriterConfig())) {
      Document d = new Document();
      d.add(new KeywordField("kind", "doc", Field.Store.NO));
      w.addDocument(d);
      w.setLiveCommitData(Map.of(IndexSchema.COMMIT_SCHEMA_VERSION, "0").entrySet());
      w.commit();
    }
    IndexNotReadyException e = assertThrows(IndexNotReadyException.class, () -> IndexAccess.open(old));
    assertEquals(IndexSchema.incompatibility(Map.of(IndexSchema.COMMIT_SCHEMA_VERSION, "0")), e.getMessage());
  }
}
