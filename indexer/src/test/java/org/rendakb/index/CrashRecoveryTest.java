package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.SharedCorpus;

/**
 * kill -9 of the indexer process (the real CLI in a child JVM, committing every second) at seeded
 * random points of a run over 150 corpus files, several times over: after each kill the index
 * opens and holds exactly its last commit (every file in it once, with all its passages, none
 * orphaned), nothing an earlier commit held is lost, and the next run completes with every file
 * once. The seed is printed; {@code -Drendakb.crash.seed=N} replays a run.
 */
class CrashRecoveryTest {
  static final Path CORPUS = SharedCorpus.CORPUS;
  static final int KILLS = 4;
  static final int FILES = 150;
  static final long SEED = Long.getLong("rendakb.crash.seed", System.nanoTime());

  @TempDir Path work;

  @Test
  void killedRunsLeaveTheirLastCommitAndTheNextRunCompletesIt() throws Exception {
    Path laws = CORPUS.resolve("laws/DLC/山东地方法规");
    SharedCorpus.assume();
    Path in = work.resolve("in");
    Files.createDirectories(in);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(laws)) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().limit(FILES).toList();
    }
    for (Path f : files) {
      Files.copy(f, in.resolve(f.getFileName()));
    }
    Path index = work.resolve("index");
    Random random = new Random(SEED);
    System.out.println("CrashRecoveryTest seed " + SEED + " (replay with -Drendakb.crash.seed=" + SEED + ")");
    List<IndexSnapshot> snapshots = new ArrayList<>();
    IndexSnapshot previous = IndexSnapshot.EMPTY;
    int interrupted = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      Process p = IndexerChild.start(work.resolve("run-" + kill + ".log"), List.of(),
          "--index", index.toString(), "--threads", "2", "--commit-every", "1", in.toString());
      // the kill falls at a random point after this run's first commit (JVM start and Tika loading
      // take seconds on a busy machine): while documents are analysed, written, committed or merged
      long delay = 500 + random.nextInt(3_500);
      if (awaitNewCommit(p, index) && !p.waitFor(delay, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no close, no final commit
        interrupted++;
      }
      IndexSnapshot now = IndexSnapshot.read(index);
      now.assertHoldsAllOf(previous, "after kill " + kill);
      System.out.printf("CrashRecoveryTest: kill %d at %d ms after a commit: %d of %d files committed%n", kill, delay,
          now.documents(), files.size());
      snapshots.add(now);
      previous = now;
    }
    Path log = work.resolve("last-run.log");
    Process last = IndexerChild.start(log, List.of(), "--index", index.toString(), "--threads", "2", in.toString());
    assertTrue(last.waitFor(5, TimeUnit.MINUTES), "the final run completes");
    assertEquals(0, last.exitValue(), () -> "the final run failed:\n" + IndexerChild.read(log));
    IndexSnapshot done = IndexSnapshot.read(index);
    Set<String> expected = files.stream().map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, new TreeSet<>(done.paths().keySet()), "every file once, none lost, none duplicated");
    for (int k = 0; k < snapshots.size(); k++) {
      done.assertHoldsAllOf(snapshots.get(k), "the final index against the commit after kill " + (k + 1));
    }
    assertTrue(interrupted > 0, "at least one kill hit a running indexer");
    System.out.printf("CrashRecoveryTest: %d kill -9 (%d mid-run), %d files, %d passages, nothing lost or duplicated%n",
        KILLS, interrupted, done.documents(), done.passages().values().stream().mapToInt(Integer::intValue).sum());
  }

  /**
   * Waits until the running indexer has committed more documents than the index held (its first
   * commits, while the analysers warm up, may add none); false if it ended first.
   */
  private static boolean awaitNewCommit(Process p, Path index) throws Exception {
    long before = committedDocs(index);
    long deadline = System.currentTimeMillis() + 120_000;
    while (p.isAlive() && System.currentTimeMillis() < deadline) {
      if (committedDocs(index) > before) {
        return true;
      }
      Thread.sleep(20);
    }
    return p.isAlive();
  }

  /** Lucene documents (files and passages) in the latest commit, read from its segments file alone. */
  private static long committedDocs(Path index) {
    try (var dir = FSDirectory.open(index)) {
      return DirectoryReader.indexExists(dir) ? SegmentInfos.readLatestCommit(dir).totalMaxDoc() : 0;
    } catch (java.io.IOException e) {
      return 0; // the commit is being written or its old files deleted: look again
    }
  }
}
