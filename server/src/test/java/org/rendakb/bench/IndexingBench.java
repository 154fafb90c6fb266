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
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;
import org.rendakb.extract.ExtractionException;
import org.rendakb.extract.Extractor;
import org.rendakb.index.DocumentPipeline;
import org.rendakb.index.FinalMerge;
import org.rendakb.index.IndexReport;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;
import org.rendakb.index.LuceneDocuments;
import org.rendakb.index.SourceDocument;
import org.rendakb.index.SourceFile;
import org.rendakb.metadata.MetadataExtractor;
import org.rendakb.ocr.OcrOptions;
import org.rendakb.passages.PassageSplitter;
import org.rendakb.schema.Analyzers;
import org.rendakb.semantic.SemanticOptions;

/**
 * Indexing speed of the whole indexer against the raw-Lucene limit, measured in the same run: the
 * baseline feeds the same plain texts through SmartChineseAnalyzer into a bare IndexWriter (one
 * text field, the same 128 MB RAM buffer, the same threads). A second baseline says what Lucene
 * alone needs for the index the indexer writes: our own documents (words, bigrams, stored text,
 * passages, facets), parsed, described and split before the clock starts, added to a bare
 * IndexWriter with our analyzers, the same buffer and threads, no merge. The indexer runs as its
 * command line does by default, so a full build ends with merging the index into one segment; the
 * rows say how long that took. The systems alternate per thread count so that all see the same
 * load on a shared machine. Also: re-indexing an unchanged corpus, index size over text size, and
 * the heap a run needs.
 */
final class IndexingBench {
  /**
   * One timed run; {@code ratioToBaseline} is the SmartChineseAnalyzer baseline's seconds over these
   * seconds (1 for that baseline), {@code ratioToSameIndex} the same-index baseline's;
   * {@code mergeSeconds}, of these seconds, the indexer's final merge.
   */
  record Row(String system, int threads, double seconds, double mbPerSecond, double docsPerSecond,
      double ratioToBaseline, double ratioToSameIndex, double mergeSeconds, double load) {
    /** The ratio had the run left its segments unmerged ({@code --max-segments 0}). */
    double ratioWithoutMerge() {
      return ratioToBaseline * seconds / (seconds - mergeSeconds);
    }

    /** The same, to the same-index baseline, which does not merge either. */
    double ratioToSameIndexWithoutMerge() {
      return ratioToSameIndex * seconds / (seconds - mergeSeconds);
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

  static final String BASELINE = "bare Lucene + SmartChineseAnalyzer";
  static final String SAME_INDEX = "bare Lucene, our documents (same index)";

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
      double base = baseline(texts, threads, out.resolve("baseline-" + threads)).seconds();
      double sameLoad = Machine.load();
      double same = sameIndexBaseline(inputs, threads, out.resolve("same-index-" + threads)).seconds();
      rows.add(print(new Row(BASELINE, threads, base, textMb / base, texts.size() / base, 1.0, same / base, 0, load)));
      rows.add(print(new Row(SAME_INDEX, threads, same, textMb / same, texts.size() / same, base / same, 1.0, 0, sameLoad)));
      lastIndex = out.resolve("index-" + threads);
      last = index(inputs, lastIndex, threads, true);
      double seconds = last.report().seconds();
      rows.add(print(new Row("rendakb indexer", threads, seconds, textMb / seconds, last.report().documents() / seconds,
          base / seconds, same / seconds, last.report().mergeSeconds(), last.load())));
    }
    double reindex = index(inputs, lastIndex, threadCounts[threadCounts.length - 1], false).report().seconds();
    return new Result(rows, texts.size(), textMb, last, lastIndex, reindex, last.report().seconds() / reindex);
  }

  private static Row print(Row row) {
    System.out.printf("  %s, %d threads: %.1f s (final merge %.1f s), %.2f MB/s, ratio %.2f, to the same index %.2f (load %.1f)%n",
        row.system(), row.threads(), row.seconds(), row.mergeSeconds(), row.mbPerSecond(), row.ratioToBaseline(),
        row.ratioToSameIndex(), row.load());
    return row;
  }

