package org.rendakb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;
import org.rendakb.schema.FoldingCharFilter;
import org.rendakb.schema.IndexSchema;
import org.rendakb.schema.StoredFile;
import org.rendakb.search.reader.ReaderSearcher;

/**
 * Documents on the same topic as a given one: MoreLikeThis over the smartcn words of the text and
 * the title (the distinctive words of the document, weighted by tf-idf), the document itself left
 * out. A hit is flagged a near-duplicate when it has the same title and type (another version of the
 * same law) or when the two texts have a bigram Jaccard overlap of at least {@link #NEAR_DUPLICATE_OVERLAP}.
 */
final class SimilarDocuments {
  static final double NEAR_DUPLICATE_OVERLAP = 0.7;
  /**
   * Bigram sets are compared, and the query's words taken, on the beginning of each text: enough to
   * tell versions apart and to say what a document is about, and bounded, so that a 10-million-char
   * text costs one read of its stored text, not an analysis of all of it.
   */
  static final int COMPARED_CHARS = 20_000;
  private static final Pattern TITLE_NOISE = Pattern.compile("[\\s《》〈〉()（）\\[\\]【】\"“”]");

  List<SimilarDocument> find(ReaderSearcher s, int doc, String id, int size) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
    mlt.setAnalyzer(Analyzers.words());
    mlt.setFieldNames(new String[] {Fields.TEXT, Fields.TITLE});
    mlt.setMinTermFreq(2);
    mlt.setMinDocFreq(2);
    mlt.setMinWordLen(2);
    mlt.setMaxDocFreqPct(30);
    mlt.setMaxQueryTerms(40);
    mlt.setBoost(true);
    StoredFields stored = s.storedFields();
    StoredFile self = StoredFile.read(stored, doc, StoredFile.Part.WHOLE);
    String selfText = beginning(self.text());
    Map<String, Collection<Object>> fields = new HashMap<>();
    fields.put(Fields.TEXT, List.of(selfText));
    fields.put(Fields.TITLE, self.title() == null ? List.of() : List.of(self.title()));
    Query like = mlt.like(fields);
    Query q = new BooleanQuery.Builder()
        .add(like, Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), Occur.FILTER)
        .add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT)
        .build();
    TopDocs top = s.search(q, size, new Sort(SortField.FIELD_SCORE, IndexSchema.byId()), true);
    String selfTitle = titleKey(self.title());
    Set<String> selfBigrams = bigrams(selfText);
    List<SimilarDocument> out = new ArrayList<>();
    for (ScoreDoc hit : top.scoreDocs) {
      StoredFile d = StoredFile.read(stored, hit.doc, StoredFile.Part.SUMMARY);
      boolean sameTitle = !selfTitle.isEmpty() && selfTitle.equals(titleKey(d.title()))
          && String.valueOf(self.type()).equals(d.type());
      boolean near = sameTitle || overlap(selfBigrams,
          bigrams(StoredFile.read(stored, hit.doc, StoredFile.Part.TEXT).text())) >= NEAR_DUPLICATE_OVERLAP;
      out.add(new SimilarDocument(d.id(), d.path(), d.title(), d.type(), d.date(), d.year(), d.body(), hit.score, near));
    }
    return out;
  }

  private static String beginning(String text) {
    return text == null ? "" : text.length() > COMPARED_CHARS ? text.substring(0, COMPARED_CHARS) : text;
  }

  static String titleKey(String title) {
    return title == null ? "" : TITLE_NOISE.matcher(FoldingCharFilter.fold(title)).replaceAll("");
  }

  /** The set of adjacent character pairs of a text, letters and digits only. */
  static Set<String> bigrams(String text) {
    Set<String> out = new HashSet<>();
    if (text == null) {
      return out;
    }
    String folded = FoldingCharFilter.fold(beginning(text));
    char prev = 0;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        prev = 0;
        continue;
      }
      if (prev != 0) {
        out.add(new String(new char[] {prev, c}));
      }
      prev = c;
    }
    return out;
  }

  /**
   * Jaccard overlap of two bigram sets. Symmetric on purpose: a short text quoted inside a long one
   * is related, not a duplicate.
   */
  static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    long shared = small.stream().filter(large::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }
}
