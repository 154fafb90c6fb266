package org.rendakb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rendakb.api.TestCorpus;

/** The parts of the search benchmark that decide its figures: the GC log reading and the query mix. */
class SearchBenchTest {
  private static final Path CORPUS = TestCorpus.shared().resolve("corpus");

  private static final String LOG = String.join("\n",
      "[0.009s][info][gc] Using G1",
      "[15.767s][info][gc] GC(3) Pause Young (Concurrent Start) (Metadata GC Threshold) 170M->89M(512M) 253.617ms",
      "[27.299s][info][gc] GC(9) Pause Young (Normal) (G1 Evacuation Pause) 405M->105M(512M) 60.918ms",
      "[27.301s][info][gc,phases] GC(9)   Evacuate Collection Set: 58.1ms",
      "[31.131s][info][gc] GC(71) Pause Remark 176M->176M(194M) 45.324ms",
      "[40.100s][info][gc,phases] GC(80) y: Pause Mark Start 0.011ms",
      "[41.000s][info][gc] Allocation Stall (qtp-17) 12.500ms",
      "");

  @Test
  void pausesAreSplitIntoStartUpAndUnderLoad() {
    assertEquals(253.617, SearchBench.maxPause(LOG, 0, 20), 1e-9);
    assertEquals(60.918, SearchBench.maxPause(LOG, 20, Double.MAX_VALUE), 1e-9);
    // a phase line (58.1 ms inside the 60.9 ms pause) is not a pause of its own
    assertEquals(45.324, SearchBench.maxPause(LOG, 28, Double.MAX_VALUE), 1e-9);
    assertEquals(12.5, SearchBench.maxPause(LOG, 40.5, Double.MAX_VALUE), 1e-9);
  }

  @Test
  void theMixIsSeededAndHasEveryKind() throws IOException {
    TestCorpus.assumeSharedCorpus();
    List<SearchBench.Request> a = SearchBench.mix(CORPUS, new Random(1));
    List<SearchBench.Request> b = SearchBench.mix(CORPUS, new Random(1));
    assertEquals(a, b);
    assertEquals(Set.of("topic", "phrase", "browse", "precedent"),
        a.stream().map(SearchBench.Request::kind).collect(Collectors.toSet()));
    assertTrue(a.stream().allMatch(r -> r.path().startsWith("/api/")));
  }

  @Test
  void aRequestGivesBackTheQueryItWasMadeOf() {
    assertEquals("上海 城市更新", new SearchBench.Request("topic", "/api/search?q=%E4%B8%8A%E6%B5%B7+%E5%9F%8E%E5%B8%82%E6%9B%B4%E6%96%B0").q());
    assertEquals("\"a&b\"", new SearchBench.Request("phrase", "/api/search?size=5&q=%22a%26b%22").q());
    assertEquals("", new SearchBench.Request("browse", "/api/search?year=2001&type=%E6%B3%95%E5%BE%8B").q());
  }
}
