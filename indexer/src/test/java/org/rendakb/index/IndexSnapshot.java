package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.rendakb.schema.Fields;
import org.rendakb.schema.IndexSchema;

/**
 * What the last commit of an index holds, checked for integrity on the way: every file document
 * once (by id and by path), each with its passages, no passage without its document, and the
 * schema version stamped.
 *
 * @param passages passages per document id
 * @param paths document id per path
 */
record IndexSnapshot(Map<String, Integer> passages, Map<String, String> paths) {
  static final IndexSnapshot EMPTY = new IndexSnapshot(Map.of(), Map.of());

  int documents() {
    return passages.size();
  }

  /** The snapshot of the index in {@code index}, EMPTY when nothing was committed yet. */
  static IndexSnapshot read(Path index) throws IOException {
    try (var dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) {
        return EMPTY;
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertNull(IndexSchema.incompatibility(reader.getIndexCommit().getUserData()), "every commit carries the schema version");
        IndexSearcher searcher = new IndexSearcher(reader);
        Map<String, Integer> passages = new TreeMap<>();
        Map<String, String> paths = new HashMap<>();
        for (IndexedFile f : IndexedState.read(reader)) {
          assertEquals(1, searcher.count(new TermQuery(new Term(Fields.ID, f.id()))), "one document for id " + f.id());
          assertNull(paths.put(f.path(), f.id()), "one document for " + f.path());
          int own = searcher.count(new TermQuery(new Term(Fields.PARENT, f.id())));
          assertTrue(own > 0, "the passages of " + f.path());
          passages.put(f.id(), own);
        }
        int all = searcher.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)));
        assertEquals(all, passages.values().stream().mapToInt(Integer::intValue).sum(), "no passage without its document");
        return new IndexSnapshot(passages, paths);
      }
    }
  }

  /** Every document of {@code earlier} is here, with the same passages: nothing lost or changed. */
  void assertHoldsAllOf(IndexSnapshot earlier, String what) {
    earlier.passages.forEach((id, n) -> assertEquals(n, passages.get(id), what + ": document " + id + " and its passages"));
  }
}
