package org.rendakb.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradedMetricsTest {
  @Test
  void anyGradeTwoCopyAtTheCutIsASuccess() {
    // the same law filed under two folders: both copies are sought, the first one found counts
    Map<String, Integer> rel = Map.of("laws/社会法/职业病防治法(2018-12-29).md", 2,
        "laws/经济法/职业病防治法(2018-12-29).md", 2, "laws/社会法/职业病防治法(2017-11-04).md", 1);
    GradedMetrics m = GradedMetrics.of(List.of(List.of("x", "laws/经济法/职业病防治法(2018-12-29).md")), List.of(rel));
    assertEquals(0.5, m.mrr(), 1e-9);
    assertEquals(0.0, m.successAt1(), 1e-9);
    assertEquals(1.0, m.successAt10(), 1e-9);
    assertEquals(1 / 3.0, m.recallAt100(), 1e-9);
  }

  @Test
  void anotherVersionFirstIsNotASuccessAtOne() {
    Map<String, Integer> rel = Map.of("a(2023)", 2, "a(2019)", 1);
    GradedMetrics m = GradedMetrics.of(List.of(List.of("a(2019)", "a(2023)")), List.of(rel));
    assertEquals(0.5, m.mrr(), 1e-9);
    assertEquals(1.0, m.recallAt100(), 1e-9);
    // ideal order 2 then 1; this ranking has them swapped
    double dcg = 1 + 3 / (Math.log(3) / Math.log(2));
    double idcg = 3 + 1 / (Math.log(3) / Math.log(2));
    assertEquals(dcg / idcg, m.ndcgAt10(), 1e-9);
  }

  @Test
  void aFoldedVersionRanksRightAfterItsHitAndIsRetrievedWhereItsHitIs() {
    Map<String, Integer> rel = Map.of("a(2023)", 2, "a(2019)", 1, "b", 1);
    // the law's hit shows its 2019 version, with the 2023 one listed on it
    GradedMetrics m = GradedMetrics.ofHits(List.of(List.of(
        new GradedMetrics.RankedHit("a(2019)", List.of("a(2023)")), new GradedMetrics.RankedHit("b", List.of()))), List.of(rel));
    assertEquals(0.5, m.mrr(), 1e-9);
    assertEquals(1.0, m.recallAt100(), 1e-9);
    // on the 100th hit, a version counts as retrieved although it is the 101st document listed
    List<GradedMetrics.RankedHit> hundred = new java.util.ArrayList<>();
    for (int i = 0; i < 99; i++) {
      hundred.add(new GradedMetrics.RankedHit("x" + i, List.of()));
    }
    hundred.add(new GradedMetrics.RankedHit("b", List.of("a(2023)")));
    hundred.add(new GradedMetrics.RankedHit("a(2019)", List.of()));
    GradedMetrics deep = GradedMetrics.ofHits(List.of(hundred), List.of(rel));
    assertEquals(2 / 3.0, deep.recallAt100(), 1e-9, "b and the version on it, not the 101st hit");
    assertEquals(0.0, deep.mrr(), 1e-9, "rank metrics stop at 100 documents");
  }

  @Test
  void aQueryWithoutADocumentSoughtIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new TopicQuery("g", "q", Map.of("a", 1), null));
  }

  @Test
  void hitPathsAreNamedRelativeToTheCorpusOrByTheirRootFolder() {
    Path corpus = Path.of("/data/corpus");
    assertEquals("laws/DLC/a.md", CorpusDocs.corpusPath(corpus, "/data/corpus/laws", "DLC/a.md"));
    assertEquals("reports/1954.txt", CorpusDocs.corpusPath(corpus, "/data/corpus/reports", "1954.txt"));
    assertEquals("seeds/000.txt", CorpusDocs.corpusPath(corpus, "/repo/seeds", "000.txt"));
  }
}
