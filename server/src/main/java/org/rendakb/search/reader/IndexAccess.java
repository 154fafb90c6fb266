package org.rendakb.search.reader;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.rendakb.schema.Fields;
import org.rendakb.schema.IndexSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one open index of a server: a SearcherManager over the index folder, refreshed in the
 * background so that commits of an indexer running beside the server become visible within about
 * {@link #REFRESH_MILLIS} ms without a restart. Every reader gets its per-reader state
 * ({@link ReaderSearcher}) once, when it is opened, and keeps the per-segment state of the
 * segments it shares with the reader before ({@link Segments}). Thread-safe; close it when the
 * server stops.
 */
public final class IndexAccess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IndexAccess.class);
  public static final long REFRESH_MILLIS = 1000;

  /** Work on a searcher that is released when the work is done. */
  @FunctionalInterface
  public interface SearcherWork<T> {
    T apply(ReaderSearcher searcher) throws IOException;
  }

  private final Path dir;
  private final Directory directory;
  private final SearcherManager manager;
  private final ScheduledExecutorService refresher;

  private IndexAccess(Path dir, Directory directory, SearcherManager manager) {
    this.dir = dir;
    this.directory = directory;
    this.manager = manager;
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "index-refresh");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens the index at {@code dir}, refusing one that is missing, empty or of another schema
   * version with a message that says what to run.
   */
  public static IndexAccess open(Path dir) throws IOException, IndexNotReadyException {
    String build = "build it first: java -jar indexer/target/indexer.jar --index " + dir + " FOLDER...";
    if (!Files.isDirectory(dir)) {
      throw new IndexNotReadyException("no index at " + dir + "; " + build);
    }
    Directory directory = FSDirectory.open(dir);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new IndexNotReadyException("no index at " + dir + "; " + build);
      }
      FacetsConfig facets = IndexSchema.facetsConfig();
      Segments segments = new Segments();
      SearcherManager manager = new SearcherManager(directory, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
          String problem = IndexSchema.incompatibility(((DirectoryReader) reader).getIndexCommit().getUserData());
          if (problem != null) {
            // refusing the new reader keeps the previous one serving while the index is rebuilt
            throw new IncompatibleIndexException(problem);
          }
          long start = System.nanoTime();
          ReaderSearcher searcher = new ReaderSearcher(reader, facets, segments.of(reader));
          log.info("opened index version {}: {} suggestion words, {} titles, per-reader state in {} ms ({} of {} segments"
              + " read, the others kept)", ((DirectoryReader) reader).getVersion(), searcher.suggestions().terms(),
              searcher.suggestions().titles(), (System.nanoTime() - start) / 1_000_000, segments.lastRead(),
              reader.leaves().size());
          return searcher;
        }
      });
      IndexAccess access = new IndexAccess(dir, directory, manager);
      int documents = access.withSearcher(s -> s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT))));
      if (documents == 0) {
        access.close();
        throw new IndexNotReadyException("the index at " + dir + " holds no documents; " + build);
      }
      return access;
    } catch (IncompatibleIndexException e) {
      directory.close();
      throw new IndexNotReadyException(e.getMessage());
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | EOFException
        | NoSuchFileException e) {
      closeQuietly(directory);
      throw new IndexNotReadyException("the index at " + dir + " is damaged or incomplete (" + e.getClass().getSimpleName()
          + ": " + shorten(e.getMessage()) + "); rebuild it: java -jar indexer/target/indexer.jar --full --index " + dir
          + " FOLDER...");
    } catch (IOException | RuntimeException | IndexNotReadyException e) {
      closeQuietly(directory);
      throw e;
    }
  }

  private static String shorten(String message) {
    String m = message == null ? "" : message.replaceAll("\\s+", " ").strip();
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  private static void closeQuietly(Directory directory) {
    try {
      directory.close();
    } catch (IOException | RuntimeException e) {
      log.debug("closing the index directory", e);
    }
  }

  /** Thrown by the SearcherFactory (which may only throw IOException) for an index of another schema. */
  private static final class IncompatibleIndexException extends IOException {
    IncompatibleIndexException(String message) {
      super(message);
    }
  }

  public Path dir() {
    return dir;
  }

  /** Runs {@code work} on the current searcher, acquired and released around it. */
  public <T> T withSearcher(SearcherWork<T> work) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return work.apply((ReaderSearcher) searcher);
    } finally {
      manager.release(searcher);
    }
  }

  /** Picks up a new commit now instead of at the next background refresh. */
  public void refreshNow() throws IOException {
    manager.maybeRefreshBlocking();
  }

  private void refresh() {
    try {
      manager.maybeRefresh();
    } catch (IncompatibleIndexException e) {
      log.error("not serving the latest commit: {}", e.getMessage());
    } catch (IOException | RuntimeException e) {
      // an indexer may be deleting files of an old commit while we open it; the next round retries
      log.warn("index refresh failed, still serving the previous version: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }
}
