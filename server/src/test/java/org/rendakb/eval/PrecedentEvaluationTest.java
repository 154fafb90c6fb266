package org.rendakb.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rendakb.api.TestCorpus;
import org.rendakb.search.reader.IndexAccess;

/**
 * Precedent search on the seeded query set over the whole corpus, beside the plain baseline, as a
 * regression gate: each kind's MRR must stay within 0.01 of the value stored in
 * precedent-expected.json (raise the stored value in the commit that improves it), the heavy kinds
 * must reach 0.9, and the product may not fall behind the baseline on any kind.
 */
class PrecedentEvaluationTest {
  static final Path QUERIES = Path.of("src/test/resources/eval/precedent-queries.jsonl");
  static final Path EXPECTED = Path.of("src/test/resources/eval/precedent-expected.json");
  static final Set<String> HEAVY = Set.of("multi", "paraphrase", "traditional", "fragment", "numerals");

  @Test
  void productBeatsTheBaselineAndHoldsItsStoredFigures() throws Exception {
    TestCorpus.assumeSharedCorpus();
    Path index = CorpusIndex.get();
    PrecedentEvaluation.Report report;
    try (IndexAccess access = IndexAccess.open(index);
        BigramSentenceBaseline baseline = new BigramSentenceBaseline(CorpusIndex.CORPUS)) {
      var queries = PrecedentEvaluation.load(QUERIES);
      report = access.withSearcher(s -> PrecedentEvaluation.run(s, baseline, queries));
    }
    String table = report.markdown();
    System.out.println(table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "precedent-evaluation.md"), table);

    @SuppressWarnings("unchecked")
    Map<String, Double> expected = new ObjectMapper().readValue(EXPECTED.toFile(), Map.class);
    assertEquals(10, report.kinds().size());
    for (PrecedentEvaluation.KindResult k : report.kinds()) {
      double mrr = k.product().mrr();
      assertTrue(mrr >= k.baseline().mrr() - 1e-9,
          k.kind() + ": product MRR " + mrr + " is behind the baseline's " + k.baseline().mrr() + "\n" + table);
      if (HEAVY.contains(k.kind())) {
        assertTrue(mrr >= 0.9, k.kind() + ": MRR " + mrr + " below 0.9\n" + table);
      }
      Double stored = expected.get(k.kind());
      assertTrue(stored != null, "no stored figure for " + k.kind());
      assertTrue(mrr >= stored - 0.01, k.kind() + ": MRR fell from " + stored + " to " + mrr + "\n" + table);
    }
  }
}
