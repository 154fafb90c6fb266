package org.rendakb.compare;

import java.util.List;

/**
 * What a document says that the {@code against} documents do not ({@code added}), and what they
 * said that it no longer does ({@code dropped}), most important first.
 */
public record NewPhrases(String id, List<String> against, List<Found> added, List<Found> dropped) {
  /** @param sentence the sentence it first stands in, HTML-escaped, the phrase in {@code <mark>} */
  public record Found(String phrase, String sentence, double score) {}
}
