package org.rendakb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.api.TestCorpus;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;

/**
 * The in-process comparison on a slice of the real corpus: the plain-Lucene baseline is built from
 * the product index with every file and its facet values, answers topic words and phrases with
 * hits, and the measured rows cover the mix's queries.
 */
class InProcessSearchBenchTest {
  private static final Path CORPUS = TestCorpus.shared().resolve("corpus");
  private static final String SHANGHAI = "laws/DLC/上海地方法规/地方性法规/上海";

  @TempDir static Path dir;
  private static Path index;
  private static int files;

  @BeforeAll
  static void indexASlice() throws Exception {
    TestCorpus.assumeSharedCorpus();
    Path slice = dir.resolve("slice");
    files = TestCorpus.copyFirstFiles(SHANGHAI, 30, slice).size();
    index = dir.resolve("index");
    Indexer.run(new IndexerOptions(index, List.of(slice), 2, true));
  }

  @Test
  void theBaselineHoldsEveryFileWithItsFacetsAndAnswersWordsAndPhrases() throws Exception {
    try (RawLuceneBaseline raw = RawLuceneBaseline.build(index, dir.resolve("raw"), 2)) {
      assertEquals(files, raw.documents());
      // the year is stored as a number in the product index: it must still become a facet value
      assertTrue(raw.facetDimensions().containsAll(List.of("year", "type", "region")), raw.facetDimensions().toString());
      RawLuceneBaseline.Timing words = raw.search("上海 条例");
      assertEquals(10, words.hits());
      assertTrue(words.totalNanos() >= words.searchNanos() && words.searchNanos() > 0);
      assertTrue(raw.search("\"上海市人民代表大会常务委员会\"").hits() > 0);
      assertEquals(0, raw.search("\"没有这个短语的文字\"").hits());
      assertEquals(0, raw.search("。，").hits());
    }
  }

  @Test
  void everyQueryOfTheMixIsTimedForBothSystems() throws Exception {
    InProcessSearchBench.Result r = InProcessSearchBench.measure(index, CORPUS, dir.resolve("out"), 1);
    assertEquals(InProcessSearchBench.KINDS, r.rows().stream().map(InProcessSearchBench.Row::kind).toList());
    for (InProcessSearchBench.Row row : r.rows()) {
      assertEquals(200, row.queries());
      for (InProcessSearchBench.Stats s : List.of(row.rawSearchAndFacets(), row.raw(), row.rendakb())) {
        assertTrue(s.p50Ms() > 0 && s.p99Ms() >= s.p50Ms(), row.kind() + ": " + s);
      }
      assertTrue(row.raw().p50Ms() >= row.rawSearchAndFacets().p50Ms(), row.toString());
      assertTrue(Double.isFinite(row.p50Ratio()) && row.p50Ratio() > 0, row.toString());
    }
    String table = BenchReport.inProcessTable(r);
    assertTrue(table.contains("| topic | 200 |") && table.contains("| phrase | 200 |"), table);
  }

  @Test
  void theGrowthComparesTheSameQueriesOnTwoIndexes() throws Exception {
    // the same index on both sides: every query finds the same, so the medians can differ by noise only
    Path smallBaseline = dir.resolve("growth-small-baseline");
    RawLuceneBaseline.build(index, smallBaseline, 2).close();
    InProcessSearchBench.Growth g = InProcessSearchBench.growth(index, smallBaseline, index, CORPUS, dir.resolve("growth"), 1);
    assertEquals(files, g.plainSmallDocuments());
    assertEquals(files, g.plainBigDocuments());
    assertEquals(InProcessSearchBench.KINDS, g.rows().stream().map(InProcessSearchBench.GrowthRow::kind).toList());
    for (InProcessSearchBench.GrowthRow row : g.rows()) {
      assertEquals(200, row.queries());
      assertTrue(row.rendakb().p50Growth() > 0.2 && row.rendakb().p50Growth() < 5, row.toString());
      assertTrue(row.plain().p50Growth() > 0.2 && row.plain().p50Growth() < 5, row.toString());
    }
    String table = BenchReport.growthTable(g, "10×");
    assertTrue(table.contains("| topic | 200 | rendakb |") && table.contains("| topic | 200 | plain Lucene |"), table);
  }

  @Test
  void percentilesAreOfTheSortedTimes() throws IOException {
    InProcessSearchBench.Stats s = InProcessSearchBench.Stats.of(new long[] {5_000_000, 1_000_000, 3_000_000, 2_000_000});
    assertEquals(2.0, s.p50Ms(), 1e-9);
    assertEquals(5.0, s.p99Ms(), 1e-9);
    assertEquals(2.75, s.meanMs(), 1e-9);
  }
}
