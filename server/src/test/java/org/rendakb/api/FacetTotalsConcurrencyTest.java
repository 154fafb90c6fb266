package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.schema.Fields;
import org.rendakb.search.reader.IndexAccess;

/**
 * The whole-index counts behind the law and organ lists are read by many requests at once on a
 * reader that has just been opened (after each commit): every thread gets the counts one thread
 * alone gets. Lucene's counts read labels through doc values that are not safe to share; shared,
 * they gave wrong labels or failed (HTTP 500 on /api/laws while an indexer committed, in CI).
 */
class FacetTotalsConcurrencyTest {
  static final int THREADS = 8;
  static final int READERS = 25;
  @TempDir static Path tmp;
  static Path index;

  @BeforeAll
  static void build() throws Exception {
    TestCorpus.assumeSharedCorpus();
    Path docs = TestCorpus.seeds(tmp.resolve("docs"));
    try (Stream<Path> s = Files.list(TestCorpus.shared().resolve("corpus/laws/DLC/山东地方法规/地方性法规/山东"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".md")).sorted().limit(120).toList()) {
        Files.copy(f, docs.resolve(f.getFileName()));
      }
    }
    index = tmp.resolve("index");
    TestCorpus.index(index, List.of(docs));
  }

  @Test
  void everyRequestOnANewReaderGetsTheSameCounts() throws Exception {
    Map<String, Integer> laws;
    Map<String, Integer> bodies;
    try (IndexAccess alone = IndexAccess.open(index)) {
      laws = alone.withSearcher(s -> s.totals(Fields.LAW));
      bodies = alone.withSearcher(s -> s.totals(Fields.BODY));
    }
    assertTrue(laws.size() >= 30, "laws cited: " + laws.size());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < READERS; round++) {
        // a new reader each round: its counts are made by whichever requests come first
        try (IndexAccess access = IndexAccess.open(index)) {
          CyclicBarrier start = new CyclicBarrier(THREADS);
          List<Future<Map<String, Integer>>> answers = new ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            String dim = t % 2 == 0 ? Fields.LAW : Fields.BODY;
            answers.add(pool.submit(() -> {
              start.await();
              return access.withSearcher(s -> s.totals(dim));
            }));
          }
          for (int t = 0; t < THREADS; t++) {
            assertEquals(t % 2 == 0 ? laws : bodies, answers.get(t).get(), "round " + round + ", thread " + t);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
