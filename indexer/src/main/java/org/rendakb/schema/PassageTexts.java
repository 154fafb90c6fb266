package org.rendakb.schema;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * Reads passage texts, which are kept in binary doc values ({@link Fields#PASSAGE}), not stored
 * fields: a search shows three passages per hit and a precedent search weighs 150 candidates, and
 * each stored-field read decompressed a block of tens of KB (the passages around it and the
 * file's whole text) for a sentence of a few hundred bytes, about a third of a precedent search.
 * Doc values give the bytes of one passage directly.
 */
public final class PassageTexts {
  private PassageTexts() {}

  /** The text of the passage with this doc id in the whole reader, or null for another kind of doc. */
  public static String of(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    return of(leaf.reader().getBinaryDocValues(Fields.PASSAGE), doc - leaf.docBase);
  }

  /**
   * The text of the passage with this doc id in the segment, from the segment's values (null when
   * it has none); a values instance only moves forward, so read a segment's docs in increasing order.
   */
  public static String of(BinaryDocValues texts, int doc) throws IOException {
    return texts != null && texts.advanceExact(doc) ? texts.binaryValue().utf8ToString() : null;
  }
}
