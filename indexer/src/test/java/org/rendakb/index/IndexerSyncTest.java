package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.ocr.OcrOptions;
import org.rendakb.schema.Fields;
import org.rendakb.schema.IndexSchema;
import org.rendakb.semantic.SemanticOptions;

/** The real indexer on real files: seeds and corpus texts, indexed, edited, deleted, renamed. */
class IndexerSyncTest {
  static final Path SEEDS = Path.of(System.getProperty("rendakb.seeds", "../seeds"));

  @TempDir Path work;

  private Path copySeeds() throws IOException {
    Path in = work.resolve("in");
    Files.createDirectories(in.resolve("sub"));
    try (Stream<Path> files = Files.list(SEEDS)) {
      for (Path f : files.toList()) {
        Files.copy(f, in.resolve(f.getFileName().toString().startsWith("00") ? "sub/" + f.getFileName() : f.getFileName().toString()));
      }
    }
    return in;
  }

  /** A folder with one file that a second run adds. */
  private Path laterFolder() throws IOException {
    Path later = work.resolve("later");
    Files.createDirectories(later);
    Files.writeString(later.resolve("added.txt"), "补充材料\n第二次运行加入的文件，落在新的段里。\n", StandardCharsets.UTF_8);
    return later;
  }

  private IndexReport run(Path index, Path in) throws Exception {
    return Indexer.run(new IndexerOptions(index, List.of(in), 2, false));
  }

  @Test
  void secondRunTouchesNothingAndTheIndexFollowsEditsDeletesAndRenames() throws Exception {
    Path in = copySeeds();
    Path index = work.resolve("index");

    IndexReport first = run(index, in);
    assertEquals(5, first.added());
    assertEquals(List.of(), first.failed());
    assertEquals(5, first.documents());
    assertTrue(first.passages() > 100, "passages indexed: " + first.passages());
    Map<String, String> idsBefore = idsByPath(index);

    IndexReport second = run(index, in);
    assertEquals(0, second.added() + second.updated() + second.moved() + second.deleted());
    assertEquals(5, second.unchanged());
    assertEquals(first.passages(), second.passages());

    Path seed1 = in.resolve("sub/001_bc4b0e9daff07e53.txt");
    Files.writeString(seed1, Files.readString(seed1) + "\n新增的一段话：蓝鲸湾零工驿站试点取得新进展。\n");
    Files.delete(in.resolve("sub/002_056d75d49a5fde5e.txt"));
    Files.move(in.resolve("sub/003_cb351525183f898c.txt"), in.resolve("renamed-003.txt"));

    IndexReport third = run(index, in);
    assertEquals(1, third.updated());
    assertEquals(1, third.deleted());
    assertEquals(1, third.moved());
    assertEquals(0, third.added());
    assertEquals(4, third.documents());

    Map<String, String> idsAfter = idsByPath(index);
    assertEquals(idsBefore.get("sub/003_cb351525183f898c.txt"), idsAfter.get("renamed-003.txt"), "a move keeps the id");
    assertNull(idsAfter.get("sub/002_056d75d49a5fde5e.txt"));
    assertEquals(idsBefore.get("sub/001_bc4b0e9daff07e53.txt"), idsAfter.get("sub/001_bc4b0e9daff07e53.txt"));
    try (var reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertEquals(1, searcher.count(phrase(Fields.TEXT_BIGRAMS, "蓝鲸湾零工驿站")), "the edit is searchable");
      assertEquals(1, searcher.count(phrase(Fields.PASSAGE_BIGRAMS, "蓝鲸湾零工驿站")), "and its passage too");
      String movedId = idsAfter.get("renamed-003.txt");
      assertTrue(searcher.count(new TermQuery(new Term(Fields.PARENT, movedId))) > 10, "the moved file keeps its passages");
      assertEquals(0, searcher.count(new TermQuery(new Term(Fields.PARENT, idsBefore.get("sub/002_056d75d49a5fde5e.txt")))),
          "a deleted file leaves no passages behind");
      assertEquals(String.valueOf(IndexSchema.VERSION), reader.getIndexCommit().getUserData().get(IndexSchema.COMMIT_SCHEMA_VERSION));
      assertNotNull(reader.getIndexCommit().getUserData().get(IndexSchema.COMMIT_INDEXED_AT));
    }

    IndexReport full = Indexer.run(new IndexerOptions(index, List.of(in), 1, true));
    assertEquals(4, full.added());
    assertEquals(4, full.documents());
  }

