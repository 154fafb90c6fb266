package org.rendakb.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.rendakb.metadata.DocumentMetadata;
import org.rendakb.schema.Fields;
import org.rendakb.schema.StoredFile;
import org.rendakb.semantic.Embedder;
import org.rendakb.semantic.EmbeddingCache;
import org.rendakb.semantic.EmbeddingInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every file in the index that has none its meaning vector, after the lexical commit: search
 * works while this runs, and meaning joins in with each commit. A file replaced or deleted loses its
 * vector with its block (both carry the owner's id); the next run gives the new one its vector, from
 * the cache when the text embedded is unchanged (a move, a rename, a rebuild), so only new text
 * costs inference.
 */
public final class VectorPhase {
  private static final Logger log = LoggerFactory.getLogger(VectorPhase.class);

  private final Embedder embedder;
  private final EmbeddingCache cache;
  private final LuceneDocuments documents;

  public VectorPhase(Embedder embedder, EmbeddingCache cache, LuceneDocuments documents) {
    this.embedder = embedder;
    this.cache = cache;
    this.documents = documents;
  }

  /**
   * What the phase did.
   *
   * @param embedded vectors computed by the model in this run
   * @param fromCache vectors found in the cache instead
   * @param chars characters the model read
   * @param seconds the phase's time, cached vectors included
   */
  public record Result(int embedded, int fromCache, long chars, double seconds) {
    public static final Result NONE = new Result(0, 0, 0, 0);
  }

  /** A file document that has no vector yet: its global doc id in the reader that found it. */
  record Missing(int doc) {}

  /**
   * Writes the missing vectors on {@code threads} threads, committing with {@code commit} every
   * {@code commitEvery} and at the end. Interrupted, it stops and keeps what it committed.
   */
  public Result run(IndexWriter writer, int threads, Duration commitEvery, IndexCommitter commit) throws IOException {
    long start = System.nanoTime();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      List<Missing> missing = missing(reader);
      if (missing.isEmpty()) {
        return Result.NONE;
      }
      log.info("meaning vectors: {} files have none yet; search works meanwhile, meaning joins in with each commit",
          missing.size());
      Counts counts = new Counts(missing.size(), start);
      AtomicReference<IOException> failed = new AtomicReference<>();
      ExecutorService workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("embedder-", 0).factory());
      ScheduledExecutorService ticker =
          Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("embedder-progress").factory());
      ticker.scheduleAtFixedRate(counts::log, 2, 2, TimeUnit.SECONDS);
      ticker.scheduleAtFixedRate(() -> {
        try {
          commit.commit(writer);
        } catch (IOException e) {
          failed.compareAndSet(null, e);
        }
      }, commitEvery.toMillis(), commitEvery.toMillis(), TimeUnit.MILLISECONDS);
      try {
        List<Future<?>> batches = new ArrayList<>();
        for (int from = 0; from < missing.size(); from += BATCH) {
          List<Missing> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
          batches.add(workers.submit(() -> {
            if (failed.get() == null) {
              embed(reader, writer, batch, counts, failed);
            }
            return null;
          }));
        }
        for (Future<?> f : batches) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.info("meaning vectors: interrupted after {} of {}; the next run completes them", counts.done.get(), missing.size());
      } catch (ExecutionException e) {
        throw new IOException("writing meaning vectors failed: " + e.getCause(), e.getCause());
      } finally {
        // never interrupt the ticker: an interrupt inside a commit closes the writer's files and
        // kills it; let a running commit finish instead
        ticker.shutdown();
        workers.shutdown();
        awaitQuietly(workers);
        awaitQuietly(ticker);
      }
      if (failed.get() != null) {
        throw failed.get();
      }
      commit.commit(writer);
      double seconds = (System.nanoTime() - start) / 1e9;
      log.info("meaning vectors: {} computed ({} chars, {} chars/s), {} from the cache, in {}", counts.embedded.get(),
          counts.chars.get(), Math.round(counts.chars.get() / Math.max(seconds, 1e-3)), counts.cached.get(),
          Progress.format(Duration.ofNanos(System.nanoTime() - start)));
      return new Result(counts.embedded.get(), counts.cached.get(), counts.chars.get(), seconds);
    }
  }

  /** Files embedded per task: enough to make a task's overhead small, few enough to spread over the threads. */
  private static final int BATCH = 32;

  private void embed(DirectoryReader reader, IndexWriter writer, List<Missing> batch, Counts counts,
      AtomicReference<IOException> failed) {
    try {
      StoredFields stored = reader.storedFields();
      List<String> ids = new ArrayList<>(batch.size());
      List<DocumentMetadata> metas = new ArrayList<>(batch.size());
      List<String> inputs = new ArrayList<>(batch.size());
      float[][] vectors = new float[batch.size()][];
      List<Integer> uncached = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        StoredFile file = StoredFile.read(stored, batch.get(i).doc(), StoredFile.Part.WHOLE);
        DocumentMetadata meta = LuceneDocuments.metadata(file);
        String input = EmbeddingInput.of(meta.title(), file.text());
        ids.add(file.id());
        metas.add(meta);
        inputs.add(input);
        vectors[i] = cache.get(EmbeddingCache.key(input));
        if (vectors[i] == null) {
          uncached.add(i);
        }
      }
      if (!uncached.isEmpty()) {
        List<float[]> computed = embedder.embedAll(uncached.stream().map(inputs::get).toList());
        for (int j = 0; j < uncached.size(); j++) {
          int i = uncached.get(j);
          vectors[i] = computed.get(j);
          cache.put(EmbeddingCache.key(inputs.get(i)), vectors[i]);
          counts.chars.addAndGet(inputs.get(i).length());
        }
      }
      for (int i = 0; i < batch.size(); i++) {
        writer.addDocument(documents.vectorDocument(ids.get(i), metas.get(i), vectors[i]));
      }
      counts.embedded.addAndGet(uncached.size());
      counts.cached.addAndGet(batch.size() - uncached.size());
    } catch (IOException e) {
      failed.compareAndSet(null, e);
    } catch (RuntimeException e) {
      // the model failed on these texts: they stay without vectors (the next run tries again), the rest go on
      log.warn("meaning vectors: {} files left without one: {}", batch.size(), e.getMessage());
    }
    counts.done.addAndGet(batch.size());
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Progress of a phase, logged every few seconds. */
  private static final class Counts {
    final int total;
    final long start;
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger embedded = new AtomicInteger();
    final AtomicInteger cached = new AtomicInteger();
    final AtomicLong chars = new AtomicLong();

    Counts(int total, long start) {
      this.total = total;
      this.start = start;
    }

    void log() {
      int n = done.get();
      double rate = n / Math.max(1e-3, (System.nanoTime() - start) / 1e9);
      log.info("meaning vectors: {}/{} files ({}%), {} files/s, ETA {}", n, total, n * 100 / total,
          String.format("%.1f", rate), rate == 0 ? "?" : Progress.format(Duration.ofSeconds((long) ((total - n) / rate))));
    }
  }

  /** Live file documents without a live vector document, in index order. */
  static List<Missing> missing(DirectoryReader reader) throws IOException {
    Set<String> withVector = new HashSet<>();
    forEachLive(reader, Fields.KIND_VECTOR, (stored, doc) -> withVector.add(stored.document(doc, Set.of(Fields.OWNER)).get(Fields.OWNER)));
    List<Missing> out = new ArrayList<>();
    forEachLive(reader, Fields.KIND_DOCUMENT, (stored, doc) -> {
      if (!withVector.contains(stored.document(doc, Set.of(Fields.ID)).get(Fields.ID))) {
        out.add(new Missing(doc));
      }
    });
    return out;
  }

  private interface DocVisitor {
    void visit(StoredFields stored, int globalDoc) throws IOException;
  }

  private static void forEachLive(DirectoryReader reader, String kind, DocVisitor visitor) throws IOException {
    Term term = new Term(Fields.KIND, kind);
    StoredFields stored = reader.storedFields();
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
      if (postings == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          visitor.visit(stored, leaf.docBase + doc);
        }
      }
    }
  }

  /** How the phase commits: the indexer's commit, stamped with the schema version. */
  @FunctionalInterface
  public interface IndexCommitter {
    void commit(IndexWriter writer) throws IOException;
  }
}
