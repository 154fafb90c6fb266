package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.ServerMain;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.IndexSchema;
import picocli.CommandLine;

/**
 * The server's command line refuses what it cannot serve with one clear line and an exit code
 * (README: exit codes), never a stack trace: a missing, empty, truncated or corrupted index, one
 * of a newer schema, a port in use, bad options.
 */
class ServerStartupTest {
  @RegisterExtension static final ServerFixture seeds = ServerFixture.seeds().indexOnly().build();
  static Path tmp;
  static Path good;

  @BeforeAll
  static void build() {
    tmp = seeds.dir();
    good = seeds.index();
  }

  record Outcome(int exit, String output) {}

  /** Runs the server's command line in-process, as {@code main} does, with everything it prints captured. */
  static Outcome serve(String... args) {
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter picocli = new StringWriter();
    try (PrintStream to = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setErr(to);
      System.setOut(to);
      CommandLine cli = ServerMain.command().setErr(new PrintWriter(picocli)).setOut(new PrintWriter(picocli));
      int exit = cli.execute(args);
      return new Outcome(exit, captured.toString(StandardCharsets.UTF_8) + picocli);
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
  }

  static void assertRefused(int exit, String expected, String... args) {
    Outcome o = serve(args);
    System.out.println("ServerStartupTest: exit " + o.exit() + ": " + o.output().strip());
    assertEquals(exit, o.exit(), o.output());
    assertTrue(o.output().contains(expected), o.output());
    assertFalse(o.output().contains("\tat ") || o.output().contains("Exception in thread"), "no stack trace: " + o.output());
  }

  static Path copyOfGood(String name) throws Exception {
    Path copy = Files.createDirectories(tmp.resolve(name));
    try (Stream<Path> files = Files.list(good)) {
      for (Path f : files.filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  static Path largest(Path index, String suffix) throws Exception {
    try (Stream<Path> files = Files.list(index)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix) || p.getFileName().toString().startsWith(suffix))
          .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
    }
  }

  @Test
  void aMissingFolderIsRefused() {
    assertRefused(ServerMain.EXIT_INDEX, "no index at", "--index", tmp.resolve("missing").toString(), "--port", "0");
  }

  @Test
  void anEmptyFolderIsRefused() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertRefused(ServerMain.EXIT_INDEX, "no index at", "--index", empty.toString(), "--port", "0");
  }

  /** A copy of the good index with its largest file named like {@code kind} rewritten by {@code damage}. */
  static Path damaged(String name, String kind, UnaryOperator<byte[]> damage) throws Exception {
    Path index = copyOfGood(name);
    Path file = largest(index, kind);
    Files.write(file, damage.apply(Files.readAllBytes(file)));
    return index;
  }

  @Test
  void aTruncatedSegmentsFileIsRefused() throws Exception {
    Path index = damaged("truncated", "segments_", bytes -> Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(ServerMain.EXIT_INDEX, "damaged or incomplete", "--index", index.toString(), "--port", "0");
  }

  @Test
  void aCorruptedSegmentIsRefused() throws Exception {
    Path index = damaged("corrupted", ".cfs", bytes -> {
      for (int i = bytes.length - 64; i < bytes.length; i++) {
        bytes[i] ^= 0x5a; // the footer and its checksum
      }
      return bytes;
    });
    assertRefused(ServerMain.EXIT_INDEX, "damaged or incomplete", "--index", index.toString(), "--port", "0");
  }

  @Test
  void aMissingSegmentFileIsRefused() throws Exception {
    Path index = copyOfGood("missing-file");
    Files.delete(largest(index, ".cfs"));
    assertRefused(ServerMain.EXIT_INDEX, "damaged or incomplete", "--index", index.toString(), "--port", "0");
  }

  @Test
  void aNewerSchemaIsRefused() throws Exception {
    Path index = copyOfGood("newer");
    try (IndexWriter w = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig(Analyzers.perField()))) {
      w.setLiveCommitData(Map.of(IndexSchema.COMMIT_SCHEMA_VERSION, String.valueOf(IndexSchema.VERSION + 1)).entrySet());
      w.commit();
    }
    assertRefused(ServerMain.EXIT_INDEX, "schema version " + (IndexSchema.VERSION + 1), "--index", index.toString(), "--port", "0");
  }

  @Test
  void aPortInUseIsRefused() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertRefused(ServerMain.EXIT_LISTEN, "cannot listen on 127.0.0.1:" + taken.getLocalPort(),
          "--index", good.toString(), "--port", String.valueOf(taken.getLocalPort()));
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertRefused(ServerMain.EXIT_USAGE, "--port", "--index", good.toString(), "--port", "seventy");
    assertRefused(ServerMain.EXIT_USAGE, "Unknown option", "--index", good.toString(), "--no-such-option");
  }
}
