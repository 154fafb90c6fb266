package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.SharedCorpus;
import org.rendakb.cli.IndexerCli;
import picocli.CommandLine;

/**
 * The index folder fails under a run (a full disk, a read-only folder, a path that cannot be a
 * folder): the indexer CLI, in a child JVM, stops with exit code 1 and a message naming the folder
 * and the cause, and the previous commit is intact and readable; after a full disk, the next run
 * with room completes. A real full disk and a real read-only folder need mount (root); without it
 * those cases are skipped, saying so.
 */
class IndexFaultsTest {
  static final Path LAWS = CrashRecoveryTest.CORPUS.resolve("laws/DLC/山东地方法规/地方性法规/山东");

  @TempDir static Path work;
  static Path first;
  static Path more;
  static Path built;
  static IndexSnapshot before;

  @BeforeAll
  static void buildAnIndex() throws Exception {
    SharedCorpus.assume();
    List<Path> files;
    try (Stream<Path> s = Files.list(LAWS)) {
      files = s.filter(p -> p.toString().endsWith(".md")).sorted().limit(45).toList();
    }
    first = copy(files.subList(0, 20), work.resolve("first"));
    more = copy(files.subList(20, files.size()), work.resolve("more"));
    built = work.resolve("built");
    Indexer.run(new IndexerOptions(built, List.of(first), 2, false));
    before = IndexSnapshot.read(built);
    assertEquals(20, before.documents());
  }

  private static Path copy(List<Path> files, Path to) throws IOException {
    Files.createDirectories(to);
    for (Path f : files) {
      Files.copy(f, to.resolve(f.getFileName()));
    }
    return to;
  }

  private static Path copyIndex(Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(built)) {
      for (Path f : s.filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  private record Run(int exit, String log) {}

  private static Run index(Path index, Path... inputs) throws Exception {
    List<String> args = new ArrayList<>(List.of("--index", index.toString(), "--commit-every", "1"));
    for (Path in : inputs) {
      args.add(in.toString());
    }
    Path log = Files.createTempFile(work, "run", ".log");
    Process p = IndexerChild.start(log, List.of(), args.toArray(String[]::new));
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run ends");
    Run run = new Run(p.exitValue(), IndexerChild.read(log));
    run.log().lines().filter(l -> l.contains("ERROR")).forEach(l -> System.out.println("IndexFaultsTest: exit " + run.exit() + ": " + l));
    return run;
  }

  @Test
  void aFullDiskStopsTheRunAndKeepsTheLastCommit() throws Exception {
    long indexBytes = folderBytes(built);
    Path mount = Files.createDirectories(work.resolve("small-disk"));
    // room for the index and a little more: the 25 more files need about twice the index
    assumeTrue(Mounts.tmpfs(mount, indexBytes + (1 << 20)), "mount -t tmpfs is not allowed here (not root): skipped");
    try {
      Path index = copyIndex(mount.resolve("index"));
      Run run = index(index, first, more);
      assertEquals(1, run.exit(), run.log());
      assertTrue(run.log().contains("writing to the index folder " + index.toAbsolutePath() + " failed"), run.log());
      assertTrue(run.log().contains("disk full"), run.log());
      IndexSnapshot after = IndexSnapshot.read(index);
      after.assertHoldsAllOf(before, "after the disk filled up");
      System.out.printf("IndexFaultsTest: disk full after %d of 45 files committed; previous 20 intact%n", after.documents());

      // the same index, given room, completes the work
      Path roomy = Files.createDirectories(work.resolve("roomy"));
      try (Stream<Path> s = Files.list(index)) {
        for (Path f : s.filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) {
          Files.copy(f, roomy.resolve(f.getFileName()));
        }
      }
      Indexer.run(new IndexerOptions(roomy, List.of(first, more), 2, false));
      IndexSnapshot done = IndexSnapshot.read(roomy);
      assertEquals(45, done.documents(), "every file once");
      done.assertHoldsAllOf(after, "the next run");
    } finally {
      Mounts.unmount(mount);
    }
  }

  @Test
  void aReadOnlyIndexFolderStopsTheRunAndChangesNothing() throws Exception {
    Path index = copyIndex(work.resolve("read-only"));
    assumeTrue(Mounts.readOnly(index), "cannot make a folder read-only here: skipped");
    try {
      String message = refusal(index);
      assertTrue(message.contains("cannot write to the index folder " + index.toAbsolutePath()), message);
      assertTrue(message.contains("read-only") && message.contains("nothing was changed"), message);
      assertEquals(before, IndexSnapshot.read(index), "the index is as it was");
    } finally {
      Mounts.writable(index);
    }
  }

  @Test
  void anIndexPathThatCannotBeAFolderStopsTheRun() throws Exception {
    Path file = Files.writeString(work.resolve("a-file"), "not a folder");
    String message = refusal(file.resolve("index"));
    assertTrue(message.contains("cannot write to the index folder " + file.resolve("index").toAbsolutePath()), message);
    assertTrue(message.contains("Not a directory"), message);
  }

  /** The run's refusal, and the CLI's exit code 1 for it (in-process: these fail before any work). */
  private static String refusal(Path index) throws Exception {
    IndexUnusableException e = assertThrows(IndexUnusableException.class,
        () -> Indexer.run(new IndexerOptions(index, List.of(first, more), 2, false)));
    assertEquals(1, new CommandLine(new IndexerCli()).execute("--index", index.toString(), first.toString()));
    System.out.println("IndexFaultsTest: " + e.getMessage());
    return e.getMessage();
  }

  private static long folderBytes(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      long sum = 0;
      for (Path f : s.toList()) {
        sum += Files.size(f);
      }
      return sum;
    }
  }
}
