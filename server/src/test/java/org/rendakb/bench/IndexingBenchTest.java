package org.rendakb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.api.TestCorpus;
import org.rendakb.index.IndexReport;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;

/**
 * The two indexing baselines on a slice of the real corpus: each writes what it says it writes,
 * the second exactly the documents of the index the indexer builds from the same files.
 */
class IndexingBenchTest {
  private static final Path CORPUS = TestCorpus.shared().resolve("corpus");
  private static final String SHANGHAI = "laws/DLC/上海地方法规/地方性法规/上海";

  @TempDir static Path dir;
  private static Path slice;
  private static List<Path> laws;

  @BeforeAll
  static void copyASlice() throws Exception {
    TestCorpus.assumeSharedCorpus();
    slice = dir.resolve("slice");
    laws = TestCorpus.copyFirstFiles(SHANGHAI, 20, slice);
  }

  @Test
  void theSameIndexBaselineWritesTheIndexersFilesAndPassages() throws Exception {
    IndexReport report = Indexer.run(new IndexerOptions(dir.resolve("index"), List.of(slice), 2, true));
    assertEquals(laws.size(), report.documents());
    assertTrue(report.passages() > report.documents(), report.toString());

    Path scratch = dir.resolve("same-index");
    IndexingBench.BareRun same = IndexingBench.sameIndexBaseline(List.of(slice), 2, scratch);
    assertEquals(report.documents() + report.passages(), same.documents());
    assertTrue(same.seconds() > 0);
    assertFalse(Files.exists(scratch), "the baseline's index is deleted after timing");
  }

  @Test
  void theWordsBaselineWritesOneDocumentPerText() throws Exception {
    List<String> texts = IndexingBench.plainTexts(List.of(slice));
    assertEquals(laws.size(), texts.size());
    IndexingBench.BareRun words = IndexingBench.baseline(texts, 2, dir.resolve("words"));
    assertEquals(laws.size(), words.documents());
  }
}
