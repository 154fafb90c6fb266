package org.rendakb.precedent;

import java.util.List;

/**
 * @param total distinct passages found (after grouping versions)
 * @param timeline per year, the documents in which the phrase or its close variants occur
 */
public record PrecedentResult(int total, long tookMs, List<PrecedentHit> hits, List<YearCount> timeline) {
  public record YearCount(int year, int count) {}
}
