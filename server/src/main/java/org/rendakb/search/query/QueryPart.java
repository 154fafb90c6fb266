package org.rendakb.search.query;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * One part of a query that a partial match may lack: a word or a group of alternatives as typed, or
 * a piece of a query of one long word (消防 of 消防立法调研).
 *
 * @param text as shown to the user in {@code missing}
 * @param query what counts toward a partial match: the part as typed, or its words apart anywhere
 * @param held where a document holds the part as a full match would; a partial match that does not
 *     hold it lists it as missing
 * @param asTyped where it appears as typed: the plainest reading, when the others make the partial
 *     query too big
 * @param forms the strings snippets mark for it: its terms as typed and their other names, none for a
 *     title-only term
 */
public record QueryPart(String text, Query query, Query held, Query asTyped, List<String> forms) {
  public QueryPart {
    forms = List.copyOf(forms);
  }
}
