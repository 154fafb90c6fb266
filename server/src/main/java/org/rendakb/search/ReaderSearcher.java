package org.rendakb.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.IndexSearcher;

/**
 * An IndexSearcher with the state that depends only on its reader, built once when the reader is
 * opened (in the SearcherFactory) and shared by every request that uses this reader: the facet
 * ordinals of the sorted-set doc values, the merged field infos, the suggestion lists and the laws
 * with several versions.
 */
public final class ReaderSearcher extends IndexSearcher {
  private final FacetsConfig facetsConfig;
  private final SortedSetDocValuesReaderState facetState;
  private final Set<String> facetDims;
  private final Suggestions suggestions;
  private final FieldInfos fieldInfos;
  private final Versions versions;
  private final List<FileMetadata> files;
  private final boolean hasVectors;

  ReaderSearcher(IndexReader reader, FacetsConfig facetsConfig) throws IOException {
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
    this.files = FileMetadata.readAll(reader);
    this.suggestions = Suggestions.build(reader, files);
    this.versions = Versions.build(files);
    this.hasVectors = fieldInfos.fieldInfo(org.rendakb.schema.Fields.EMBEDDING) != null
        && org.rendakb.hybrid.MeaningSearch.hasVectors(this);
  }

  /** Whether any file of this reader has a meaning vector yet. */
  public boolean hasVectors() {
    return hasVectors;
  }

  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /** Null when the index holds no facet values at all. */
  public SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  /** The facet dimensions that have at least one value in this reader. */
  public boolean hasDim(String dim) {
    return facetDims.contains(dim);
  }

  /** The field infos of all segments, merged once for this reader (the highlighter asks per request). */
  public FieldInfos fieldInfos() {
    return fieldInfos;
  }

  /** The laws of this reader that have several versions. */
  public Versions versions() {
    return versions;
  }

  /** What a result list shows of the live file document with this doc id, or null for another doc id. */
  public FileMetadata file(int doc) {
    return FileMetadata.find(files, doc);
  }

  public Suggestions suggestions() {
    return suggestions;
  }

  /** The commit user data of this reader's commit (schema version, indexed_at). */
  public java.util.Map<String, String> commitData() throws IOException {
    return ((DirectoryReader) getIndexReader()).getIndexCommit().getUserData();
  }
}
