package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.schema.Fields;

/**
 * kill -9 of the indexer process at random points of a run: the index always opens, every file
 * in it is whole (a document and its passages, never one without the other), and the next run
 * completes with nothing lost or duplicated.
 */
class CrashRecoveryTest {
  static final Path CORPUS = Path.of(System.getProperty("rendakb.shared", "../../shared")).resolve("corpus");

  @TempDir Path work;

  @Test
  void killedRunsLeaveAConsistentIndexAndTheNextRunCompletesIt() throws Exception {
    Path laws = CORPUS.resolve("laws/DLC/山东地方法规");
    assumeTrue(Files.isDirectory(laws), "the shared corpus is not beside the repository");
    Path in = work.resolve("in");
    Files.createDirectories(in);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(laws)) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().limit(250).toList();
    }
    for (Path f : files) {
      Files.copy(f, in.resolve(f.getFileName()));
    }
    Path index = work.resolve("index");
    Random random = new Random(7);
    for (int kill = 0; kill < 3; kill++) {
      Process p = indexer(index, in);
      // JVM start and Tika loading take a second or two; kill somewhere in the run that follows
      boolean finished = p.waitFor(1500 + random.nextInt(4000), TimeUnit.MILLISECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor();
      }
      assertConsistent(index);
    }
    Path log = work.resolve("last-run.log");
    Process last = indexer(index, in, ProcessBuilder.Redirect.to(log.toFile()));
    assertTrue(last.waitFor(5, TimeUnit.MINUTES), "the final run completes");
    assertEquals(0, last.exitValue(), () -> "the final run failed:\n" + readQuietly(log));
    int docs = assertConsistent(index);
    assertEquals(files.size(), docs, "every file once, none lost, none duplicated");
  }

  private static String readQuietly(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static Process indexer(Path index, Path in) throws Exception {
    return indexer(index, in, ProcessBuilder.Redirect.DISCARD);
  }

  private static Process indexer(Path index, Path in, ProcessBuilder.Redirect output) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.rendakb.cli.IndexerCli",
        "--index", index.toString(), "--threads", "2", "--commit-every", "1", in.toString())
        .redirectErrorStream(true).redirectOutput(output).start();
  }

  /** Opens the index, checks each file document has its passages and paths are unique; returns the count. */
  private static int assertConsistent(Path index) throws Exception {
    if (!DirectoryReader.indexExists(FSDirectory.open(index))) {
      return 0; // killed before its first commit: nothing committed, nothing to check
    }
    try (var dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<IndexedFile> indexed = IndexedState.read(reader);
      Set<String> paths = new HashSet<>();
      for (IndexedFile f : indexed) {
        assertTrue(paths.add(f.path()), "duplicate document for " + f.path());
        assertTrue(searcher.count(new TermQuery(new Term(Fields.PARENT, f.id()))) > 0, "passages of " + f.path());
      }
      int passages = searcher.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)));
      int owned = 0;
      for (IndexedFile f : indexed) {
        owned += searcher.count(new TermQuery(new Term(Fields.PARENT, f.id())));
      }
      assertEquals(passages, owned, "no orphan passages");
      return indexed.size();
    }
  }
}
