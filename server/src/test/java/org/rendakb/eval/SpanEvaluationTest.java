package org.rendakb.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rendakb.api.TestCorpus;
import org.rendakb.search.reader.IndexAccess;

/**
 * Multi-sentence pastes over the whole corpus: with spans the first hit holds every pasted
 * sentence for at least 95% of them, where single passages cannot, and no passage is listed in two
 * hits; the table goes to
 * target/span-evaluation.md.
 */
class SpanEvaluationTest {
  @Test
  void aPastedParagraphFindsTheSpanItCameFrom() throws Exception {
    TestCorpus.assumeSharedCorpus();
    Path index = CorpusIndex.get();
    List<PastedParagraphs.Paste> pastes = new PastedParagraphs().draw(CorpusIndex.CORPUS);
    SpanEvaluation.Report report;
    try (IndexAccess access = IndexAccess.open(index)) {
      report = access.withSearcher(s -> SpanEvaluation.run(s, pastes));
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
