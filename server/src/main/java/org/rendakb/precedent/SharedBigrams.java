package org.rendakb.precedent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rendakb.schema.MatchingText;
import org.rendakb.search.highlight.Marker;

/**
 * What a precedent hit marks: the characters of a passage that belong to a bigram the drafter's
 * text shares with it, compared in {@link MatchingText}'s form (one char for one char, so positions
 * line up with the original) over letters and digits only, punctuation between two marked
 * characters inside the mark, so that a shared phrase is one mark. The {@link Marker} shows them.
 */
final class SharedBigrams {
  private SharedBigrams() {}

  /** The spans of {@code passage} to mark, in text order, for the query's bigrams ({@link DraftText#bigrams}). */
  static List<Marker.Span> in(String passage, Set<String> queryBigrams) {
    String folded = MatchingText.of(passage);
    List<Marker.Span> out = new ArrayList<>();
    int prev = -1;
    for (int i = 0; i < folded.length(); i++) {
      if (!Character.isLetterOrDigit(folded.charAt(i))) {
        continue;
      }
      if (prev >= 0 && queryBigrams.contains("" + folded.charAt(prev) + folded.charAt(i))) {
        add(out, prev, i + 1, folded);
      }
      prev = i;
    }
    return out;
  }

  /** Adds [start, end), joined to the span before when only punctuation lies between them. */
  private static void add(List<Marker.Span> spans, int start, int end, String folded) {
    if (!spans.isEmpty() && noLetterOrDigit(folded, spans.getLast().end(), start)) {
      spans.set(spans.size() - 1, new Marker.Span(spans.getLast().start(), Math.max(end, spans.getLast().end())));
    } else {
      spans.add(new Marker.Span(start, end));
    }
  }

  private static boolean noLetterOrDigit(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
