package org.rendakb.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the benchmark ran on and under: cores, memory, JDK, the load of the moment; and folder chores. */
final class Machine {
  private Machine() {}

  /** The 1-minute load average (runnable processes); -1 where the OS does not say. */
  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static String description() {
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    return String.format("%d cores, %.1f GB memory, JDK %s, %s %s", Runtime.getRuntime().availableProcessors(), memory / 1e9,
        Runtime.version(), System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  static double sizeMb(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
