package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.SharedCorpus;
import org.rendakb.extract.HostileFiles;
import org.rendakb.schema.Fields;

/**
 * Files that would each exhaust a heap, in one run of the real indexer CLI with a small heap
 * (200 MB, in a child JVM): a 30 MB text on one line, a PDF page of 18 million glyphs, a PDF form
 * drawn 2,000 times, a page nested 50,000 deep. The run completes with exit 0: the giant text is
 * kept truncated to what the heap can index, the PDF bombs are listed with their reason, and the
 * ordinary files beside them are all indexed.
 */
class HostileFilesRunTest {
  static final String HEAP = "-Xmx200m";

  @TempDir Path work;

  @Test
  void oneHostileFileCannotTakeTheRunDown() throws Exception {
    Path laws = CrashRecoveryTest.CORPUS.resolve("laws/DLC/山东地方法规/地方性法规/山东");
    SharedCorpus.assume();
    Path in = Files.createDirectories(work.resolve("in"));
    List<Path> ordinary;
    try (Stream<Path> s = Files.list(laws)) {
      ordinary = s.filter(p -> p.toString().endsWith(".md")).sorted().limit(10).toList();
    }
    for (Path f : ordinary) {
      Files.copy(f, in.resolve(f.getFileName()));
    }
    HostileFiles.giantLine(in.resolve("giant-line.txt"), Files.readString(ordinary.getFirst()), 30L << 20);
    HostileFiles.glyphBombPdf(in.resolve("glyphs.pdf"), 600_000);
    HostileFiles.formBombPdf(in.resolve("forms.pdf"), 20_000, 2_000);
    HostileFiles.nestedHtml(in.resolve("nested.html"), 50_000);

    Path index = work.resolve("index");
    Path report = work.resolve("report.json");
    Path log = work.resolve("run.log");
    Process p = IndexerChild.start(log, List.of(HEAP), "--index", index.toString(), "--report", report.toString(), in.toString());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run ends");
    assertEquals(0, p.exitValue(), () -> IndexerChild.read(log));

    JsonNode r = new ObjectMapper().readTree(report.toFile());
    Map<String, String> failed = new HashMap<>();
    r.get("failed").forEach(f -> failed.put(f.get("path").asText(), f.get("reason").asText()));
    assertEquals(Set.of("glyphs.pdf", "forms.pdf"), failed.keySet(), failed.toString());
    failed.values().forEach(reason -> assertTrue(reason.startsWith("PDF bomb: "), reason));
    IndexSnapshot snapshot = IndexSnapshot.read(index);
    assertEquals(ordinary.size() + 2, snapshot.documents(), "the ordinary files, the giant text and the nested page");
    for (Path f : ordinary) {
      assertNotNull(snapshot.paths().get(f.getFileName().toString()), f.getFileName().toString());
    }
    try (var dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs giant = searcher.search(new TermQuery(new Term(Fields.ID, snapshot.paths().get("giant-line.txt"))), 1);
      var doc = searcher.storedFields().document(giant.scoreDocs[0].doc);
      assertNotNull(doc.get(Fields.TRUNCATED), "the giant text is kept, truncated");
      System.out.println("HostileFilesRunTest: with " + HEAP + ": " + doc.get(Fields.NOTE) + "; " + failed);
    }
  }
}
