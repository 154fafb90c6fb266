package org.rendakb.precedent;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.rendakb.search.reader.IndexAccess;

/**
 * Precedent search over the served index: the search filters as a filter on passages, the current
 * reader for the length of one search. Knows nothing of HTTP; thread-safe.
 */
public final class PrecedentService {
  private final IndexAccess index;
  private final PrecedentSearcher searcher;

  public PrecedentService(IndexAccess index, PrecedentSearcher searcher) {
    this.index = index;
    this.searcher = searcher;
  }

  /** The passages where {@code text} or a close variant was written, among the documents the filters select. */
  public PrecedentResult search(String text, Map<String, List<String>> filters, LocalDate from, LocalDate to, int size)
      throws IOException {
    Query filter = PassageFilters.of(filters, from, to);
    return index.withSearcher(s -> searcher.search(s, text, filter, size));
  }
}
