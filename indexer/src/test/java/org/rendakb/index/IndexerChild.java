package org.rendakb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real indexer CLI in a child JVM on the test classpath, so that a test can kill it or starve it. */
final class IndexerChild {
  private IndexerChild() {}

  /** Starts {@code IndexerCli} with {@code jvmOptions} and {@code args}; stdout and stderr go to {@code log}. */
  static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.rendakb.cli.IndexerCli"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
