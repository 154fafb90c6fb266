package org.rendakb.search.highlight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.rendakb.schema.MatchingText;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;
import org.rendakb.schema.PassageTexts;
import org.rendakb.search.reader.ReaderSearcher;
import org.rendakb.search.query.AnalysedWords;
import org.rendakb.search.query.WordQueries;

/**
 * Snippets drawn from the passage index: a hit's best passages (its sentences, indexed by their
 * bigrams for precedent search) are found by scoring the query's marks as bigram phrases over the
 * passages of that one file, and only those few short texts are read (from doc values) and marked.
 * Reading and scanning each hit's whole text instead was about half of a topic search (a long law
 * is hundreds of KB to decompress and decode for three sentences).
 *
 * <p>A file's passages are the doc ids after it up to the next file ({@link
 * org.rendakb.schema.FileBlocks}, read from the reader's per-segment state). Where no passage holds a mark as a bigram phrase (a match only in the
 * title, a one-character word, a phrase across two sentences) the hit gets null and the caller
 * falls back to the whole text. A browse without query words shows each hit's first passage.
 * Thread-safe.
 */
public final class PassageSnippets {
  private static final BytesRef MARK = new BytesRef("mark");

  private final AnalysedWords bigrams = new AnalysedWords(Analyzers.bigrams());
  private final MarkFormatter formatter = new MarkFormatter();

  /**
   * Per file doc id, in the same order, its snippets, or null where its passages hold none of the
   * marks. Without marks (browsing) a hit's snippet is its first passage.
   */
  public List<List<Snippet>> of(ReaderSearcher searcher, QueryMarks marks, int[] docIds) throws IOException {
    List<List<Snippet>> out = new ArrayList<>(Collections.nCopies(docIds.length, (List<Snippet>) null));
    Query query = marks.isEmpty() ? null : query(marks);
    if (!marks.isEmpty() && query == null) {
      return out;
    }
    Weight weight = query == null ? null : searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    // a scorer only moves forward: visit the hits in doc id order
    Integer[] order = new Integer[docIds.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> docIds[i]));
    Segment segment = null;
    for (int i : order) {
      if (segment == null || !segment.holds(docIds[i])) {
        segment = new Segment(searcher, docIds[i], weight);
      }
      List<Snippet> texts = segment.passages(docIds[i]);
      if (!texts.isEmpty()) {
        List<Snippet> snippets = new ArrayList<>(texts.size());
        for (Snippet text : texts) {
          String snippet = marked(marks, text.html() == null ? "" : text.html());
          if (!snippet.isBlank()) {
            snippets.add(new Snippet(snippet, text.page()));
          }
        }
        out.set(i, List.copyOf(snippets));
      }
    }
    return out;
  }

  /** A segment's passage scorer (none when browsing) and passage texts, read forward. */
  private static final class Segment {
    private final ReaderSearcher searcher;
    private final LeafReaderContext leaf;
    private final Scorer scorer;
    private final BinaryDocValues texts;
    private final NumericDocValues pages;
    private final boolean browsing;

    Segment(ReaderSearcher searcher, int doc, Weight weight) throws IOException {
      this.searcher = searcher;
      leaf = searcher.getIndexReader().leaves().get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
      browsing = weight == null;
      ScorerSupplier supplier = browsing ? null : weight.scorerSupplier(leaf);
      scorer = supplier == null ? null : supplier.get(Long.MAX_VALUE);
      texts = leaf.reader().getBinaryDocValues(Fields.PASSAGE);
      pages = leaf.reader().getNumericDocValues(Fields.PAGE);
    }

    boolean holds(int doc) {
      return doc >= leaf.docBase && doc < leaf.docBase + leaf.reader().maxDoc();
    }

    /** The texts (not yet marked) and pages of the passages to show of the file with this doc id, in text order. */
    List<Snippet> passages(int doc) throws IOException {
      if (!browsing && scorer == null) {
        return List.of();
      }
      int local = doc - leaf.docBase;
      int end = searcher.passagesEnd(doc) - leaf.docBase;
      int[] passages = browsing ? (local + 1 < end ? new int[] {local + 1} : new int[0])
          : best(scorer, local, end, Snippets.MAX_SNIPPETS);
      List<Snippet> out = new ArrayList<>(passages.length);
      for (int passage : passages) {
        Integer page = pages != null && pages.advanceExact(passage) ? (int) pages.longValue() : null;
        out.add(new Snippet(PassageTexts.of(texts, passage), page));
      }
      return out;
    }
  }

  /** The query's marks as bigram phrases on the passages; null when none can be one. */
  private Query query(QueryMarks marks) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (QueryMarks.Form form : marks.forms()) {
      Query phrase = bigrams.phrase(Fields.PASSAGE_BIGRAMS, form.label());
      // a lone ideograph is a unigram only where it stands alone: the text's bigrams hide it
      if (phrase == null || WordQueries.isLoneIdeograph(phrase)) {
        continue;
      }
      b.add(phrase, Occur.SHOULD);
      clauses++;
    }
    return clauses == 0 ? null : b.build();
  }

  /**
   * The best-scoring passages among the doc ids after {@code file} and before {@code end}, at most
   * {@code limit}, in text order; on equal scores the earlier passage wins.
   */
  private static int[] best(Scorer scorer, int file, int end, int limit) throws IOException {
    DocIdSetIterator it = scorer.iterator();
    int[] docs = new int[limit];
    float[] scores = new float[limit];
    int n = 0;
    for (int d = it.docID() > file ? it.docID() : it.advance(file + 1); d < end; d = it.nextDoc()) {
      float score = scorer.score();
      if (n < docs.length) {
        docs[n] = d;
        scores[n++] = score;
        continue;
      }
      int worst = 0;
      for (int k = 1; k < n; k++) {
        if (scores[k] < scores[worst] || scores[k] == scores[worst] && docs[k] > docs[worst]) {
          worst = k;
        }
      }
      if (score > scores[worst]) {
        docs[worst] = d;
        scores[worst] = score;
      }
    }
    int[] out = Arrays.copyOf(docs, n);
    Arrays.sort(out);
    return out;
  }

  /** The passage's text as one snippet with every mark it holds. */
  private String marked(QueryMarks marks, String text) {
    Passage passage = new Passage();
    passage.setStartOffset(0);
    passage.setEndOffset(text.length());
    for (QueryMarks.Match m : marks.find(MatchingText.of(text))) {
      passage.addMatch(m.start(), m.end(), MARK, 1);
    }
    @SuppressWarnings("unchecked")
    List<String> formatted = (List<String>) formatter.format(new Passage[] {passage}, text);
    return formatted.isEmpty() ? "" : formatted.getFirst();
  }
}
