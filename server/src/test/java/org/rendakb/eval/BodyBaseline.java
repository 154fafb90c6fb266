package org.rendakb.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.rendakb.schema.Fields;

/**
 * A plain baseline for topic search: BM25 over a document's whole body, the query analysed by a
 * stock Lucene analyzer (SmartChineseAnalyzer words or CJKAnalyzer bigrams), any term may match,
 * no title field, no phrases, no abbreviations, no folding of the query.
 *
 * <p>It runs on the product index's own body fields ({@code text}: smartcn words,
 * {@code text_bi}: CJK bigrams) rather than on a second index: same documents (PDFs and seeds
 * included, as extracted), same BM25 statistics, and no minute of segmenting the corpus again per
 * build. The one difference from a separate stock index is that the indexed body was folded
 * (full-width to half-width, traditional to simplified) before analysis; the query is not, so a
 * traditional query still misses as it would in a plain index of simplified text.
 */
public final class BodyBaseline {
  private final String name;
  private final String field;
  private final Analyzer analyzer;
  private final IndexSearcher searcher;
  private final CorpusDocs docs;

  private BodyBaseline(String name, String field, Analyzer analyzer, IndexSearcher searcher, CorpusDocs docs) {
    this.name = name;
    this.field = field;
    this.analyzer = analyzer;
    this.searcher = searcher;
    this.docs = docs;
  }

  public static BodyBaseline smartcn(IndexSearcher searcher, CorpusDocs docs) {
    return new BodyBaseline("smartcn BM25 (body)", Fields.TEXT, new SmartChineseAnalyzer(), searcher, docs);
  }

  public static BodyBaseline bigrams(IndexSearcher searcher, CorpusDocs docs) {
    return new BodyBaseline("CJK bigram BM25 (body)", Fields.TEXT_BIGRAMS, new CJKAnalyzer(), searcher, docs);
  }

  public String name() {
    return name;
  }

  /** Corpus paths ranked for the query, best first. */
  public List<String> rank(String query, int k) throws IOException {
    Query terms = new QueryBuilder(analyzer).createBooleanQuery(field, query, BooleanClause.Occur.SHOULD);
    List<String> out = new ArrayList<>();
    if (terms == null) {
      return out;
    }
    Query q = new BooleanQuery.Builder()
        .add(terms, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), BooleanClause.Occur.FILTER)
        .build();
    for (ScoreDoc sd : searcher.search(q, k).scoreDocs) {
      out.add(docs.byLuceneDoc(sd.doc).corpusPath());
    }
    return out;
  }
}
