package org.rendakb.precedent;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.rendakb.schema.Fields;

/**
 * The search filters as a query on passages, which carry copies of their document's type, year,
 * date, body, committee and region: OR within a field, AND across fields, as on /api/search.
 */
final class PassageFilters {
  private PassageFilters() {}

  private static final List<String> KEYWORD_FIELDS = List.of(Fields.TYPE, Fields.BODY, Fields.COMMITTEE, Fields.REGION);

  /** Null when nothing is filtered. */
  static Query of(Map<String, List<String>> filters, LocalDate from, LocalDate to) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean any = false;
    for (String field : KEYWORD_FIELDS) {
      List<String> values = filters.getOrDefault(field, List.of());
      if (!values.isEmpty()) {
        BooleanQuery.Builder oneOf = new BooleanQuery.Builder();
        values.forEach(v -> oneOf.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        all.add(oneOf.build(), Occur.FILTER);
        any = true;
      }
    }
    List<String> years = filters.getOrDefault(Fields.YEAR, List.of());
    if (!years.isEmpty()) {
      all.add(IntField.newSetQuery(Fields.YEAR, years.stream().mapToInt(Integer::parseInt).toArray()), Occur.FILTER);
      any = true;
    }
    if (from != null || to != null) {
      all.add(LongField.newRangeQuery(Fields.DATE_DAYS, from == null ? Long.MIN_VALUE : from.toEpochDay(),
          to == null ? Long.MAX_VALUE : to.toEpochDay()), Occur.FILTER);
      any = true;
    }
    return any ? all.build() : null;
  }
}
