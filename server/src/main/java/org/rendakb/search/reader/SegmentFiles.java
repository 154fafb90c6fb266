package org.rendakb.search.reader;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.rendakb.schema.FileBlocks;
import org.rendakb.schema.StoredFile;

/**
 * What one segment holds of its file documents, deleted ones included: where they are (the blocks
 * of {@link FileBlocks}) and what a hit shows of each. It depends only on the segment's core, which
 * never changes, so it is read once when the segment first appears and reused by every reader that
 * keeps the segment ({@link Segments}); deletions are applied by the reader, from its live docs.
 * The repeated values (types, bodies, committees, regions, places) are shared within the segment.
 * Immutable.
 */
final class SegmentFiles {
  private final FixedBitSet files;
  private final FixedBitSet starts;
  /** The file documents' segment doc ids, ascending, and what each shows, in the same order. */
  private final int[] docs;
  private final FileMetadata[] metadata;

  private SegmentFiles(FixedBitSet files, FixedBitSet starts, int[] docs, FileMetadata[] metadata) {
    this.files = files;
    this.starts = starts;
    this.docs = docs;
    this.metadata = metadata;
  }

  static SegmentFiles read(LeafReader segment) throws IOException {
    FixedBitSet files = FileBlocks.files(segment);
    int[] docs = new int[files.cardinality()];
    FileMetadata[] metadata = new FileMetadata[docs.length];
    StoredFields stored = segment.storedFields();
    Map<String, String> shared = new HashMap<>();
    int n = 0;
    BitSetIterator it = new BitSetIterator(files, docs.length);
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      StoredFile f = StoredFile.read(stored, doc, StoredFile.Part.SUMMARY);
      docs[n] = doc;
      metadata[n++] = new FileMetadata(f.id(), f.path(), f.title(), share(shared, f.type()), f.date(), f.year(),
          share(shared, f.body()), share(shared, f.committee()), share(shared, f.region()), share(shared, f.place()));
    }
    return new SegmentFiles(files, FileBlocks.starts(segment), docs, metadata);
  }

  /** The file documents of the segment. */
  FixedBitSet files() {
    return files;
  }

  /** The documents that end a file's passages: files and vectors ({@link FileBlocks#starts}). */
  FixedBitSet starts() {
    return starts;
  }

  int count() {
    return docs.length;
  }

  /** The segment doc id of the i-th file document. */
  int doc(int i) {
    return docs[i];
  }

  FileMetadata metadata(int i) {
    return metadata[i];
  }

  /** What the file document with this segment doc id shows, or null when it is no file document. */
  FileMetadata at(int doc) {
    int i = java.util.Arrays.binarySearch(docs, doc);
    return i < 0 ? null : metadata[i];
  }

  private static String share(Map<String, String> shared, String value) {
    return value == null ? null : shared.computeIfAbsent(value, v -> v);
  }
}
