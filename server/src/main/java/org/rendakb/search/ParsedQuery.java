package org.rendakb.search;

import org.apache.lucene.search.Query;

/**
 * A staff query turned into Lucene.
 *
 * @param query what documents must match (MatchAllDocsQuery when browsing)
 * @param description how the text was understood, for the response
 */
public record ParsedQuery(Query query, QueryDescription description) {
  public boolean browse() {
    return description.browse();
  }
}
