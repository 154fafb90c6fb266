package org.rendakb.admin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.rendakb.errors.RefusedException;
import org.rendakb.index.DocumentPipeline;
import org.rendakb.index.IndexReport;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;
import org.rendakb.index.LuceneDocuments;
import org.rendakb.index.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-scans the server's input folders with the indexer's own {@link Indexer}, one run at a time,
 * in the background; a second start while one runs is refused. Uploads are not in the input
 * folders and are left alone. One parsing thread, so that search stays responsive meanwhile.
 */
public final class Reindexer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
  /** Failures listed in the status; the count is always complete. */
  static final int FAILURES_SHOWN = 20;

  public enum State { idle, running, done, failed }

  /** The last run's report, shortened to what a status page needs. */
  public record Summary(int added, int updated, int unchanged, int moved, int deleted, int failed,
      List<IndexReport.Failure> failures, int documents, int passages, double seconds) {
    static Summary of(IndexReport r) {
      return new Summary(r.added(), r.updated(), r.unchanged(), r.moved(), r.deleted(), r.failed().size(),
          r.failed().subList(0, Math.min(FAILURES_SHOWN, r.failed().size())), r.documents(), r.passages(), r.seconds());
    }
  }

  /** What GET /api/reindex answers. Files are those the run parses (new or changed), known once the scan is done. */
  public record Status(State state, List<String> inputs, String startedAt, String finishedAt, Integer filesDone,
      Integer filesTotal, Summary report, String error) {}

  private record Run(Indexer indexer, Instant startedAt, Instant finishedAt, IndexReport report, String error) {}

  private final Path indexDir;
  private final List<Path> inputs;
  private final DocumentPipeline pipeline;
  private final LuceneDocuments documents;
  private final IndexWriting writing;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("reindex").factory());
  private Run current;

  public Reindexer(Path indexDir, List<Path> inputs, DocumentPipeline pipeline, LuceneDocuments documents, IndexWriting writing) {
    this.indexDir = indexDir;
    this.inputs = List.copyOf(inputs);
    this.pipeline = pipeline;
    this.documents = documents;
    this.writing = writing;
  }

  public synchronized Status start() {
    if (inputs.isEmpty()) {
      throw RefusedException.conflict("the server was started without --input folders; there is nothing to reindex");
    }
    if (current != null && current.finishedAt() == null) {
      throw RefusedException.conflict("a reindex is already running (GET /api/reindex shows its progress)");
    }
    Run run = new Run(new Indexer(pipeline, documents, org.rendakb.semantic.SemanticOptions.defaults(indexDir)), Instant.now(), null, null, null);
    current = run;
    writing.reserve();
    runner.submit(() -> execute(run));
    return status();
  }

  private void execute(Run run) {
    IndexReport report = null;
    String error = null;
    try {
      report = writing.exclusive(() -> run.indexer().index(new IndexerOptions(indexDir, inputs, 1, false)));
      log.info("reindex done: {} added, {} updated, {} deleted, {} failed", report.added(), report.updated(),
          report.deleted(), report.failed().size());
    } catch (Exception | Error e) {
      error = e.getMessage() == null ? e.toString() : e.getMessage();
      log.error("reindex failed: {}", e.toString());
    }
    synchronized (this) {
      current = new Run(run.indexer(), run.startedAt(), Instant.now(), report, error);
    }
  }

  public synchronized Status status() {
    List<String> folders = inputs.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
    if (current == null) {
      return new Status(State.idle, folders, null, null, null, null, null, null);
    }
    Progress progress = current.indexer().progress();
    State state = current.finishedAt() == null ? State.running : current.error() == null ? State.done : State.failed;
    return new Status(state, folders, current.startedAt().toString(),
        current.finishedAt() == null ? null : current.finishedAt().toString(),
        progress == null ? null : progress.filesDone(), progress == null ? null : progress.filesTotal(),
        current.report() == null ? null : Summary.of(current.report()), current.error());
  }

  @Override
  public void close() {
    // never interrupt a run inside the IndexWriter; the index keeps its last commit whatever happens
    runner.shutdown();
  }
}
