package org.rendakb.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One line of a topic query set: what a person types and the relevant documents by corpus path
 * ({@code laws/…}, {@code reports/…}, {@code pdf/…}, {@code seeds/…}) with their grade: 2 the
 * document sought (every copy or version that answers equally well), 1 also right (another version
 * of the same law; a document that deals with the question substantially without being about it).
 * {@code note} says, for hand-judged sets, how the judgments were made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopicQuery(String group, String query, Map<String, Integer> relevant, String note) {
  public TopicQuery {
    relevant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(relevant));
    if (relevant.values().stream().noneMatch(g -> g >= GradedMetrics.SOUGHT)) {
      throw new IllegalArgumentException("query " + query + " has no grade-2 document");
    }
  }
}
