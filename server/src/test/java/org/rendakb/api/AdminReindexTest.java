package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POST /api/reindex re-scans the input folders in the background with the indexer's own code:
 * progress and the report in GET /api/reindex, a second start and every other change refused while
 * it runs, and uploads (which live outside the inputs) kept.
 */
class AdminReindexTest {
  static final String TOKEN = "reindex-test-token-0123456789abcdef";
  static final int NEW_FILES = 40;

  @RegisterExtension static final ServerFixture server = ServerFixture.seeds().admin(TOKEN, 1 << 20).build();
  static Path seeds;
  static AdminHttp admin;

  @BeforeAll
  static void start() {
    seeds = server.input("seeds");
    admin = new AdminHttp(server.port(), TOKEN);
  }

  @Test
  void aReindexRunsInTheBackgroundShowsProgressAndRefusesConcurrentChanges() throws Exception {
    String upload = admin.upload(new AdminHttp.Form().file("bank.txt", "text/plain",
        Files.readAllBytes(AdminApiTest.fixture("central-bank-immunity.txt")))).json().get("id").asText();
    long before = admin.get("/api/health").json().get("documents").asLong();

    // new files made from the seeds, each with its own marker; one seed removed
    List<Path> seedFiles;
    try (Stream<Path> s = Files.list(seeds)) {
      seedFiles = s.sorted().toList();
    }
    for (int i = 0; i < NEW_FILES; i++) {
      String text = Files.readString(seedFiles.get(i % seedFiles.size()));
      Files.writeString(seeds.resolve("copy_" + i + ".txt"), "重排标记第" + i + "号文件\n\n" + text, StandardCharsets.UTF_8);
    }
    Files.delete(seedFiles.getFirst());

    AdminHttp.Answer started = admin.post("/api/reindex");
    assertEquals(202, started.status(), started.text());
    assertEquals("running", started.json().get("state").asText());
    assertEquals(seeds.toAbsolutePath().normalize().toString(), started.json().get("inputs").get(0).asText());
    AdminHttp.Answer second = admin.post("/api/reindex");
    assertEquals(409, second.status());
    assertTrue(second.json().get("error").asText().contains("already running"), second.text());
    AdminHttp.Answer upload2 = admin.upload(new AdminHttp.Form().file("x.txt", "text/plain", "重排期间的上传。".getBytes(StandardCharsets.UTF_8)));
    assertEquals(409, upload2.status(), upload2.text());
    assertTrue(upload2.json().get("error").asText().contains("reindex is running"), upload2.text());
    assertEquals(409, admin.delete(upload).status());

    JsonNode status = started.json();
    int progressSeen = 0;
    long deadline = System.currentTimeMillis() + 120_000;
    while (status.get("state").asText().equals("running") && System.currentTimeMillis() < deadline) {
      // search keeps answering during the run
      assertEquals(200, admin.get("/api/search", "q", "人大").status());
      if (status.hasNonNull("files_total")) {
        assertEquals(NEW_FILES, status.get("files_total").asInt());
        assertTrue(status.get("files_done").asInt() <= NEW_FILES);
        progressSeen++;
      }
      Thread.sleep(50);
      status = admin.get("/api/reindex").json();
    }
    assertEquals("done", status.get("state").asText(), status.toString());
    assertTrue(progressSeen > 0, "progress was shown while running: " + status);
    assertEquals(NEW_FILES, status.get("files_done").asInt());
    JsonNode report = status.get("report");
    assertEquals(NEW_FILES, report.get("added").asInt());
    assertEquals(1, report.get("deleted").asInt());
    assertEquals(0, report.get("failed").asInt());
    assertEquals(before + NEW_FILES - 1, report.get("documents").asLong());
    assertTrue(status.hasNonNull("finished_at"));

    // the server sees the result without waiting for its refresh; the upload is still there
    assertEquals(before + NEW_FILES - 1, admin.get("/api/health").json().get("documents").asLong());
    assertEquals(1, admin.total("\"重排标记第7号文件\""));
    assertEquals(200, admin.get("/api/documents/" + upload).status());
    // changes are accepted again; deleting a document of an input folder removes it from the index
    // only, so the next reindex, finding its file, brings it back (under a new id)
    assertEquals(204, admin.delete(upload).status());
    List<String> seven = admin.ids("\"重排标记第7号文件\"");
    assertEquals(204, admin.delete(seven.getFirst()).status());
    assertEquals(0, admin.total("\"重排标记第7号文件\""));
    status = finished(admin.post("/api/reindex"));
    assertEquals("done", status.get("state").asText(), status.toString());
    assertEquals(1, status.get("report").get("added").asInt());
    assertEquals(seedFiles.size() - 1 + NEW_FILES - 1, status.get("report").get("unchanged").asInt());
    assertEquals(1, admin.total("\"重排标记第7号文件\""));
  }

  @Test
  void aReindexWhileTheIndexerProgramHoldsTheIndexFailsWithTheReasonAndChangesNothing() throws Exception {
    long before = admin.get("/api/health").json().get("documents").asLong();
    JsonNode status;
    try (FSDirectory dir = FSDirectory.open(server.index());
        IndexWriter indexer = new IndexWriter(dir, new IndexWriterConfig())) {
      status = finished(admin.post("/api/reindex"));
      indexer.rollback();
    }
    assertEquals("failed", status.get("state").asText(), status.toString());
    assertTrue(status.get("error").asText().contains("locked by another indexer run"), status.toString());
    assertEquals(before, admin.get("/api/health").json().get("documents").asLong());
    // the failed run does not block the next change
    String id = admin.upload(new AdminHttp.Form().file("x.txt", "text/plain", "锁释放后的上传。".getBytes(StandardCharsets.UTF_8)))
        .json().get("id").asText();
    assertEquals(204, admin.delete(id).status());
  }

  /** Waits for the run that {@code started} began; its final status. */
  private static JsonNode finished(AdminHttp.Answer started) throws Exception {
    assertEquals(202, started.status(), started.text());
    JsonNode status;
    long deadline = System.currentTimeMillis() + 120_000;
    do {
      Thread.sleep(50);
      status = admin.get("/api/reindex").json();
    } while (status.get("state").asText().equals("running") && System.currentTimeMillis() < deadline);
    return status;
  }
}
