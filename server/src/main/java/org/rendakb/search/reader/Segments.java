package org.rendakb.search.reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * The per-segment state of the open index, kept across refreshes: a new reader reuses the state of
 * every segment it shares with the reader before it (keyed by the segment's core, which deletions
 * do not change) and reads only the new segments. After an upload or a small commit that is one
 * small segment instead of every file of the collection. Used by the one SearcherFactory, which
 * Lucene calls for one reader at a time.
 */
final class Segments {
  private Map<IndexReader.CacheKey, SegmentFiles> cached = Map.of();
  private int read;

  /** The state of each leaf of {@code reader}, in leaf order; forgets the segments it no longer has. */
  synchronized List<SegmentFiles> of(IndexReader reader) throws IOException {
    Map<IndexReader.CacheKey, SegmentFiles> now = new HashMap<>();
    List<SegmentFiles> out = new ArrayList<>(reader.leaves().size());
    read = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
      IndexReader.CacheKey key = core == null ? null : core.getKey();
      SegmentFiles files = key == null ? null : cached.get(key);
      if (files == null) {
        files = SegmentFiles.read(leaf.reader());
        read++;
      }
      if (key != null) {
        now.put(key, files);
      }
      out.add(files);
    }
    cached = now;
    return out;
  }

  /** How many segments the last {@link #of} had to read (the others were reused). */
  synchronized int lastRead() {
    return read;
  }
}
