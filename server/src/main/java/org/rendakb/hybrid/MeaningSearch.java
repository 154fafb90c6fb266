package org.rendakb.hybrid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.FullPrecisionFloatVectorSimilarityValuesSource;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.rendakb.schema.Fields;
import org.rendakb.schema.FileBlocks;

/**
 * The files nearest in meaning to a query: the HNSW graph of the vector documents, filtered by the
 * request's filters (vector documents carry their file's filter fields), each vector mapped to its
 * file. Lucene searches the graph when the filter admits many vectors and compares exactly when it
 * admits few, so a narrow filter still yields its nearest files.
 */
public final class MeaningSearch {
  /** Vector documents, for the filter of a request (in place of the file documents). */
  public static final Query VECTORS = new TermQuery(new Term(Fields.KIND, Fields.KIND_VECTOR));

  /**
   * Up to this many vectors are compared one by one, exactly; the graph beyond. The graph's answer
   * is approximate and depends on the order the vectors were written in, which two threads make
   * different on every build: the concept set's MRR moved by up to 0.007 and a wanted file could
   * slip from 10th to 11th between two clean builds of the same corpus. One by one, 3,341 vectors
   * of 512 dimensions are a few milliseconds.
   */
  static final int EXACT_UP_TO = 50_000;

  private final QueryVectors vectors;

  public MeaningSearch(QueryVectors vectors) {
    this.vectors = vectors;
  }

  /** Whether a reader holds any vector (an index built with --no-semantic, or before its vectors, has none). */
  public static boolean hasVectors(IndexSearcher searcher) throws IOException {
    return searcher.count(VECTORS) > 0;
  }

  /**
   * The {@code k} files nearest to {@code query}, nearest first, as file doc ids with the vector
   * similarity as score ((1 + cosine) / 2, in 0..1).
   *
   * @param filter vector documents allowed (the request's filters over {@link #VECTORS})
   */
  public List<ScoreDoc> nearest(IndexSearcher searcher, String query, Query filter, int k) throws IOException {
    float[] vector = vectors.of(query);
    Query candidates = filter == null ? VECTORS : filter;
    Query nearest = searcher.count(candidates) <= EXACT_UP_TO
        ? new FunctionScoreQuery(candidates, new FullPrecisionFloatVectorSimilarityValuesSource(vector, Fields.EMBEDDING))
        : new KnnFloatVectorQuery(Fields.EMBEDDING, vector, k, candidates);
    TopDocs top = searcher.search(nearest, k);
    StoredFields stored = searcher.storedFields();
    List<ScoreDoc> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      String owner = stored.document(sd.doc, Set.of(Fields.OWNER)).get(Fields.OWNER);
      int file = FileBlocks.file(searcher, owner);
      if (file >= 0) {
        out.add(new ScoreDoc(file, sd.score));
      }
    }
    return out;
  }

  /**
   * The similarity to {@code query} of each of these files that has a vector: an exact comparison
   * with their vectors alone (the filter admits only them, so Lucene compares them one by one
   * rather than walking the graph). For ranking lexical matches by meaning too.
   */
  public Map<Integer, Float> similarities(IndexSearcher searcher, String query, List<Integer> files) throws IOException {
    Map<Integer, Float> out = new HashMap<>();
    if (files.isEmpty()) {
      return out;
    }
    StoredFields stored = searcher.storedFields();
    Map<String, Integer> byId = new HashMap<>();
    for (int doc : files) {
      byId.put(stored.document(doc, Set.of(Fields.ID)).get(Fields.ID), doc);
    }
    Query theirs = new BooleanQuery.Builder()
        .add(new TermInSetQuery(Fields.OWNER, byId.keySet().stream().map(BytesRef::new).toList()), Occur.FILTER)
        .add(VECTORS, Occur.FILTER)
        .build();
    TopDocs top = searcher.search(new KnnFloatVectorQuery(Fields.EMBEDDING, vectors.of(query), files.size(), theirs),
        files.size());
    for (ScoreDoc sd : top.scoreDocs) {
      Integer file = byId.get(stored.document(sd.doc, Set.of(Fields.OWNER)).get(Fields.OWNER));
      if (file != null) {
        out.put(file, sd.score);
      }
    }
    return out;
  }
}
