package org.rendakb.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * Multi-sentence pastes over the whole corpus: with spans the first hit holds every pasted
 * sentence for at least 95% of them, where single passages cannot, and no passage is listed in two
 * hits; the table goes to
 * target/span-evaluation.md.
 */
class SpanEvaluationTest {
  @Test
  void aPastedParagraphFindsTheSpanItCameFrom() throws Exception {
    assumeTrue(CorpusIndex.available(), "the shared corpus is not beside the repository");
    Path index = CorpusIndex.get();
    List<PastedParagraphs.Paste> pastes = new PastedParagraphs().draw(CorpusIndex.CORPUS);
    SpanEvaluation.Report report;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      report = SpanEvaluation.run(new IndexSearcher(reader), pastes);
    }
    String table = report.markdown();
    System.out.println(table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "span-evaluation.md"), table);
    for (SpanEvaluation.Score s : report.spans()) {
      assertTrue(s.holdsAll() >= 0.95, s + "\n" + table);
    }
    // a run and a longer run over the same passages are one place, listed once
    assertTrue(report.overlapping().isEmpty(), table);
    SpanEvaluation.Score before = report.single().getLast();
    assertTrue(before.holdsAll() < report.spans().getLast().holdsAll(), table);
  }
}
