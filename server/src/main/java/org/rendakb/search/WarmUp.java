package org.rendakb.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a few searches when the server starts, on a background thread, so that the first person
 * to search does not wait for smartcn's dictionaries to load (about a second) and for the JIT:
 * measured, the first search after start took 1.2 s and the hundredth 6 ms.
 */
public final class WarmUp {
  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

  /** Queries of the kinds staff type: topic words, a phrase, a browse, a typo (partial matches). */
  private static final String[] QUERIES = {"养老服务 人大常委会", "\"民生实事项目\"", "", "代表建议 办理", "零工市埸"};
  private static final int ROUNDS = 20;

  private WarmUp() {}

  public static Thread start(SearchService service) {
    return Thread.ofPlatform().daemon().name("search-warm-up").start(() -> run(service));
  }

  private static void run(SearchService service) {
    long start = System.nanoTime();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        for (String q : QUERIES) {
          service.search(SearchRequest.of(q));
        }
      }
      log.info("search warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (Exception | StackOverflowError e) {
      // an index that cannot be searched is reported by the requests themselves
      log.warn("search warm-up stopped: {}", e.toString());
    }
  }
}
