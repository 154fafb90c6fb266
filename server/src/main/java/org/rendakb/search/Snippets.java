package org.rendakb.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;

/**
 * Up to {@link #MAX_SNIPPETS} sentences of a document's text around the query's matches.
 *
 * <p>Offsets come from the postings of {@code text} and of its bigram twin {@code text_bi}, which is
 * a masked field of {@code text}: a phrase matched on bigrams is marked in the stored text without
 * re-running the segmenter. The whole text is considered (the 10,000-char default would miss
 * matches late in a long law). A document without a match in its text (title-only match, browsing)
 * gets its first sentence.
 */
final class Snippets {
  static final int MAX_SNIPPETS = 3;

  private Snippets() {}

  /** One list of HTML snippets per entry of {@code docIds}, in the same order. */
  static List<List<String>> of(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
    if (docIds.length == 0) {
      return List.of();
    }
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, Analyzers.perField())
        .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
        .withMaxLength(Integer.MAX_VALUE - 1)
        .withFormatter(new MarkFormatter())
        .withMaskedFieldsFunc(field -> field.equals(Fields.TEXT) ? Set.of(Fields.TEXT_BIGRAMS) : Set.of())
        .withMaxNoHighlightPassages(1);
    ListHighlighter highlighter = new ListHighlighter(builder);
    int[] max = new int[] {MAX_SNIPPETS};
    Map<String, Object[]> byField = highlighter.lists(new String[] {Fields.TEXT}, query, docIds, max);
    Object[] perDoc = byField.get(Fields.TEXT);
    List<List<String>> out = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      @SuppressWarnings("unchecked")
      List<String> snippets = perDoc == null || perDoc[i] == null ? List.of() : (List<String>) perDoc[i];
      out.add(List.copyOf(snippets));
    }
    return out;
  }

  /** Opens up the highlighter's per-document objects: the formatter returns a list of snippets, not one string. */
  private static final class ListHighlighter extends UnifiedHighlighter {
    ListHighlighter(Builder builder) {
      super(builder);
    }

    Map<String, Object[]> lists(String[] fields, Query query, int[] docIds, int[] max) throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, max);
    }
  }
}
