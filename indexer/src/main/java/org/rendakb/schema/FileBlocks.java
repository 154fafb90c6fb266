package org.rendakb.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * The layout of the index: a file document and its passages are one block, the file first, then
 * its passages in text order ({@link Fields#POSITION} 0, 1, …). The indexer writes a block in one
 * {@code addDocuments}/{@code updateDocuments} call, and Lucene keeps a block's doc ids together and
 * in order through merges, so in every segment a passage's file is the nearest file document before
 * it and a file's passages run up to the next file document. Search reads the layout through this
 * class only.
 *
 * <p>Not Lucene 10's {@code IndexWriterConfig.setParentField}: its parent is the last document of a
 * block, ours the first, and reversing the order would renumber every document (ties of equal
 * score and id order fall to doc ids) and need every index rebuilt, for the same information the
 * file documents' bit set gives here.
 *
 * <p>A file's meaning vector is a document of its own ({@link Fields#KIND_VECTOR}), written after
 * the lexical blocks and so between blocks once segments merge: a file's passages also end where a
 * vector document begins ({@link #starts}).
 */
public final class FileBlocks {
  private FileBlocks() {}

  /** The live file document with this id, as a doc id of {@code searcher}'s reader, or -1. */
  public static int file(IndexSearcher searcher, String id) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), BooleanClause.Occur.FILTER)
        .build();
    TopDocs top = searcher.search(q, 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  /** The Lucene documents of one file in block order: the file, then its passages. */
  public static List<Document> of(Document file, List<Document> passages) {
    List<Document> block = new ArrayList<>(1 + passages.size());
    block.add(file);
    block.addAll(passages);
    return block;
  }

  /** The file documents of a segment, deleted ones included (a file is deleted with its passages). */
  public static FixedBitSet files(LeafReader segment) throws IOException {
    FixedBitSet files = new FixedBitSet(Math.max(1, segment.maxDoc()));
    PostingsEnum docs = segment.postings(new Term(Fields.KIND, Fields.KIND_DOCUMENT), PostingsEnum.NONE);
    if (docs != null) {
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        files.set(doc);
      }
    }
    return files;
  }

  /**
   * The documents that are no passage (files and vectors), deleted ones included: where the
   * passages before them end.
   */
  public static FixedBitSet starts(LeafReader segment) throws IOException {
    FixedBitSet starts = files(segment);
    PostingsEnum docs = segment.postings(new Term(Fields.KIND, Fields.KIND_VECTOR), PostingsEnum.NONE);
    if (docs != null) {
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        starts.set(doc);
      }
    }
    return starts;
  }

  /** The file document the passage {@code passage} belongs to, or -1 (segment doc ids). */
  public static int fileOf(BitSet files, int passage) {
    return passage <= 0 ? -1 : files.prevSetBit(passage - 1);
  }

  /**
   * Where the passages of the file {@code file} end, exclusive: the next file or vector document
   * ({@link #starts}), or the segment's end.
   */
  public static int passagesEnd(BitSet starts, int file, int maxDoc) {
    int next = file + 1 >= starts.length() ? DocIdSetIterator.NO_MORE_DOCS : starts.nextSetBit(file + 1);
    return next == DocIdSetIterator.NO_MORE_DOCS ? maxDoc : next;
  }
}
