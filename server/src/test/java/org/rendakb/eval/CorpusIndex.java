package org.rendakb.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rendakb.index.IndexReport;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;

/**
 * The whole shared corpus and the seeds indexed by the real indexer, once per build: kept under target/ and
 * synced (not rebuilt) when a later test class asks again, since the indexer skips unchanged files.
 */
public final class CorpusIndex {
  private CorpusIndex() {}

  public static final Path CORPUS = Path.of(System.getProperty("rendakb.shared", "../../shared")).resolve("corpus");
  public static final Path SEEDS = Path.of(System.getProperty("rendakb.seeds", "../seeds"));
  private static final Path INDEX = Path.of("target", "test-indexes", "corpus");
  private static IndexReport report;

  public static boolean available() {
    return Files.isDirectory(CORPUS.resolve("laws"));
  }

  public static synchronized Path get() throws Exception {
    if (report == null) {
      report = Indexer.run(new IndexerOptions(INDEX, List.of(CORPUS.resolve("laws"), CORPUS.resolve("reports"),
          CORPUS.resolve("pdf"), SEEDS), 2, false));
    }
    return INDEX;
  }

  public static IndexReport report() {
    return report;
  }
}
