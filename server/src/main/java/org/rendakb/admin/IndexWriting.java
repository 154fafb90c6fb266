package org.rendakb.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.rendakb.errors.RefusedException;
import org.rendakb.index.Indexer;
import org.rendakb.schema.Analyzers;
import org.rendakb.search.reader.IndexAccess;

/**
 * The server's writes to its index. Lucene allows one IndexWriter per index (its {@code write.lock}),
 * and the indexer program may be running beside the server, so the server holds no writer between
 * requests: each change opens one, applies the change, commits (with the schema version, as the
 * indexer does), closes it and refreshes the server's searcher before answering, so a successful
 * answer is followed by searches that see the change. Changes within the server are serialised by a
 * fair lock; a server reindex holds that lock for its whole run. When the indexer program holds the
 * index, or a reindex runs, the change is refused (a conflict) and nothing is written.
 */
public final class IndexWriting {
  /** How long a change waits for the server's other changes (each takes well under a second). */
  private static final long WAIT_SECONDS = 30;

  @FunctionalInterface
  interface Change<T> {
    T apply(IndexWriter writer) throws IOException;
  }

  @FunctionalInterface
  interface Run<T, E extends Exception> {
    T run() throws E;
  }

  private final Path indexDir;
  private final IndexAccess access;
  private final ReentrantLock lock = new ReentrantLock(true);
  private volatile boolean reindexing;

  public IndexWriting(Path indexDir, IndexAccess access) {
    this.indexDir = indexDir;
    this.access = access;
  }

  /** Applies one change in its own writer and commit; visible to the server's searches on return. */
  <T> T change(Change<T> change) throws IOException {
    acquire();
    T result;
    try {
      if (reindexing) {
        throw reindexRunning();
      }
      try (Directory dir = FSDirectory.open(indexDir); IndexWriter writer = open(dir)) {
        result = change.apply(writer);
        Indexer.commit(writer);
      }
      // refreshed before the lock is released: the next change (a second delete of the same
      // document) must see this one, or it would find the document again and commit once more
      access.refreshNow();
    } finally {
      lock.unlock();
    }
    return result;
  }

  /**
   * Refuses the server's changes from now on, until {@link #exclusive} has run: called when a reindex
   * is accepted, so that no change slips in between the 202 and the run taking the lock.
   */
  void reserve() {
    reindexing = true;
  }

  /** Runs a whole indexer run with the server's changes held off (they are refused meanwhile). */
  <T, E extends Exception> T exclusive(Run<T, E> run) throws E, IOException {
    reindexing = true;
    lock.lock();
    try {
      return run.run();
    } finally {
      try {
        access.refreshNow();
      } finally {
        reindexing = false;
        lock.unlock();
      }
    }
  }

  private void acquire() {
    if (reindexing) {
      throw reindexRunning();
    }
    try {
      if (!lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw RefusedException.unavailable("the index is busy with other changes; try again in a moment");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RefusedException.unavailable("the server is stopping");
    }
  }

  private static RefusedException reindexRunning() {
    return RefusedException.conflict("a reindex is running (GET /api/reindex shows its progress); "
        + "the index can be changed again when it has finished");
  }

  private static IndexWriter open(Directory dir) throws IOException {
    // commit on close: merges that a commit started are kept rather than rolled back
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField()).setOpenMode(OpenMode.APPEND).setCommitOnClose(true);
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw RefusedException.conflict("the index is being written by an indexer run outside the server; "
          + "try again when it has finished");
    }
  }
}
