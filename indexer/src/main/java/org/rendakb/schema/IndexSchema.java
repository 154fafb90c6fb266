package org.rendakb.schema;

import java.util.List;
import java.util.Map;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.SortField;

/**
 * How each field is indexed, the facet set-up and the schema version stamped into every commit.
 * Indexer and server both use this class; the server refuses an index of another version.
 */
public final class IndexSchema {
  private IndexSchema() {}

  /** Raise on any change to field names, analysis or facets that makes old indexes unreadable. */
  public static final int VERSION = 8;

  /** The embedding model's vectors are unit length: their dot product is the cosine, and cheaper. */
  public static final VectorSimilarityFunction VECTOR_SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

  /** Commit user-data keys. */
  public static final String COMMIT_SCHEMA_VERSION = "schema_version";

  public static final String COMMIT_INDEXED_AT = "indexed_at";

  /** Facet dimensions, in the order the API lists them. */
  public static final List<String> FACET_DIMENSIONS =
      List.of(Fields.YEAR, Fields.TYPE, Fields.BODY, Fields.COMMITTEE, Fields.REGION, Fields.LAW);

  /**
   * Analysed text for term and phrase matching. No offsets: snippets find their matches as strings
   * in the stored text (the server's QueryMarks), which costs less than reading offsets from the
   * postings did, and offsets were a sixth of the postings written for every text and passage.
   */
  public static final FieldType ANALYSED = analysed(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  private static FieldType analysed(IndexOptions options) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(false);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }

  /**
   * Ties in a ranked list go to the smaller id, so that equal scores or dates list the same way
   * after any re-index or merge. An id is 16 hex digits (64 bits); as an unsigned number it sorts as
   * the string does, and flipping the sign bit makes that a signed order a long sort keeps. Sorting
   * on this number instead of on the id string's sorted-set ordinals spares every hit that enters a
   * ranked list an ordinal-to-bytes lookup (a tenth of matching a topic search).
   */
  public static long idOrder(String id) {
    // another length would not keep the string order; the indexer makes no such id
    if (id.length() == 16) {
      try {
        return Long.parseUnsignedLong(id, 16) ^ Long.MIN_VALUE;
      } catch (NumberFormatException e) {
        // not hex: below
      }
    }
    // not an id this indexer makes: after all of them, in no particular order among themselves
    return Long.MAX_VALUE;
  }

  /** The tie-break sort of every ranked list: smaller id first ({@link #idOrder}). */
  public static SortField byId() {
    return new SortField(Fields.ID_ORDER, SortField.Type.LONG);
  }

  /** One config shared by indexing and faceting: sorted-set doc values, no side taxonomy index. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(Fields.LAW, true);
    return config;
  }

  /** Null when the commit's schema is ours, else a message saying what to do. */
  public static String incompatibility(Map<String, String> commitUserData) {
    String found = commitUserData.get(COMMIT_SCHEMA_VERSION);
    if (found == null) {
      return "the index has no schema version: it was not written by this indexer; rebuild it with"
          + " `java -jar indexer/target/indexer.jar --full --index DIR INPUT...`";
    }
    if (!found.equals(String.valueOf(VERSION))) {
      return "the index was written with schema version " + found + " but this program reads version "
          + VERSION + "; rebuild it with `java -jar indexer/target/indexer.jar --full --index DIR INPUT...`";
    }
    return null;
  }
}
