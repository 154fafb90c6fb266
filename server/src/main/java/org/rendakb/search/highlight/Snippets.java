package org.rendakb.search.highlight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.rendakb.schema.MatchingText;
import org.rendakb.extract.Pages;

/**
 * Up to {@link #MAX_SNIPPETS} sentences of a document's text around the query's matches, chosen and
 * formatted as Lucene's UnifiedHighlighter does (its passage scorer, a sentence a passage),
 * but with the matches found by {@link QueryMarks} as strings in the text the hit's stored fields
 * already hold. Postings offsets and weight matches did the same work at about a third of a topic
 * search's CPU (a profile: re-running a dozen phrase queries on each hit's positions); a string
 * search over the text takes a few hundredths of that. The whole text is considered, so a match
 * late in a long law is found; a text without a match gets its first sentence. Thread-safe.
 */
public final class Snippets {
  static final int MAX_SNIPPETS = 3;

  private static final PassageScorer SCORER = new LeanPassageScorer();
  private final MarkFormatter formatter = new MarkFormatter();

  /** One list of HTML snippets per text, in the same order, marking what {@code marks} finds. */
  public List<List<String>> of(QueryMarks marks, String[] texts) {
    List<List<String>> out = new ArrayList<>(texts.length);
    for (String text : texts) {
      out.add(of(marks, text == null ? "" : text));
    }
    return out;
  }

  private List<String> of(QueryMarks marks, String text) {
    return withPages(marks, text, List.of()).stream().map(Snippet::html).toList();
  }

  /** The snippets of one text, each with its page from the offsets where the text's pages start (none: no page). */
  public List<Snippet> withPages(QueryMarks marks, String text, List<Integer> pageStarts) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<QueryMarks.Match> matches = marks.isEmpty() ? List.of() : marks.find(MatchingText.of(text));
    Passage[] chosen = matches.isEmpty() ? firstSentence(text) : best(marks, matches, text);
    List<Snippet> out = new ArrayList<>(chosen.length);
    for (Passage passage : chosen) {
      @SuppressWarnings("unchecked")
      List<String> formatted = (List<String>) formatter.format(new Passage[] {passage}, text);
      if (!formatted.isEmpty()) {
        out.add(new Snippet(formatted.getFirst(), Pages.at(pageStarts, passage.getStartOffset())));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The highest-scoring sentences holding matches, in text order. As in the UnifiedHighlighter, a
   * passage runs from the sentence start before its first match to the sentence end after it, and
   * takes the matches that start before it ends.
   */
  private static Passage[] best(QueryMarks marks, List<QueryMarks.Match> matches, String text) {
    int length = text.length();
    matches.sort(Comparator.comparingInt(QueryMarks.Match::start).thenComparingInt(QueryMarks.Match::form));
    int[] inDoc = new int[marks.forms().size()];
    matches.forEach(m -> inDoc[m.form()]++);
    BytesRef[] terms = marks.forms().stream().map(f -> new BytesRef(f.label())).toArray(BytesRef[]::new);

    PriorityQueue<Passage> top = new PriorityQueue<>(MAX_SNIPPETS + 1, BY_SCORE);
    Passage passage = null;
    for (QueryMarks.Match m : matches) {
      if (passage == null || m.start() >= passage.getEndOffset()) {
        offer(top, passage, length);
        passage = new Passage();
        passage.setStartOffset(Sentences.start(text, m.start()));
        passage.setEndOffset(Sentences.end(text, m.start()));
      }
      passage.addMatch(m.start(), m.end(), terms[m.form()], inDoc[m.form()]);
    }
    offer(top, passage, length);
    Passage[] out = top.toArray(Passage[]::new);
    java.util.Arrays.sort(out, Comparator.comparingInt(Passage::getStartOffset));
    return out;
  }

  /** The lowest score first, so that the queue drops it; among equals the later passage goes first. */
  private static final Comparator<Passage> BY_SCORE =
      Comparator.comparingDouble(Passage::getScore).thenComparing(Comparator.comparingInt(Passage::getStartOffset).reversed());

  private static void offer(PriorityQueue<Passage> top, Passage passage, int length) {
    if (passage == null) {
      return;
    }
    passage.setScore(SCORER.score(passage, length));
    top.add(passage);
    if (top.size() > MAX_SNIPPETS) {
      top.poll();
    }
  }

  private static Passage[] firstSentence(String text) {
    Passage p = new Passage();
    p.setStartOffset(0);
    p.setEndOffset(Sentences.end(text, 0));
    return new Passage[] {p};
  }

  /**
   * Lucene's passage score, summed in the same order, without a new BytesRefHash (32 KB of byte
   * blocks) for every candidate sentence: that was an eighth of the server's allocation under load.
   * A sentence has few matches, so a linear scan finds the distinct terms. Stateless.
   */
  private static final class LeanPassageScorer extends PassageScorer {
    private static final int LINEAR_MAX = 64;

    @Override
    public float score(Passage passage, int contentLength) {
      int n = passage.getNumMatches();
      if (n > LINEAR_MAX) {
        return super.score(passage, contentLength);
      }
      BytesRef[] terms = new BytesRef[n];
      int[] inPassage = new int[n];
      int[] inDoc = new int[n];
      int distinct = 0;
      for (int i = 0; i < n; i++) {
        BytesRef term = passage.getMatchTerms()[i];
        int j = 0;
        while (j < distinct && !Objects.equals(terms[j], term)) {
          j++;
        }
        if (j == distinct) {
          terms[distinct] = term;
          inDoc[distinct] = passage.getMatchTermFreqsInDoc()[i];
          distinct++;
        }
        inPassage[j]++;
      }
      double score = 0d;
      for (int j = 0; j < distinct; j++) {
        score += tf(inPassage[j], passage.getLength()) * weight(contentLength, inDoc[j]);
      }
      return (float) (score * norm(passage.getStartOffset()));
    }
  }
}
