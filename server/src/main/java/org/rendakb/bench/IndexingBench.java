package org.rendakb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.rendakb.extract.ExtractionException;
import org.rendakb.extract.Extractor;
import org.rendakb.index.IndexReport;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;

/**
 * Indexing speed of the whole indexer against the raw-Lucene limit, measured in the same run:
 * the baseline feeds the same plain texts through SmartChineseAnalyzer into a bare IndexWriter
 * (one text field, the same 128 MB RAM buffer, the same threads). Also: re-indexing an unchanged
 * corpus, index size over text size, and peak heap.
 *
 * <p>{@code java -cp server/target/server.jar org.rendakb.bench.IndexingBench CORPUS_DIR OUT_DIR}
 */
public final class IndexingBench {
  record Row(String system, int threads, double seconds, double mbPerSecond, double docsPerSecond, double ratioToBaseline) {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
    Path out = Path.of(args.length > 1 ? args[1] : "target/bench");
    Files.createDirectories(out);
    List<Path> inputs = List.of(corpus.resolve("laws"), corpus.resolve("reports"), corpus.resolve("pdf"));
    List<String> texts = plainTexts(inputs);
    long textBytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.printf("%d files, %.1f MB of text%n", texts.size(), textBytes / 1e6);

    List<Row> rows = new ArrayList<>();
    Map<String, Object> extra = new LinkedHashMap<>();
    for (int threads : new int[] {1, 2}) {
      double base = baseline(texts, threads, out.resolve("baseline-" + threads));
      rows.add(new Row("bare Lucene + SmartChineseAnalyzer", threads, base, textBytes / 1e6 / base, texts.size() / base, 1.0));
      Path index = out.resolve("index-" + threads);
      deleteRecursively(index);
      resetPeakHeap();
      IndexReport full = Indexer.run(new IndexerOptions(index, inputs, threads, true));
      rows.add(new Row("rendakb indexer", threads, full.seconds(), textBytes / 1e6 / full.seconds(),
          full.documents() / full.seconds(), base / full.seconds()));
      extra.put("peak_heap_mb_" + threads + "_threads", peakHeapMb());
      extra.put("index_mb_" + threads + "_threads", sizeMb(index));
      if (threads == 2) {
        IndexReport again = Indexer.run(new IndexerOptions(index, inputs, threads, false));
        extra.put("reindex_unchanged_seconds", again.seconds());
        extra.put("reindex_speedup", full.seconds() / again.seconds());
        extra.put("passages", full.passages());
      }
    }
    extra.put("text_mb", textBytes / 1e6);
    extra.put("index_size_over_text_size", (double) extra.get("index_mb_2_threads") / (textBytes / 1e6));

    StringBuilder md = new StringBuilder();
    md.append("Indexing, ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, JDK ").append(Runtime.version()).append(", ").append(texts.size()).append(" files, ")
        .append(String.format("%.1f MB text%n%n", textBytes / 1e6));
    md.append("| system | threads | seconds | MB/s | docs/s | ratio to baseline |\n|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append(String.format("| %s | %d | %.1f | %.2f | %.1f | %.2f |%n", r.system(), r.threads(), r.seconds(), r.mbPerSecond(),
          r.docsPerSecond(), r.ratioToBaseline()));
    }
    md.append('\n');
    extra.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v instanceof Double d ? String.format("%.2f", d) : v).append('\n'));
    Files.writeString(out.resolve("indexing.md"), md);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("indexing.json").toFile(), Map.of("rows", rows, "figures", extra));
    System.out.println(md);
  }

  /** The texts the baseline indexes: what our extractor reads from each file (not timed). */
  private static List<String> plainTexts(List<Path> inputs) throws IOException {
    List<String> texts = new ArrayList<>();
    try (Extractor extractor = new Extractor()) {
      for (Path input : inputs) {
        try (Stream<Path> files = Files.walk(input)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            try {
              texts.add(extractor.extract(f).text());
            } catch (ExtractionException e) {
              System.out.println("skipped " + f + ": " + e.getMessage());
            }
          }
        }
      }
    }
    return texts;
  }

  private static double baseline(List<String> texts, int threads, Path dir) throws Exception {
    deleteRecursively(dir);
    long start = System.nanoTime();
    try (var directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new SmartChineseAnalyzer()).setRAMBufferSizeMB(128))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (String text : texts) {
        futures.add(pool.submit(() -> {
          Document d = new Document();
          d.add(new TextField("text", text, Field.Store.NO));
          writer.addDocument(d);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      writer.commit();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void resetPeakHeap() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / 1e6;
  }

  private static double sizeMb(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }
}
