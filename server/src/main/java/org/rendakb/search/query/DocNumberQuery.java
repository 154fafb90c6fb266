package org.rendakb.search.query;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.rendakb.metadata.OfficialElements;
import org.rendakb.schema.Fields;

/**
 * A 发文字号 typed into the search box, in any of its written forms (宿人常发[2024]12号,
 * （2024）, 【2024】, 〔2024〕, with spaces), finds its document first: the number is normalised as the
 * indexer stores it and matched as a term, scored far above any text match. The words still match
 * as typed, so a number no document has finds what its words find.
 */
final class DocNumberQuery {
  private DocNumberQuery() {}

  static Query first(String typed, Query words) {
    String number = OfficialElements.findDocNumber(typed);
    if (number == null) {
      return words;
    }
    Query exact = new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.DOC_NUMBER, number))), Weights.DOC_NUMBER);
    return new BooleanQuery.Builder().add(words, Occur.SHOULD).add(exact, Occur.SHOULD).build();
  }
}
