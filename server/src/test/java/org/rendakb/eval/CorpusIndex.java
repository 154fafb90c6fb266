package org.rendakb.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.rendakb.api.TestCorpus;
import org.rendakb.index.IndexReport;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;
import org.rendakb.schema.IndexSchema;

/**
 * The whole shared corpus and the seeds indexed by the real indexer, once per build: kept under target/ and
 * synced (not rebuilt) when a later test class asks again, since the indexer skips unchanged files.
 */
public final class CorpusIndex {
  private CorpusIndex() {}

  public static final Path CORPUS = TestCorpus.shared().resolve("corpus");
  public static final Path SEEDS = Path.of(System.getProperty("rendakb.seeds", "../seeds"));
  private static final Path INDEX = Path.of("target", "test-indexes", "corpus");
  private static IndexReport report;

  public static boolean available() {
    return TestCorpus.sharedCorpusPresent();
  }

  public static synchronized Path get() throws Exception {
    if (report == null) {
      report = Indexer.run(new IndexerOptions(INDEX, List.of(CORPUS.resolve("laws"), CORPUS.resolve("reports"),
          CORPUS.resolve("pdf"), SEEDS), 2, isOfAnotherSchema()));
    }
    return INDEX;
  }

  /** An index kept from a build of another schema version is rebuilt, not refused. */
  private static boolean isOfAnotherSchema() throws Exception {
    if (!Files.isDirectory(INDEX)) {
      return false;
    }
    try (Directory dir = FSDirectory.open(INDEX)) {
      return DirectoryReader.indexExists(dir)
          && IndexSchema.incompatibility(SegmentInfos.readLatestCommit(dir).getUserData()) != null;
    }
  }

  public static IndexReport report() {
    return report;
  }
}
