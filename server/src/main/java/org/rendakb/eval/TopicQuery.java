package org.rendakb.eval;

import java.util.Map;

/**
 * One line of a topic query set: what a person types, optional filters, and the relevant
 * documents by corpus path with their grade (2 the document sought, 1 also right, e.g. another
 * version of the same law).
 */
public record TopicQuery(String group, String query, Map<String, String> filters, Map<String, Integer> relevant) {
  public TopicQuery {
    filters = filters == null ? Map.of() : Map.copyOf(filters);
    relevant = Map.copyOf(relevant);
  }
}
