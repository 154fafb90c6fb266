package org.rendakb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.rendakb.index.FinalMerge;
import org.rendakb.index.IndexReport;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;

/**
 * Indexing speed of the whole indexer against the raw-Lucene limit, measured in the same run: the
 * baseline feeds the same plain texts through SmartChineseAnalyzer into a bare IndexWriter (one
 * text field, the same 128 MB RAM buffer, the same threads). The indexer runs as its command line
 * does by default, so a full build ends with merging the index into one segment; the rows say how
 * long that took. Baseline and indexer alternate per thread count so that both see the same load
 * on a shared machine. Also: re-indexing an unchanged corpus, index size over text size, and the
 * heap a run needs.
 */
final class IndexingBench {
  /**
   * One timed run; {@code ratioToBaseline} is baseline seconds over these seconds (1 for the
   * baseline); {@code mergeSeconds}, of these seconds, the indexer's final merge.
   */
  record Row(String system, int threads, double seconds, double mbPerSecond, double docsPerSecond,
      double ratioToBaseline, double mergeSeconds, double load) {
    /** The ratio had the run left its segments unmerged ({@code --max-segments 0}). */
    double ratioWithoutMerge() {
      return ratioToBaseline * seconds / (seconds - mergeSeconds);
    }
  }

  /** A run of the whole indexer. */
  record Run(IndexReport report, double indexMb, HeapSampler.Peak heap, double load) {}

  record Result(List<Row> rows, int files, double textMb, Run lastRun, Path lastIndex, double reindexSeconds,
      double reindexSpeedup) {
    double indexOverText() {
      return lastRun.indexMb() / textMb;
    }
  }

  private IndexingBench() {}

  static List<Path> inputs(Path corpus) {
    return List.of(corpus.resolve("laws"), corpus.resolve("reports"), corpus.resolve("pdf"));
  }

  static Result measure(Path corpus, Path out, int[] threadCounts) throws Exception {
    List<Path> inputs = inputs(corpus);
    List<String> texts = plainTexts(inputs);
    double textMb = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum() / 1e6;
    System.out.printf("indexing: %d files, %.1f MB of text%n", texts.size(), textMb);
    List<Row> rows = new ArrayList<>();
    Run last = null;
    Path lastIndex = null;
    for (int threads : threadCounts) {
      double load = Machine.load();
      double base = baseline(texts, threads, out.resolve("baseline-" + threads));
      rows.add(print(new Row("bare Lucene + SmartChineseAnalyzer", threads, base, textMb / base, texts.size() / base, 1.0, 0,
          load)));
      lastIndex = out.resolve("index-" + threads);
      last = index(inputs, lastIndex, threads, true);
      double seconds = last.report().seconds();
      rows.add(print(new Row("rendakb indexer", threads, seconds, textMb / seconds, last.report().documents() / seconds,
          base / seconds, last.report().mergeSeconds(), last.load())));
    }
    double reindex = index(inputs, lastIndex, threadCounts[threadCounts.length - 1], false).report().seconds();
    return new Result(rows, texts.size(), textMb, last, lastIndex, reindex, last.report().seconds() / reindex);
  }

  private static Row print(Row row) {
    System.out.printf("  %s, %d threads: %.1f s (final merge %.1f s), %.2f MB/s, ratio %.2f (load %.1f)%n", row.system(),
        row.threads(), row.seconds(), row.mergeSeconds(), row.mbPerSecond(), row.ratioToBaseline(), row.load());
    return row;
  }

  /**
   * One run of the whole indexer over {@code inputs} into {@code index} (rebuilt when {@code full}),
   * as the command line runs it by default: a bulk load ends merged into one segment.
   */
  static Run index(List<Path> inputs, Path index, int threads, boolean full) throws Exception {
    if (full) {
      Machine.deleteRecursively(index);
    }
    double load = Machine.load();
    IndexReport report;
    HeapSampler.Peak heap;
    try (HeapSampler sampler = new HeapSampler()) {
      report = Indexer.run(new IndexerOptions(index, inputs, threads, full, IndexerOptions.DEFAULT_COMMIT_EVERY,
          FinalMerge.AFTER_BULK_LOAD));
      heap = sampler.peak();
    }
    if (!report.failed().isEmpty()) {
      System.out.println("  not indexed: " + report.failed());
    }
    return new Run(report, Machine.sizeMb(index), heap, Math.max(load, Machine.load()));
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
    Machine.deleteRecursively(dir);
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
    double seconds = (System.nanoTime() - start) / 1e9;
    Machine.deleteRecursively(dir);
    return seconds;
  }
}
