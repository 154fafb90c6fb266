package org.rendakb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All benchmarks in one run (README "Benchmarks"): indexing against bare Lucene, search over HTTP
 * on the corpus with a 512 MB server, then the same on a generated corpus {@link #FACTOR} times as
 * large with a 1 GB server. Before the HTTP runs, topic and phrase queries in-process against plain
 * Lucene ({@link InProcessSearchBench}). Writes {@code bench.md} (tables and the targets) and {@code bench.json}
 * (every figure) to the output folder.
 *
 * <p>{@code java -cp server/target/server.jar:server/target/test-classes org.rendakb.bench.BenchRun CORPUS OUT
 * [full|quick]} (what {@code ./mvnw -Pbench} runs);
 * quick: 2 threads only, 5 s per client count, no scale run; indexing: only the indexing part
 * with 2 threads, for working on indexing speed; ocr: only OCR's pages per minute and its rebuild;
 * semantic: what meaning vectors cost ({@link SemanticBench}).
 */
public final class BenchRun {
  static final int FACTOR = 10;
  static final long SCALE_SEED = 20261202L;

  private BenchRun() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus").toAbsolutePath().normalize();
    Path out = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath().normalize();
    boolean quick = args.length > 2 && args[2].equals("quick");
    int seconds = Integer.getInteger("bench.seconds", quick ? 5 : 20);
    int inProcessRounds = Integer.getInteger("bench.inProcessRounds", quick ? 3 : 10);
    List<String> serverJvmArgs = serverJvmArgs(System.getProperty("bench.serverJvmArgs", ""));
    Path serverJar = SearchBench.serverJar();
    if (!Files.isDirectory(corpus.resolve("laws"))) {
      throw new IllegalArgumentException("no corpus at " + corpus + " (expected laws/, reports/, pdf/ and manifest.tsv)");
    }
    Files.createDirectories(out);
    Instant began = Instant.now();
    double loadBefore = Machine.load();

    if (args.length > 2 && args[2].equals("indexing")) {
      IndexingBench.measure(corpus, out, new int[] {2});
      return;
    }
    if (args.length > 2 && args[2].equals("ocr")) {
      System.out.println(OcrBench.markdown(OcrBench.measure(corpus, out, 2), null));
      return;
    }
    if (args.length > 2 && args[2].equals("semantic")) {
      SemanticBench.Result semantic = SemanticBench.measure(corpus, out, serverJar, seconds, inProcessRounds);
      Files.writeString(out.resolve("semantic.md"), semantic.markdown());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("semantic.json").toFile(),
          semantic.figures());
      return;
    }
    IndexingBench.Result indexing = IndexingBench.measure(corpus, out, quick ? new int[] {2} : new int[] {1, 2});
    System.out.println("OCR: scanned 公文 indexed twice");
    OcrBench.Result ocr = OcrBench.measure(corpus, out, 2);
    System.out.println("search in-process against plain Lucene, corpus");
    InProcessSearchBench.Result inProcess = InProcessSearchBench.measure(indexing.lastIndex(), corpus, out, inProcessRounds);
    System.out.println("search over HTTP, corpus, server -Xmx512m");
    SearchBench.Result search = SearchBench.measure(indexing.lastIndex(), serverJar, corpus, out.resolve("search-1x"), seconds,
        "512m", serverJvmArgs);
    Scale scale = null;
    if (!quick) {
      System.out.println("scale: generating a corpus " + FACTOR + " times as large");
      Path variants = ScaleCorpus.generate(corpus, out.resolve("corpus-" + FACTOR + "x"), FACTOR, SCALE_SEED);
      List<Path> inputs = new ArrayList<>(IndexingBench.inputs(corpus));
      inputs.add(variants);
      double textMb = indexing.textMb() + Machine.sizeMb(variants);
      IndexingBench.Run run = IndexingBench.index(inputs, out.resolve("index-" + FACTOR + "x"), 2, true);
      System.out.printf("  indexed %d files, %.1f MB text in %.1f s, index %.1f MB%n", run.report().documents(), textMb,
          run.report().seconds(), run.indexMb());
      System.out.println("search in-process, corpus and " + FACTOR + "x corpus in turn");
      InProcessSearchBench.Growth growth = InProcessSearchBench.growth(indexing.lastIndex(), inProcess.baselineIndex(),
          out.resolve("index-" + FACTOR + "x"), corpus, out, inProcessRounds);
      System.out.println("search over HTTP, " + FACTOR + "x corpus, server -Xmx1g");
      SearchBench.Result big = SearchBench.measure(out.resolve("index-" + FACTOR + "x"), serverJar, corpus,
          out.resolve("search-" + FACTOR + "x"), seconds, "1g", serverJvmArgs);
      scale = new Scale(FACTOR, SCALE_SEED, textMb, run, growth, big);
    }
    double loadAfter = Machine.load();
    BenchReport report = new BenchReport(began, Machine.description(), loadBefore, loadAfter, quick ? "quick" : "full",
        indexing, ocr, inProcess, search, scale);
    Files.writeString(out.resolve("bench.md"), report.markdown());
    Map<String, Object> json = new LinkedHashMap<>(report.figures());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("bench.json").toFile(), json);
    System.out.println(report.markdown());
    System.out.println("written: " + out.resolve("bench.md") + " and " + out.resolve("bench.json"));
  }

  /**
   * The scale run: the generated corpus indexed with 2 threads, our in-process times on it beside
   * the corpus's, and served with 1 GB.
   */
  record Scale(int factor, long seed, double textMb, IndexingBench.Run index, InProcessSearchBench.Growth growth,
      SearchBench.Result search) {}

  private static List<String> serverJvmArgs(String spaceSeparated) {
    return spaceSeparated.isBlank() ? List.of() : List.of(spaceSeparated.strip().split("\\s+"));
  }
}
