package org.rendakb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.rendakb.extract.ExtractionException;
import org.rendakb.extract.Extractor;
import org.rendakb.extract.ExtractorLimits;
import org.rendakb.metadata.DocumentMetadata;
import org.rendakb.metadata.MetadataExtractor;
import org.rendakb.ocr.Ocr;
import org.rendakb.ocr.OcrOptions;
import org.rendakb.passages.PassageSplitter;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;
import org.rendakb.schema.IndexSchema;
import org.rendakb.semantic.Embedder;
import org.rendakb.semantic.EmbeddingCache;
import org.rendakb.semantic.SemanticOptions;
import org.rendakb.semantic.SemanticUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one indexing run: the IndexWriter, the worker threads, the counters and the commits.
 *
 * <p>Every commit is consistent (a file and its passages are replaced in one {@code
 * updateDocuments} call) and carries the schema version. The run commits every {@link
 * IndexerOptions#commitEvery()}, so an interrupted run keeps what it did and the next run, which
 * compares content hashes, completes the rest.
 */
public final class Indexer {
  private static final Logger log = LoggerFactory.getLogger(Indexer.class);
  /** The IndexWriter's RAM buffer; the benchmarks' bare-Lucene baselines use the same. */
  public static final double RAM_BUFFER_MB = 128;

  private final DocumentPipeline pipeline;
  private final LuceneDocuments documents;
  private final SemanticOptions semantic;
  private volatile Progress progress;

  public Indexer(DocumentPipeline pipeline, LuceneDocuments documents, SemanticOptions semantic) {
    this.pipeline = pipeline;
    this.documents = documents;
    this.semantic = semantic;
  }

  /** A run with the default extractor and metadata extractor. */
  public static IndexReport run(IndexerOptions options) throws IOException, IndexUnusableException {
    return run(options, OcrOptions.defaults(options.indexDir()), SemanticOptions.defaults(options.indexDir()));
  }

  /** A run with the default extractor, OCR and meaning vectors as given, and the default metadata extractor. */
  public static IndexReport run(IndexerOptions options, OcrOptions ocrOptions, SemanticOptions semantic)
      throws IOException, IndexUnusableException {
    Ocr ocr = Ocr.detect(ocrOptions);
    if (ocr.status().available()) {
      log.info("OCR: {}; recognised pages are cached in {}", ocr.status().description(),
          ocrOptions.cache() == null ? "no folder (--ocr-cache)" : ocrOptions.cache());
    } else {
      log.info("OCR is not available: {}; scanned pages are reported, not read", ocr.status().description());
    }
    LuceneDocuments documents = new LuceneDocuments(new PassageSplitter());
    ExtractorLimits limits = ExtractorLimits.defaults().forHeap(Runtime.getRuntime().maxMemory(), options.threads());
    if (limits.maxChars() < ExtractorLimits.defaults().maxChars()) {
      log.info("text per file limited to {} chars so that {} files at once fit in the {} MB heap (-Xmx raises it)",
          limits.maxChars(), options.threads(), Runtime.getRuntime().maxMemory() >> 20);
    }
    try (Extractor extractor = new Extractor(limits, ocr)) {
      DocumentPipeline pipeline = new DocumentPipeline(extractor, new MetadataExtractor(), documents);
      return new Indexer(pipeline, documents, semantic).index(options);
    }
  }

  /** The files of the current run's parse phase done so far, or null before parsing starts. */
  public Progress progress() {
    return progress;
  }

  public IndexReport index(IndexerOptions options) throws IOException, IndexUnusableException {
    long start = System.nanoTime();
    try {
      Files.createDirectories(options.indexDir());
    } catch (FileSystemException e) {
      throw unwritable(options.indexDir(), e);
    }
    if (!Files.isWritable(options.indexDir())) {
      // access(2) answers for root too, where a read-only mount refuses what permissions would allow
      throw new IndexUnusableException("cannot write to the index folder " + options.indexDir().toAbsolutePath()
          + " (read-only file system or no permission); nothing was changed");
    }
    try (Directory dir = FSDirectory.open(options.indexDir())) {
      checkSchema(dir, options.full());
      IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
          .setOpenMode(options.full() ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(RAM_BUFFER_MB)
          .setCommitOnClose(false);
      try (IndexWriter writer = open(dir, config, options.indexDir())) {
        return sync(writer, options, start);
      }
    }
  }

  private static IndexWriter open(Directory dir, IndexWriterConfig config, Path folder) throws IndexUnusableException, IOException {
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw new IndexUnusableException("the index is locked by another indexer run (" + e.getMessage() + ")", e);
    } catch (FileSystemException e) {
      throw unwritable(folder, e);
    }
  }

  /** A folder that refuses writes (read-only, no permission, full): nothing was changed. */
  private static IndexUnusableException unwritable(Path folder, FileSystemException e) {
    String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    return new IndexUnusableException("cannot write to the index folder " + folder.toAbsolutePath() + " (" + reason
        + (e.getFile() != null ? ": " + e.getFile() : "") + "); nothing was changed", e);
  }

  private static void checkSchema(Directory dir, boolean full) throws IndexUnusableException, IOException {
    if (full || !DirectoryReader.indexExists(dir)) {
      return;
    }
    Map<String, String> userData = SegmentInfos.readLatestCommit(dir).getUserData();
    String problem = IndexSchema.incompatibility(userData);
    if (problem != null) {
      throw new IndexUnusableException(problem);
    }
  }

  private IndexReport sync(IndexWriter writer, IndexerOptions options, long start) throws IOException, IndexUnusableException {
    SourceScanner.Scan scan;
    try {
      scan = new SourceScanner(options.indexDir()).scan(options.inputs());
    } catch (NoSuchFileException e) {
      throw new IOException("input not found: " + e.getFile(), e);
    }
    List<IndexReport.Failure> failures = Collections.synchronizedList(new ArrayList<>(scan.unreadable()));
    List<IndexReport.OcrFile> ocrFiles = Collections.synchronizedList(new ArrayList<>());
    Ocr ocr = pipeline.ocr();
    int readBefore = ocr.pagesRecognised();
    int cachedBefore = ocr.pagesFromCache();
    try (DirectoryReader before = DirectoryReader.indexExists(writer.getDirectory()) && !options.full()
        ? DirectoryReader.open(writer.getDirectory())
        : null) {
      List<IndexedFile> indexed = before == null ? List.of() : IndexedState.read(before);
      SyncPlan plan = SyncPlan.make(scan.files(), indexed, scan.folderRoots());
      log.info("{} files found: {} to parse, {} moved, {} deleted, {} unchanged",
          scan.files().size(), plan.parse().size(), plan.moves().size(), plan.deletes().size(), plan.unchanged());

      for (IndexedFile gone : plan.deletes()) {
        writer.deleteDocuments(new Term(Fields.OWNER, gone.id()));
      }
      for (SyncPlan.Move move : plan.moves()) {
        var leaf = before.leaves().get(ReaderUtil.subIndex(move.from().luceneDocId(), before.leaves()));
        SourceDocument moved = documents.read(
            leaf.reader().storedFields(), move.from().luceneDocId() - leaf.docBase, move.file().root(), move.file().path());
        writer.updateDocuments(new Term(Fields.OWNER, moved.id()), documents.build(moved));
      }
      Counts counts = parseAll(writer, plan.parse(), options, failures, ocrFiles);
      double mergeSeconds;
      VectorRun vectors;
      try {
        commit(writer);
        vectors = vectors(writer, options);
        mergeSeconds = mergeDown(writer, options.finalMerge().segmentsAfter(indexed.isEmpty()));
      } catch (IOException e) {
        throw writeFailed(options.indexDir(), e);
      }
      int documentsNow;
      int passagesNow;
      int vectorsNow;
      try (DirectoryReader after = DirectoryReader.open(writer)) {
        documentsNow = IndexedState.count(after, Fields.KIND_DOCUMENT);
        passagesNow = IndexedState.count(after, Fields.KIND_PASSAGE);
        vectorsNow = IndexedState.count(after, Fields.KIND_VECTOR);
      }
      return new IndexReport(
          counts.added.get(), counts.updated.get(), plan.unchanged(), plan.moves().size(), plan.deletes().size(),
          failures, documentsNow, passagesNow, (System.nanoTime() - start) / 1e9, mergeSeconds,
          ocrFiles.stream().sorted(java.util.Comparator.comparing(IndexReport.OcrFile::path)).toList(),
          ocr.pagesRecognised() - readBefore, ocr.pagesFromCache() - cachedBefore,

          new IndexReport.MetadataGaps(counts.noTitle.get(), counts.noDate.get(), counts.noOrgan.get()),
          new IndexReport.Vectors(vectors.result().embedded(), vectors.result().fromCache(), vectorsNow,
              vectors.result().seconds(), vectors.off()));
    }
  }

  /** What the vector phase did, or why it did not run. */
  private record VectorRun(VectorPhase.Result result, String off) {}

  /**
   * Gives the files without a meaning vector theirs, after the lexical commit. The model is loaded
   * only when some file needs it; a machine where it cannot run indexes without vectors and says why.
   */
  private VectorRun vectors(IndexWriter writer, IndexerOptions options) throws IOException {
    if (!semantic.enabled()) {
      return new VectorRun(VectorPhase.Result.NONE, "off (--no-semantic)");
    }
    try (DirectoryReader now = DirectoryReader.open(writer)) {
      if (VectorPhase.missing(now).isEmpty()) {
        return new VectorRun(VectorPhase.Result.NONE, null);
      }
    }
    Embedder embedder;
    try {
      embedder = Embedder.load();
    } catch (SemanticUnavailableException e) {
      log.warn("{}", e.getMessage());
      return new VectorRun(VectorPhase.Result.NONE, e.getMessage());
    }
    VectorPhase phase = new VectorPhase(embedder, new EmbeddingCache(semantic.cache()), documents);
    try (embedder) {
      return new VectorRun(phase.run(writer, options.threads(), options.commitEvery(), Indexer::commit), null);
    }
  }

  /**
   * Merges the committed index down to {@code maxSegments} (0: no merge) and commits; the last
   * commit stays until then. Returns the seconds it took.
   */
  private static double mergeDown(IndexWriter writer, int maxSegments) throws IOException {
    if (maxSegments == 0) {
      return 0;
    }
    int segments = segments(writer);
    if (segments <= maxSegments) {
      return 0;
    }
    long start = System.nanoTime();
    log.info("merging {} segments into {} so that searches open fewer (--max-segments)", segments, maxSegments);
    writer.forceMerge(maxSegments);
    commit(writer);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    log.info("merged into {} segments in {}", segments(writer), Progress.format(took));
    return took.toNanos() / 1e9;
  }

  private static int segments(IndexWriter writer) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return reader.leaves().size();
    }
  }

  private record Counts(AtomicInteger added, AtomicInteger updated, AtomicInteger noTitle, AtomicInteger noDate,
      AtomicInteger noOrgan) {
    Counts() {
      this(new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
    }

    void gaps(DocumentMetadata meta) {
      if (meta.title() == null || "first sentence".equals(meta.sources().get("title"))) {
        noTitle.incrementAndGet();
      }
      if (meta.date() == null) {
        noDate.incrementAndGet();
      }
      if (meta.body() == null) {
        noOrgan.incrementAndGet();
      }
    }
  }

  private Counts parseAll(IndexWriter writer, List<SyncPlan.Task> tasks, IndexerOptions options, List<IndexReport.Failure> failures,
      List<IndexReport.OcrFile> ocrFiles) throws IOException, IndexUnusableException {
    Counts counts = new Counts();
    long totalBytes = tasks.stream().mapToLong(t -> t.file().size()).sum();
    int ocrBefore = pipeline.ocr().pagesRecognised();
    Progress progress = new Progress(tasks.size(), totalBytes, () -> pipeline.ocr().pagesRecognised() - ocrBefore);
    this.progress = progress;
    AtomicReference<Throwable> writerFailed = new AtomicReference<>();
    ExecutorService workers = Executors.newFixedThreadPool(options.threads(), Thread.ofPlatform().name("indexer-", 0).factory());
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("indexer-progress").factory());
    ticker.scheduleAtFixedRate(progress::log, 2, 2, TimeUnit.SECONDS);
    long commitMillis = options.commitEvery().toMillis();
    ticker.scheduleAtFixedRate(() -> commitQuietly(writer, writerFailed), commitMillis, commitMillis, TimeUnit.MILLISECONDS);
    try {
      List<Future<?>> futures = new ArrayList<>(tasks.size());
      for (SyncPlan.Task task : tasks) {
        futures.add(workers.submit(() -> {
          if (writerFailed.get() != null) {
            return null;
          }
          indexOne(writer, task, counts, failures, ocrFiles, writerFailed);
          progress.done(task.file().size());
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("indexing was interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("indexing worker failed: " + e.getCause(), e.getCause());
    } finally {
      // never interrupt a thread that may be inside the IndexWriter: an interrupt during a commit
      // closes its file channels and kills the writer; let a running commit finish instead
      ticker.shutdown();
      workers.shutdown();
      awaitQuietly(ticker);
    }
    if (tasks.size() > 0) {
      progress.log();
    }
    Throwable failure = writerFailed.get();
    if (failure != null) {
      throw writeFailed(options.indexDir(), failure);
    }
    return counts;
  }

  private void indexOne(
      IndexWriter writer, SyncPlan.Task task, Counts counts, List<IndexReport.Failure> failures,
      List<IndexReport.OcrFile> ocrFiles, AtomicReference<Throwable> writerFailed) {
    SourceFile file = task.file();
    SourceDocument doc;
    try {
      doc = pipeline.read(file, task.id());
    } catch (ExtractionException e) {
      log.warn("skipped {}: {}{}", file.path(), e.getMessage(), e.getCause() == null ? "" : " (" + e.getCause() + ")");
      failures.add(new IndexReport.Failure(file.path(), e.getMessage()));
      return;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // a parser bug on one hostile file must not stop the run
      log.warn("skipped {}: unexpected {}", file.path(), e.toString());
      failures.add(new IndexReport.Failure(file.path(), "could not be read: its parser failed on it (the log has the details)"));
      return;
    }
    try {
      writer.updateDocuments(new Term(Fields.OWNER, doc.id()), documents.build(doc));
      (task.update() ? counts.updated : counts.added).incrementAndGet();
      if (doc.extracted().ocr() != null) {
        ocrFiles.add(new IndexReport.OcrFile(file.path(), doc.extracted().ocr().pages(), doc.extracted().ocr().reason()));
      }
      counts.gaps(doc.metadata());
    } catch (IOException e) {
      // the folder failed, not the document (disk full, read-only): stop; the last commit stays
      failWriter(writer, writerFailed, e, file.path());
    } catch (RuntimeException e) {
      if (writer.isOpen()) {
        // the document itself was refused (e.g. a term too long): report it, keep going
        failures.add(new IndexReport.Failure(file.path(), "could not be indexed: " + e.getMessage()));
      } else {
        failWriter(writer, writerFailed, e, file.path());
      }
    }
  }

  private static void failWriter(IndexWriter writer, AtomicReference<Throwable> writerFailed, Throwable e, String where) {
    // the writer's own first error (e.g. "No space left on device") says more than the AlreadyClosedException after it
    Throwable cause = writer.getTragicException() != null ? writer.getTragicException() : e;
    if (writerFailed.compareAndSet(null, cause)) {
      log.error("writing the index failed ({}): {}", where, describe(cause));
    }
  }

  private static IndexUnusableException writeFailed(Path folder, Throwable cause) {
    return new IndexUnusableException("writing to the index folder " + folder.toAbsolutePath() + " failed ("
        + describe(cause) + "); the last commit is intact, and the next run indexes what this one could not", cause);
  }

  private static String describe(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FileSystemException f && f.getReason() != null) {
        return f.getReason() + (f.getFile() != null ? ": " + f.getFile() : "");
      }
      if (c instanceof IOException && c.getMessage() != null && c.getMessage().contains("No space left")) {
        return "no space left on the device (disk full)";
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void commitQuietly(IndexWriter writer, AtomicReference<Throwable> writerFailed) {
    if (writerFailed.get() != null) {
      return;
    }
    try {
      commit(writer);
    } catch (IOException | RuntimeException e) {
      failWriter(writer, writerFailed, e, "periodic commit");
    }
  }

  /** Commits with the schema version and time stamped into the commit; the server's admin writes commit the same way. */
  public static synchronized void commit(IndexWriter writer) throws IOException {
    writer.setLiveCommitData(Map.of(
        IndexSchema.COMMIT_SCHEMA_VERSION, String.valueOf(IndexSchema.VERSION),
        IndexSchema.COMMIT_INDEXED_AT, Instant.now().toString()).entrySet());
    writer.commit();
  }
}
