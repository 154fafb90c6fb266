package org.rendakb.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.rendakb.index.IndexReport;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;
import org.slf4j.LoggerFactory;

/**
 * Real inputs for the HTTP tests: the seeds (one of them with hostile HTML and 北京大学 appended) and
 * a fixed slice of the shared corpus (early traditional-character reports, recent reports, laws with
 * two versions, constitutional laws, local regulations), indexed by the real Indexer.
 */
public final class TestCorpus {
  static final String HOSTILE = "测试段落：<script>alert(1)</script> 与 <img src=x onerror=alert(1)> 都是文本。"
      + "北京大学的代表参加了座谈。";

  /** Why a test that needs the shared corpus is skipped: the same words wherever it is needed. */
  public static final String SHARED_CORPUS_MISSING = "the shared corpus is not at " + shared().resolve("corpus")
      + " (-Drendakb.shared=DIR names the folder that holds corpus/)";

  private TestCorpus() {}

  /** The folder beside the repository that holds {@code corpus/} (the build sets rendakb.shared). */
  public static Path shared() {
    return Path.of(System.getProperty("rendakb.shared", "../../shared")).toAbsolutePath().normalize();
  }

  public static boolean sharedCorpusPresent() {
    return Files.isDirectory(shared().resolve("corpus").resolve("laws"));
  }

  /** Skips the test (or the class, in a {@code @BeforeAll}) when the shared corpus is absent. */
  public static void assumeSharedCorpus() {
    if (!sharedCorpusPresent()) {
      // surefire shows a class skipped in @BeforeAll as "Tests run: 0" without the reason
      LoggerFactory.getLogger(TestCorpus.class).warn("skipped: {}", SHARED_CORPUS_MISSING);
    }
    Assumptions.assumeTrue(sharedCorpusPresent(), SHARED_CORPUS_MISSING);
  }

  public static Path seedsSource() {
    return Path.of(System.getProperty("rendakb.seeds", "../seeds")).toAbsolutePath().normalize();
  }

  /** Copies the seeds into {@code target}, appending the hostile paragraph to the last one. */
  static Path seeds(Path target) throws IOException {
    List<Path> seeds = plainSeeds(target);
    Files.writeString(seeds.getLast(), "\n\n" + HOSTILE + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    return target;
  }

  /** Copies the seeds into {@code target} as they are; returns the copies in name order. */
  public static List<Path> plainSeeds(Path target) throws IOException {
    Files.createDirectories(target);
    List<Path> seeds;
    try (Stream<Path> s = Files.list(seedsSource())) {
      seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    List<Path> copies = new ArrayList<>();
    for (Path seed : seeds) {
      copies.add(Files.copy(seed, target.resolve(seed.getFileName())));
    }
    return copies;
  }

  /** Copies about 130 corpus files into {@code target}, keeping their relative paths. */
  static Path corpusSlice(Path target) throws IOException {
    Path corpus = shared().resolve("corpus");
    List<String> files = new ArrayList<>();
    List<String> reports;
    try (Stream<Path> s = Files.list(corpus.resolve("reports"))) {
      reports = s.map(p -> "reports/" + p.getFileName()).sorted().toList();
    }
    files.addAll(reports.subList(0, 12)); // 1954–1981: the early ones are in traditional characters
    files.addAll(reports.subList(reports.size() - 8, reports.size()));
    // two versions of one law each: near-duplicates for the similar-documents endpoint
    files.addAll(List.of(
        "laws/经济法/会计法(2017-11-04).md", "laws/经济法/会计法(2024-06-28).md",
        "laws/行政法/文物保护法(2017-11-04).md", "laws/行政法/文物保护法(2024-11-08).md",
        "laws/经济法/野生动物保护法(2018-10-26).md", "laws/经济法/野生动物保护法(2022-12-30).md"));
    files.addAll(firstFiles(corpus, "laws/宪法相关法", 30));
    files.addAll(firstFiles(corpus, "laws/DLC/上海地方法规/地方性法规/上海", 30));
    files.addAll(firstFiles(corpus, "laws/行政法规", 20));
    files.addAll(firstFiles(corpus, "laws/司法解释", 15));
    files.addAll(firstFiles(corpus, "laws/社会法", 15));
    for (String file : files.stream().distinct().toList()) {
      Path to = target.resolve(file);
      Files.createDirectories(to.getParent());
      Files.copy(corpus.resolve(file), to);
    }
    return target;
  }

  /**
   * Copies the first {@code n} files of a corpus folder (in path order) side by side into
   * {@code target}; returns the copies in that order.
   */
  public static List<Path> copyFirstFiles(String folder, int n, Path target) throws IOException {
    Path corpus = shared().resolve("corpus");
    Files.createDirectories(target);
    List<Path> copies = new ArrayList<>();
    for (String file : firstFiles(corpus, folder, n)) {
      Path to = target.resolve(Path.of(file).getFileName());
      Files.copy(corpus.resolve(file), to);
      copies.add(to);
    }
    return copies;
  }

  private static List<String> firstFiles(Path corpus, String folder, int n) throws IOException {
    try (Stream<Path> s = Files.walk(corpus.resolve(folder))) {
      return s.filter(Files::isRegularFile).map(p -> corpus.relativize(p).toString().replace('\\', '/'))
          .sorted().limit(n).toList();
    }
  }

  static IndexReport index(Path indexDir, List<Path> inputs) throws Exception {
    return Indexer.run(new IndexerOptions(indexDir, inputs, 2, false));
  }
}
