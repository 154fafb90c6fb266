package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.schema.Fields;

/**
 * The server answers throughout while an indexer, in a child JVM, writes to its index (commits
 * every second, merges) and is killed -9 mid-run, and then while the next run completes: every
 * request of two clients gets 200, and the server shows the last commit each time.
 */
class ServingThroughIndexerCrashTest {
  static final int FILES = 40;
  /** Clients pause between requests so that, on a small machine, the indexer still gets CPU. */
  static final long PAUSE_MILLIS = 20;
  /** The seeds indexed and served; 40 Shandong laws in {@code corpus/}, which the test's indexer adds. */
  @RegisterExtension static final ServerFixture server = ServerFixture.seeds()
      .requires(TestCorpus::sharedCorpusPresent, TestCorpus.SHARED_CORPUS_MISSING)
      .laterInput("corpus", corpus -> {
        try (Stream<Path> s = Files.list(TestCorpus.shared().resolve("corpus/laws/DLC/山东地方法规/地方性法规/山东"))) {
          for (Path f : s.filter(p -> p.toString().endsWith(".md")).sorted().limit(FILES).toList()) {
            Files.copy(f, corpus.resolve(f.getFileName()));
          }
        }
      })
      .build();

  @Test
  void requestsAnswerWhileTheIndexerCommitsMergesAndCrashes() throws Exception {
    Path tmp = server.dir();
    Path seeds = server.input("seeds");
    Path corpus = server.input("corpus");
    Path index = server.index();
    Http http = server.http();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    Map<String, Integer> failures = new ConcurrentHashMap<>();
    List<Thread> clients = new ArrayList<>();
    String[][] requests = {
      {"/api/search", "q", "条例"}, {"/api/search", "q", "人民代表大会 常务委员会", "type", "地方性法规"}, {"/api/health"},
      {"/api/precedents", "q", "县级以上人民政府应当加强领导"}, {"/api/search", "sort", "date_desc", "size", "50"}, {"/api/laws"},
      {"/api/suggest", "q", "山东"},
    };
    try {
      for (int c = 0; c < 2; c++) {
        int offset = c;
        clients.add(Thread.ofPlatform().name("client-" + c).start(() -> {
          for (int i = offset; running.get(); i++) {
            String[] r = requests[i % requests.length];
            try {
              Http.Answer a = http.get(r[0], java.util.Arrays.copyOfRange(r, 1, r.length));
              if (a.status() == 200) {
                answered.incrementAndGet();
              } else {
                failures.merge(a.status() + " " + r[0] + " " + a.text(), 1, Integer::sum);
              }
              Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
              return;
            } catch (Exception e) {
              failures.merge(e + " " + r[0], 1, Integer::sum);
            }
          }
        }));
      }
      long before = documents(index);
      Path log = tmp.resolve("indexer.log");
      Process indexer = indexer(log, index, seeds, corpus);
      // kill once the child has committed some of the corpus, mid-run
      long deadline = System.currentTimeMillis() + 120_000;
      while (indexer.isAlive() && documents(index) < before + 10 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(indexer.isAlive(), () -> "the indexer ran to its end before the kill:\n" + read(log));
      indexer.destroyForcibly().waitFor();
      long committed = documents(index);
      assertTrue(committed > before && committed < before + FILES, "killed mid-run: " + committed);
      assertEquals(committed, awaitHealth(http, committed), "the server shows the last commit before the kill");

      // the next run, in this JVM beside the server, completes the work: more commits and merges under the readers
      assertEquals(before + FILES, TestCorpus.index(index, List.of(seeds, corpus)).documents());
      assertEquals(before + FILES, documents(index));
      assertEquals(before + FILES, awaitHealth(http, before + FILES), "the server shows the completed index");
    } finally {
      running.set(false);
      for (Thread t : clients) {
        t.join(30_000);
      }
    }
    System.out.println("ServingThroughIndexerCrashTest: " + answered.get() + " requests answered 200 through a kill -9 and a"
        + " completed run; other answers: " + new TreeMap<>(failures));
    assertEquals(Map.of(), failures, "every request answered 200");
    assertTrue(answered.get() > 50, "the clients kept asking: " + answered.get());
  }

  private static Process indexer(Path log, Path index, Path... inputs) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.rendakb.cli.IndexerCli",
        "--index", index.toString(), "--threads", "2", "--commit-every", "1"));
    for (Path in : inputs) {
      command.add(in.toString());
    }
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** File documents in the latest commit, read directly. */
  private static long documents(Path index) {
    try (var dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      return new IndexSearcher(reader).count(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)));
    } catch (java.io.IOException e) {
      return -1; // a commit is being written: ask again
    }
  }

  /** The documents the server reports once it has caught up with {@code expected} (within 10 s), or what it last said. */
  private static long awaitHealth(Http http, long expected) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    long seen = -1;
    while (System.currentTimeMillis() < deadline) {
      seen = http.json("/api/health").get("documents").asLong();
      if (seen == expected) {
        return seen;
      }
      Thread.sleep(100);
    }
    return seen;
  }
}
