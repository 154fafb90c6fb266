package org.rendakb.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;

/**
 * Up to {@link #MAX_SNIPPETS} sentences of a document's text around the query's matches.
 *
 * <p>Offsets come from the postings of {@code text} and of its bigram twin {@code text_bi}, which is
 * a masked field of {@code text}: a phrase matched on bigrams is marked in the stored text without
 * re-running the segmenter. The whole text is considered (the 10,000-char default would miss
 * matches late in a long law). A document without a match in its text (title-only match, browsing)
 * gets its first sentence. Thread-safe: a highlighter is made per request.
 */
final class Snippets {
  static final int MAX_SNIPPETS = 3;

  private static final PassageScorer SCORER = new LeanPassageScorer();

  /** Only for a field indexed without offsets; every highlighted field of our schema has them. */
  private final Analyzer analyzer = Analyzers.perField();

  /**
   * One list of HTML snippets per entry of {@code docIds}, in the same order; {@code texts[i]} is
   * the stored text of {@code docIds[i]}, which the caller has read already with the metadata.
   */
  List<List<String>> of(ReaderSearcher searcher, Query query, int[] docIds, String[] texts) throws IOException {
    if (docIds.length == 0) {
      return List.of();
    }
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
        .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
        .withMaxLength(Integer.MAX_VALUE - 1)
        .withFormatter(new MarkFormatter())
        .withScorer(SCORER)
        .withMaskedFieldsFunc(field -> field.equals(Fields.TEXT) ? Set.of(Fields.TEXT_BIGRAMS) : Set.of())
        .withMaxNoHighlightPassages(1);
    Map<Integer, String> textOf = new HashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      textOf.put(docIds[i], texts[i] == null ? "" : texts[i]);
    }
    ListHighlighter highlighter = new ListHighlighter(builder, searcher, textOf);
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

  /**
   * Opens up the highlighter's per-document objects (the formatter returns a list of snippets, not
   * one string) and takes three costs out of every request, which a profile of the server under load
   * showed: the stored text is not read a second time, the merged field infos come from the reader's
   * state instead of being rebuilt, and a prefix query (a lone character) does not make the
   * highlighter re-analyse the whole text into a memory index, since offsets are in the postings and
   * weight matches find the prefix's terms there. A fourth: the query's weight is built once per
   * segment, not per document ({@link SegmentWeightOffsets}).
   */
  private static final class ListHighlighter extends UnifiedHighlighter {
    private final ReaderSearcher reader;
    private final Map<Integer, String> textOf;

    ListHighlighter(Builder builder, ReaderSearcher reader, Map<Integer, String> textOf) {
      super(builder);
      this.reader = reader;
      this.textOf = textOf;
    }

    Map<String, Object[]> lists(String[] fields, Query query, int[] docIds, int[] max) throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, max);
    }

    @Override
    protected FieldInfo getFieldInfo(String field) {
      return reader.fieldInfos().fieldInfo(field);
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      return source == OffsetSource.POSTINGS && components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)
          ? new SegmentWeightOffsets(components)
          : super.getOffsetStrategy(source, components);
    }

    @Override
    protected OffsetSource getOptimizedOffsetSource(UHComponents components) {
      OffsetSource optimized = super.getOptimizedOffsetSource(components);
      return optimized == OffsetSource.ANALYSIS && getOffsetSource(components.field()) == OffsetSource.POSTINGS
          && getFlags(components.field()).contains(HighlightFlag.WEIGHT_MATCHES)
          ? OffsetSource.POSTINGS
          : optimized;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
        throws IOException {
      // the same batching as the default: at least one document, more while under the threshold
      List<CharSequence[]> values = new ArrayList<>();
      int chars = 0;
      do {
        int doc = docIter.nextDoc();
        if (doc == DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
        String text = textOf.getOrDefault(doc, "");
        values.add(new CharSequence[] {text});
        chars += text.length();
      } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
      return values;
    }
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
