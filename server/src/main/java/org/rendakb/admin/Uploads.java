package org.rendakb.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.lucene.index.Term;
import org.rendakb.errors.RefusedException;
import org.rendakb.extract.ExtractionException;
import org.rendakb.index.DocumentPipeline;
import org.rendakb.index.LuceneDocuments;
import org.rendakb.index.SourceDocument;
import org.rendakb.index.SourceFile;
import org.rendakb.schema.Fields;
import org.rendakb.schema.FileBlocks;
import org.rendakb.schema.StoredFile;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.NoSuchDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adding one uploaded file and deleting one document. An upload is stored first, then read by the
 * indexer's own {@link DocumentPipeline} (Tika detects the type from the bytes, the form's metadata
 * wins as a sidecar does) and written with {@link LuceneDocuments} in one {@code updateDocuments}
 * call: a file that cannot be read, or a write that is refused, removes the stored copy again and
 * leaves the index as it was.
 */
public final class Uploads {
  private static final Logger log = LoggerFactory.getLogger(Uploads.class);
  /**
   * Uploads parsed at once: each may hold tens of MB of text while it is read, and the server's
   * threads are many; further uploads wait their turn.
   */
  static final int PARALLEL_READS = 2;

  /** What an upload answers with (201). */
  public record Added(String id, String path, String title, String type, String date, String contentType, int passages,
      String note) {}

  private final UploadStore store;
  private final DocumentPipeline pipeline;
  private final LuceneDocuments documents;
  private final IndexWriting writing;
  private final IndexAccess index;
  private final SecureRandom random = new SecureRandom();
  private final Semaphore reading = new Semaphore(PARALLEL_READS, true);

  public Uploads(UploadStore store, DocumentPipeline pipeline, LuceneDocuments documents, IndexWriting writing, IndexAccess index) {
    this.store = store;
    this.pipeline = pipeline;
    this.documents = documents;
    this.writing = writing;
    this.index = index;
  }

  public Added add(String clientName, InputStream content, Map<String, Object> sidecar) throws IOException {
    String id = newId();
    Path file = store.save(id, clientName, content, sidecar);
    boolean indexed = false;
    try {
      long start = System.nanoTime();
      SourceDocument doc = read(SourceFile.at(store.root(), file), id);
      long read = System.nanoTime();
      writing.change(w -> w.updateDocuments(new Term(Fields.OWNER, id), documents.build(doc)));
      indexed = true;
      var meta = doc.metadata();
      log.info("upload {} added ({}, {} passages; read in {} ms, indexed and visible in {} ms)", doc.path(),
          doc.extracted().contentType(), doc.passages().size(), (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
      return new Added(id, doc.path(), meta.title(), meta.type().label, meta.date() == null ? null : meta.date().toString(),
          doc.extracted().contentType(), doc.passages().size(), doc.extracted().note());
    } finally {
      if (!indexed) {
        store.remove(id);
      }
    }
  }

  private SourceDocument read(SourceFile file, String id) {
    try {
      reading.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RefusedException.unavailable("the server is stopping");
    }
    try {
      return pipeline.read(file, id);
    } catch (ExtractionException e) {
      throw unreadable(file, e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // a parser bug on one hostile file must not reach the error mapper as a failure of the server
      // its message is the parser's internals (a NullPointerException's), of no use to the uploader
      log.warn("upload {} could not be read", file.path(), e);
      throw unreadable(file, "the parser for its format failed on it (the server log has the details)");
    } finally {
      reading.release();
    }
  }

  private static RefusedException unreadable(SourceFile file, String reason) {
    log.info("upload {} refused: {}", file.path(), reason);
    return new RefusedException(RefusedException.Reason.UNREADABLE, "the file was not added: " + reason);
  }

  /** Removes the document and its passages; an upload's stored original goes with it. */
  public void delete(String id) throws IOException, NoSuchDocumentException {
    String root = writing.change(w -> {
      String found = rootOf(id);
      if (found != null) {
        w.deleteDocuments(new Term(Fields.OWNER, id));
      }
      return found;
    });
    if (root == null) {
      throw new NoSuchDocumentException("no document with id " + id);
    }
    if (store.owns(root)) {
      store.remove(id);
    }
    log.info("document {} deleted", id);
  }

  /** The stored root of the file document {@code id}, or null when there is none. */
  private String rootOf(String id) throws IOException {
    return index.withSearcher(s -> {
      int doc = FileBlocks.file(s, id);
      if (doc < 0) {
        return null;
      }
      String root = StoredFile.read(s.storedFields(), doc, StoredFile.Part.METADATA).root();
      return root == null ? "" : root;
    });
  }

  private String newId() throws IOException {
    byte[] bytes = new byte[8];
    while (true) {
      random.nextBytes(bytes);
      String id = HexFormat.of().formatHex(bytes);
      if (!store.exists(id) && rootOf(id) == null) {
        return id;
      }
    }
  }
}
