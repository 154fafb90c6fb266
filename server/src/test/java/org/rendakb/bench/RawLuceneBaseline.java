package org.rendakb.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.rendakb.schema.Fields;
import org.rendakb.schema.IndexSchema;
import org.rendakb.search.SearchService;

/**
 * Plain Lucene search as the known figures describe it, for comparing search speed within
 * one run: the same files in an index of their own (no passages, no bigrams), the body analysed
 * by a stock SmartChineseAnalyzer with offsets in the postings, BM25 over its words (any may
 * match; a quoted phrase as a phrase), the same facet dimensions counted as many values deep, and
 * the ten best hits' whole texts highlighted by the UnifiedHighlighter (three passages each). Not
 * thread-safe; one instance per measuring thread.
 */
final class RawLuceneBaseline implements AutoCloseable {
  private static final String TEXT = "text";
  private static final String TITLE = "title";
  private static final int HITS = 10;
  private static final int PASSAGES = 3;
  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  private final Analyzer analyzer = new SmartChineseAnalyzer();
  private final FacetsConfig facetsConfig = IndexSchema.facetsConfig();
  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final SortedSetDocValuesReaderState facetState;
  private final UnifiedHighlighter highlighter;

  /** The time of one search, and of its search and facets alone (before stored fields and highlighting). */
  record Timing(long totalNanos, long searchNanos, int hits) {}

  private RawLuceneBaseline(Path index) throws IOException {
    dir = FSDirectory.open(index);
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
    facetState = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
    highlighter = UnifiedHighlighter.builder(searcher, analyzer).withMaxLength(Integer.MAX_VALUE - 1).build();
  }

  /** Opens a baseline index that {@link #build} made. */
  static RawLuceneBaseline open(Path index) throws IOException {
    return new RawLuceneBaseline(index);
  }

  /** Opens the baseline index at {@code index}, first building it there from the file documents of {@code product}. */
  static RawLuceneBaseline build(Path product, Path index, int threads) throws Exception {
    Machine.deleteRecursively(index);
    try (Directory from = FSDirectory.open(product);
        DirectoryReader source = DirectoryReader.open(from);
        Directory to = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(to, new IndexWriterConfig(new SmartChineseAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
      IndexSearcher s = new IndexSearcher(source);
      ScoreDoc[] files = s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), Integer.MAX_VALUE).scoreDocs;
      FacetsConfig config = IndexSchema.facetsConfig();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int first = t;
          done.add(pool.submit(() -> {
            StoredFields stored = source.storedFields();
            for (int i = first; i < files.length; i += threads) {
              writer.addDocument(config.build(document(stored.document(files[i].doc))));
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      writer.forceMerge(1);
      writer.commit();
    }
    return new RawLuceneBaseline(index);
  }

  /** A stock document: the stored body with offsets, the title, and the facet values of the product's file. */
  private static Document document(Document file) {
    Document doc = new Document();
    doc.add(new StoredField(TITLE, nullToEmpty(file.get(Fields.TITLE))));
    doc.add(new Field(TEXT, nullToEmpty(file.get(Fields.TEXT)), TEXT_WITH_OFFSETS));
    for (String dim : IndexSchema.FACET_DIMENSIONS) {
      // the year is stored as a number, which getValues leaves out
      List<String> values = dim.equals(Fields.YEAR)
          ? file.getField(dim) == null ? List.of() : List.of(file.getField(dim).numericValue().toString())
          : List.of(file.getValues(dim));
      for (String value : values) {
        if (!value.isBlank()) {
          doc.add(new SortedSetDocValuesFacetField(dim, value));
        }
      }
    }
    return doc;
  }

  /**
   * One search: a query in quotes is a phrase, else any of its words. Null query (nothing left
   * after analysis) counts as no hits.
   */
  Timing search(String q) throws IOException {
    long start = System.nanoTime();
    Query query = query(q);
    if (query == null) {
      long took = System.nanoTime() - start;
      return new Timing(took, took, 0);
    }
    FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, HITS, new FacetsCollectorManager());
    Facets facets = new SortedSetDocValuesFacetCounts(facetState, result.facetsCollector());
    int labels = 0;
    for (String dim : IndexSchema.FACET_DIMENSIONS) {
      if (facetState.getOrdRange(dim) != null) {
        FacetResult r = dim.equals(Fields.YEAR) ? facets.getAllChildren(dim) : facets.getTopChildren(SearchService.FACET_VALUES, dim);
        labels += r == null ? 0 : r.labelValues.length;
      }
    }
    long searched = System.nanoTime() - start;
    TopDocs top = result.topDocs();
    StoredFields stored = searcher.storedFields();
    int chars = 0;
    for (ScoreDoc sd : top.scoreDocs) {
      chars += stored.document(sd.doc, Set.of(TITLE)).get(TITLE).length();
    }
    String[] snippets = highlighter.highlight(TEXT, query, top, PASSAGES);
    for (String s : snippets) {
      chars += s == null ? 0 : s.length();
    }
    // the sums keep the JIT from dropping work whose result nothing reads
    return new Timing(System.nanoTime() - start, searched, top.scoreDocs.length + (labels + chars < 0 ? 1 : 0));
  }

  private Query query(String q) {
    String s = q.strip();
    QueryBuilder builder = new QueryBuilder(analyzer);
    if (s.length() > 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return builder.createPhraseQuery(TEXT, s.substring(1, s.length() - 1));
    }
    return builder.createBooleanQuery(TEXT, s, BooleanClause.Occur.SHOULD);
  }

  int documents() {
    return reader.numDocs();
  }

  /** The facet dimensions the baseline's documents carry values of. */
  Set<String> facetDimensions() {
    return facetState.getPrefixToOrdRange().keySet();
  }

  @Override
  public void close() throws IOException {
    try (dir; reader) {
      // both closed, reader first
    }
  }

  private static FieldType textWithOffsets() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
