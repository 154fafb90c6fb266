package org.rendakb.search.reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.rendakb.schema.Fields;
import org.rendakb.schema.FileBlocks;

/**
 * An IndexSearcher with the state that depends only on its reader, built once when the reader is
 * opened (in the SearcherFactory) and shared by every request that uses this reader: the facet
 * ordinals of the sorted-set doc values, the merged field infos, the file documents of each segment
 * (kept from the reader before for the segments it shares with it, {@link Segments}), the
 * suggestion lists and the laws with several versions; the facet counts of the whole index on
 * first use.
 */
public final class ReaderSearcher extends IndexSearcher {
  /** A live file document: its doc id in this reader and what it shows. */
  public record LiveFile(int doc, FileMetadata file) {}

  private final FacetsConfig facetsConfig;
  private final SortedSetDocValuesReaderState facetState;
  private final Set<String> facetDims;
  private final Suggestions suggestions;
  private final FieldInfos fieldInfos;
  private final boolean hasVectors;
  private final Versions versions;
  private final List<SegmentFiles> segments;
  private final List<LiveFile> liveFiles;
  /** Guarded by {@link #totals}. */
  private Facets allCounts;
  private final Map<String, Map<String, Integer>> totals = new HashMap<>();

  ReaderSearcher(IndexReader reader, FacetsConfig facetsConfig, List<SegmentFiles> segments) throws IOException {
    super(reader);
    this.facetsConfig = facetsConfig;
    // an index without any facet value (all documents deleted) has no facet field to read
    this.fieldInfos = FieldInfos.getMergedFieldInfos(reader);
    boolean hasFacets = fieldInfos.fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null;
    this.facetState = hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, facetsConfig) : null;
    Set<String> dims = new HashSet<>();
    if (facetState != null) {
      facetState.getDims().forEach(dims::add);
    }
    this.facetDims = Set.copyOf(dims);
    this.segments = List.copyOf(segments);
    this.liveFiles = liveFiles(reader, this.segments);
    this.suggestions = Suggestions.build(reader, liveFiles);
    this.versions = Versions.build(liveFiles);
    this.hasVectors = fieldInfos.fieldInfo(Fields.EMBEDDING) != null
        && count(new TermQuery(new Term(Fields.KIND, Fields.KIND_VECTOR))) > 0;
  }

  private static List<LiveFile> liveFiles(IndexReader reader, List<SegmentFiles> segments) {
    List<LiveFile> out = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      SegmentFiles files = segments.get(leaf.ord);
      Bits live = leaf.reader().getLiveDocs();
      for (int i = 0; i < files.count(); i++) {
        int doc = files.doc(i);
        if (live == null || live.get(doc)) {
          out.add(new LiveFile(leaf.docBase + doc, files.metadata(i)));
        }
      }
    }
    return List.copyOf(out);
  }

  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /** Null when the index holds no facet values at all. */
  public SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  /** Whether any file of this reader has a meaning vector yet. */
  public boolean hasVectors() {
    return hasVectors;
  }

  /** Whether any file of this reader has a value of the facet dimension {@code dim}. */
  public boolean hasDim(String dim) {
    return facetDims.contains(dim);
  }

  /**
   * Live files per value of one facet dimension over this whole reader, counted on first use (a
   * reader does not change); empty when no file has a value. The values are copied out of Lucene's
   * counts, whose label lookups read doc values that one thread at a time may use: two requests
   * reading a shared Facets at once got wrong labels or failed (HTTP 500 on /api/laws in CI).
   */
  public Map<String, Integer> totals(String dim) throws IOException {
    synchronized (totals) {
      Map<String, Integer> out = totals.get(dim);
      if (out == null) {
        if (allCounts == null && facetState != null) {
          allCounts = new SortedSetDocValuesFacetCounts(facetState);
        }
        FacetResult result = allCounts == null || !hasDim(dim) ? null : allCounts.getAllChildren(dim);
        Map<String, Integer> counted = new HashMap<>();
        if (result != null) {
          for (LabelAndValue lv : result.labelValues) {
            counted.put(lv.label, lv.value.intValue());
          }
        }
        out = Map.copyOf(counted);
        totals.put(dim, out);
      }
      return out;
    }
  }

  /** The field infos of all segments, merged once for this reader (the highlighter asks per request). */
  public FieldInfos fieldInfos() {
    return fieldInfos;
  }

  /** The laws of this reader that have several versions. */
  public Versions versions() {
    return versions;
  }

  /** Every live file document, in doc id order. */
  public List<LiveFile> liveFiles() {
    return liveFiles;
  }

  /** What a result list shows of the live file document with this doc id, or null for another doc id. */
  public FileMetadata file(int doc) {
    LeafReaderContext leaf = leaf(doc);
    int local = doc - leaf.docBase;
    Bits live = leaf.reader().getLiveDocs();
    return live != null && !live.get(local) ? null : segments.get(leaf.ord).at(local);
  }

  /** The doc id of the file document the passage with this doc id belongs to, or -1 ({@link FileBlocks}). */
  public int fileOf(int passage) {
    LeafReaderContext leaf = leaf(passage);
    int file = FileBlocks.fileOf(segments.get(leaf.ord).files(), passage - leaf.docBase);
    return file < 0 ? -1 : leaf.docBase + file;
  }

  /** Where the passages of the file document with this doc id end, exclusive ({@link FileBlocks}). */
  public int passagesEnd(int file) {
    LeafReaderContext leaf = leaf(file);
    return leaf.docBase + FileBlocks.passagesEnd(segments.get(leaf.ord).starts(), file - leaf.docBase, leaf.reader().maxDoc());
  }

  private LeafReaderContext leaf(int doc) {
    List<LeafReaderContext> leaves = getIndexReader().leaves();
    return leaves.get(ReaderUtil.subIndex(doc, leaves));
  }

  public Suggestions suggestions() {
    return suggestions;
  }

  /** The commit user data of this reader's commit (schema version, indexed_at). */
  public Map<String, String> commitData() throws IOException {
    return ((DirectoryReader) getIndexReader()).getIndexCommit().getUserData();
  }
}