  @Test
  void anIndexOfAnotherSchemaVersionIsRefusedWithAMessage() throws Exception {
    Path index = work.resolve("old");
    try (var dir = FSDirectory.open(index); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
      writer.setLiveCommitData(Map.of(IndexSchema.COMMIT_SCHEMA_VERSION, "0").entrySet());
      writer.commit();
    }
    IndexUnusableException e = assertThrows(IndexUnusableException.class, () -> run(index, copySeeds()));
    assertTrue(e.getMessage().contains("--full"), e.getMessage());
  }

  @Test
  void aBadFileIsReportedAndDoesNotStopTheRun() throws Exception {
    Path in = copySeeds();
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Files.write(in.resolve("junk.pdf"), "%PDF-1.7 this is not really a pdf".getBytes(StandardCharsets.US_ASCII));
    IndexReport report = run(work.resolve("index"), in);
    assertEquals(5, report.added());
    assertEquals(2, report.failed().size(), report.failed().toString());
    for (IndexReport.Failure f : report.failed()) {
      assertTrue(f.reason().length() > 5, f.toString());
    }
  }

  private static PhraseQuery phrase(String field, String text) {
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    for (int i = 0; i + 2 <= text.length(); i++) {
      b.add(new Term(field, text.substring(i, i + 2)), i);
    }
    return b.build();
  }

  @Test
  void maxSegmentsMergesTheIndexAfterTheRunKeepingEveryFileAndPassage() throws Exception {
    Path in = copySeeds();
    Path index = work.resolve("index");
    Path later = laterFolder();
    run(index, in);
    IndexReport unmerged = Indexer.run(new IndexerOptions(index, List.of(in, later), 2, false));
    assertTrue(segments(index) >= 2, "each run's files are flushed into a segment of their own");

    IndexReport merged = Indexer.run(new IndexerOptions(index, List.of(in, later), 2, false,
        IndexerOptions.DEFAULT_COMMIT_EVERY, FinalMerge.always(1)));
    assertEquals(1, segments(index));
    assertEquals(6, merged.unchanged());
    assertEquals(unmerged.documents(), merged.documents());
    assertEquals(unmerged.passages(), merged.passages());
    try (var reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertEquals(String.valueOf(IndexSchema.VERSION), reader.getIndexCommit().getUserData().get(IndexSchema.COMMIT_SCHEMA_VERSION));
    }
  }

  @Test
  void byDefaultABulkLoadEndsInOneSegmentAndAnUpdateIsLeftToTheMergePolicy() throws Exception {
    Path in = copySeeds();
    Path index = work.resolve("index");
    Path later = laterFolder();
    // a commit every millisecond flushes about every file into a segment of its own; vectors, whose
    // own segments an update adds as well, are left out: this is about the lexical blocks' merges
    Duration often = Duration.ofMillis(1);
    IndexReport unmerged = lexical(new IndexerOptions(index, List.of(in), 1, true, often, FinalMerge.NONE));
    assertTrue(segments(index) >= 2, "the set-up writes several segments: " + segments(index));
    assertEquals(0, unmerged.mergeSeconds());

    IndexReport bulk = lexical(new IndexerOptions(index, List.of(in), 1, true, often, FinalMerge.AFTER_BULK_LOAD));
    assertEquals(1, segments(index), "a --full run is a bulk load");
    assertTrue(bulk.mergeSeconds() > 0 && bulk.mergeSeconds() <= bulk.seconds(), bulk.mergeSeconds() + " of " + bulk.seconds());
    assertEquals(unmerged.passages(), bulk.passages());

    IndexReport update = lexical(new IndexerOptions(index, List.of(in, later), 1, false, often, FinalMerge.AFTER_BULK_LOAD));
    assertEquals(1, update.added());
    assertEquals(2, segments(index), "an update's new segment stays");
    assertEquals(0, update.mergeSeconds());
  }

  private static IndexReport lexical(IndexerOptions options) throws Exception {
    return Indexer.run(options, OcrOptions.defaults(options.indexDir()), SemanticOptions.off());
  }

  private static int segments(Path index) throws IOException {
    try (var reader = DirectoryReader.open(FSDirectory.open(index))) {
      return reader.leaves().size();
    }
  }

  private static Map<String, String> idsByPath(Path index) throws IOException {
    Map<String, String> ids = new HashMap<>();
    try (var reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (IndexedFile f : IndexedState.read(reader)) {
        ids.put(f.path(), f.id());
      }
    }
    return ids;
  }
}