  /**
   * One run of the whole indexer over {@code inputs} into {@code index} (rebuilt when {@code full}),
   * as the command line runs it by default: a bulk load ends merged into one segment.
   */
  static Run index(List<Path> inputs, Path index, int threads, boolean full) throws Exception {
    // lexical indexing against its Lucene baselines; the vectors' cost is SemanticBench's
    return index(inputs, index, threads, full, SemanticOptions.off());
  }

  /** The indexer with meaning vectors as given ({@link SemanticBench} compares with and without). */
  static Run index(List<Path> inputs, Path index, int threads, boolean full, SemanticOptions semantic) throws Exception {
    if (full) {
      Machine.deleteRecursively(index);
    }
    double load = Machine.load();
    IndexReport report;
    HeapSampler.Peak heap;
    try (HeapSampler sampler = new HeapSampler()) {
      report = Indexer.run(new IndexerOptions(index, inputs, threads, full, IndexerOptions.DEFAULT_COMMIT_EVERY,
          FinalMerge.AFTER_BULK_LOAD), OcrOptions.defaults(index), semantic);
      heap = sampler.peak();
    }
    if (!report.failed().isEmpty()) {
      System.out.println("  not indexed: " + report.failed());
    }
    return new Run(report, Machine.sizeMb(index), heap, Math.max(load, Machine.load()));
  }

  /** The texts the baseline indexes: what our extractor reads from each file (not timed). */
  static List<String> plainTexts(List<Path> inputs) throws IOException {
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

  /** A bare IndexWriter's run: its seconds and the Lucene documents it wrote. */
  record BareRun(double seconds, int documents) {}

  /** The same plain texts through SmartChineseAnalyzer, one text field each. */
  static BareRun baseline(List<String> texts, int threads, Path dir) throws Exception {
    return bareLucene(dir, new SmartChineseAnalyzer(), threads, texts, text -> {
      Document d = new Document();
      d.add(new TextField("text", text, Field.Store.NO));
      return List.of(d);
    });
  }

  /**
   * What Lucene alone needs for our index: every file read into its documents first (Tika,
   * metadata, passages; not timed), then only their analysis and inversion by the indexer's
   * analyzers into a bare IndexWriter, and one commit. The documents are dropped before the indexer
   * runs, so its heap figures do not carry them.
   */
  static BareRun sameIndexBaseline(List<Path> inputs, int threads, Path dir) throws Exception {
    LuceneDocuments documents = new LuceneDocuments(new PassageSplitter());
    List<SourceDocument> sources = new ArrayList<>();
    try (Extractor extractor = new Extractor()) {
      DocumentPipeline pipeline = new DocumentPipeline(extractor, new MetadataExtractor(), documents);
      for (Path input : inputs) {
        try (Stream<Path> files = Files.walk(input)) {
          for (Path f : files.filter(Files::isRegularFile).filter(f -> !SourceFile.isSidecar(f)).sorted().toList()) {
            try {
              // ids as the indexer makes them (16 hex digits), unique per file
              sources.add(pipeline.read(SourceFile.at(input, f), String.format("%016x", sources.size())));
            } catch (ExtractionException e) {
              // reported once by plainTexts
            }
          }
        }
      }
    }
    return bareLucene(dir, Analyzers.perField(), threads, sources, documents::build);
  }

  /**
   * The time a bare IndexWriter with the indexer's RAM buffer takes to analyse and add every item's
   * documents (one block per item) on {@code threads} threads and commit once; the index is deleted
   * after.
   */
  private static <T> BareRun bareLucene(Path dir, Analyzer analyzer, int threads, List<T> items, DocumentsOf<T> documentsOf)
      throws Exception {
    Machine.deleteRecursively(dir);
    long start = System.nanoTime();
    int written;
    try (var directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(Indexer.RAM_BUFFER_MB))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
          futures.add(pool.submit(() -> writer.addDocuments(documentsOf.build(item))));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      writer.commit();
      written = writer.getDocStats().numDocs;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Machine.deleteRecursively(dir);
    return new BareRun(seconds, written);
  }

  /** The Lucene documents of one item, built in the writing thread. */
  private interface DocumentsOf<T> {
    List<? extends Iterable<? extends IndexableField>> build(T item) throws IOException;
  }
}
