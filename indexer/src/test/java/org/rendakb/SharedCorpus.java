package org.rendakb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The shared corpus beside the repository ({@code rendakb.shared}, set by the build, names the
 * folder that holds {@code corpus/}), and the one way the indexer's tests skip without it. The
 * server's tests skip the same way, with the same words, through their {@code TestCorpus}: the
 * two modules share no test code.
 */
public final class SharedCorpus {
  public static final Path CORPUS = Path.of(System.getProperty("rendakb.shared", "../../shared")).toAbsolutePath()
      .normalize().resolve("corpus");
  public static final String MISSING = "the shared corpus is not at " + CORPUS
      + " (-Drendakb.shared=DIR names the folder that holds corpus/)";

  private SharedCorpus() {}

  /** Skips the test (or the class, in a {@code @BeforeAll}) when the shared corpus is absent. */
  public static void assume() {
    boolean present = Files.isDirectory(CORPUS.resolve("laws"));
    if (!present) {
      // surefire shows a class skipped in @BeforeAll as "Tests run: 0" without the reason
      LoggerFactory.getLogger(SharedCorpus.class).warn("skipped: {}", MISSING);
    }
    assumeTrue(present, MISSING);
  }
}
