package org.rendakb.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.rendakb.errors.RefusedException;
import org.rendakb.schema.Fields;
import org.rendakb.schema.IndexSchema;
import org.rendakb.schema.StoredFile;
import org.rendakb.search.DocumentView;
import org.rendakb.search.NoSuchDocumentException;
import org.rendakb.search.SearchService;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.highlight.Marker;
import org.rendakb.search.highlight.Sentences;

/**
 * 新提法 and 不再提及: the formulations ({@link Phrases}) of one document written nowhere in the
 * others, and the other way round. Ranked by how often the document uses the formulation, longer
 * ones a little higher (a four-word formulation repeated is a slogan, a four-char one may be
 * chance); a formulation inside a longer one used as often is the longer one's part, not listed;
 * nor is one overlapping a formulation already listed. Knows nothing of HTTP.
 */
public final class NewPhrasesService {
  public static final int MAX_AGAINST = 10;
  public static final int MAX_SIZE = 200;
  /** Chars of a long sentence kept on each side of the phrase. */
  static final int CONTEXT = 60;

  private final SearchService documents;
  private final IndexAccess index;
  private final Phrases phrases = new Phrases();

  public NewPhrasesService(SearchService documents, IndexAccess index) {
    this.documents = documents;
    this.index = index;
  }

  /** With no {@code against}, the same body's document of the same type from the nearest earlier year. */
  public NewPhrases compare(String id, List<String> against, int size) throws IOException, NoSuchDocumentException {
    DocumentView doc = documents.document(id);
    List<String> others = against.isEmpty() ? List.of(previous(doc)) : List.copyOf(against);
    List<DocumentView> views = new ArrayList<>();
    for (String other : others) {
      views.add(documents.document(other));
    }
    Set<String> theirs = Phrases.substrings(views.stream().map(DocumentView::text).toList());
    Set<String> mine = Phrases.substrings(List.of(text(doc)));
    List<Found> added = absent(List.of(doc), theirs);
    List<Found> dropped = absent(views, mine);
    return new NewPhrases(id, others, top(added, size), top(dropped, size));
  }

  /** A candidate: the document it was found in, its phrase there, its score. */
  private record Found(String text, Phrases.Phrase phrase, double score) {}

  /** The formulations of the texts (counts summed) written nowhere in {@code elsewhere}, without their parts. */
  private List<Found> absent(List<DocumentView> docs, Set<String> elsewhere) {
    Map<String, Found> found = new LinkedHashMap<>();
    for (DocumentView d : docs) {
      String text = text(d);
      phrases.of(text).forEach((folded, p) -> {
        if (!elsewhere.contains(folded)) {
          found.merge(folded, new Found(text, p, 0), (old, more) -> new Found(old.text(), new Phrases.Phrase(
              old.phrase().text(), old.phrase().count() + more.phrase().count(), old.phrase().firstAt()), 0));
        }
      });
    }
    // a part of a longer new formulation used as often adds nothing to it
    Set<String> parts = new HashSet<>();
    found.forEach((folded, f) -> {
      for (int i = 0; i < folded.length(); i++) {
        for (int end = i + Phrases.MIN_CHARS; end <= folded.length(); end++) {
          Found part = end - i < folded.length() ? found.get(folded.substring(i, end)) : null;
          if (part != null && part.phrase().count() == f.phrase().count()) {
            parts.add(folded.substring(i, end));
          }
        }
      }
    });
    List<Found> out = new ArrayList<>();
    found.forEach((folded, f) -> {
      if (!parts.contains(folded)) {
        int n = f.phrase().text().length();
        out.add(new Found(f.text(), f.phrase(), f.phrase().count() * Math.sqrt(n / (double) Phrases.MIN_CHARS)));
      }
    });
    out.sort(Comparator.comparingDouble(Found::score).reversed().thenComparingInt(f -> f.phrase().firstAt()));
    return out;
  }

  /** The best {@code size}, skipping any that overlaps one listed already. */
  private static List<NewPhrases.Found> top(List<Found> ranked, int size) {
    List<NewPhrases.Found> out = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    for (Found f : ranked) {
      if (out.size() == size) {
        break;
      }
      String p = f.phrase().text();
      if (listed.stream().anyMatch(l -> overlap(l, p) >= Phrases.MIN_CHARS || l.contains(p) || p.contains(l))) {
        continue;
      }
      listed.add(p);
      out.add(new NewPhrases.Found(p, marked(sentence(f.text(), f.phrase()), p),
          Math.round(f.score() * 100) / 100.0));
    }
    return out;
  }

  /** The text escaped, each occurrence of {@code phrase} (as written) in {@code <mark>}. */
  static String marked(String text, String phrase) {
    List<Marker.Span> at = new ArrayList<>();
    for (int i = phrase.isEmpty() ? -1 : text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length())) {
      at.add(new Marker.Span(i, i + phrase.length()));
    }
    return Marker.mark(text, at);
  }

  /** The sentence the phrase first stands in, cut to {@link #CONTEXT} chars either side of it. */
  private static String sentence(String text, Phrases.Phrase p) {
    int at = p.firstAt();
    int start = Math.max(Sentences.start(text, at), at - CONTEXT);
    int end = Math.min(Sentences.end(text, at), at + p.text().length() + CONTEXT);
    String s = text.substring(start, end).strip();
    return (start > Sentences.start(text, at) ? "…" : "") + s + (end < Sentences.end(text, at) ? "…" : "");
  }

  /** The longest run of chars two phrases share (高水平社会主义市场经济 and 水平社会主义市场经济体制 share nine). */
  static int overlap(String x, String y) {
    int best = 0;
    for (int i = 0; i < x.length(); i++) {
      for (int j = 0; j < y.length(); j++) {
        int k = 0;
        while (i + k < x.length() && j + k < y.length() && x.charAt(i + k) == y.charAt(j + k)) {
          k++;
        }
        best = Math.max(best, k);
      }
    }
    return best;
  }

  private static String text(DocumentView d) {
    return d.text() == null ? "" : d.text();
  }

  /** The id of the same body's document of the same type from the nearest earlier year. */
  private String previous(DocumentView doc) throws IOException, NoSuchDocumentException {
    if (doc.year() == null || doc.type() == null) {
      throw RefusedException.invalid("《" + doc.title() + "》 has no year or type to find the one before it by; "
          + "name the documents to compare it with: against=ID");
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), Occur.FILTER)
        .add(new TermQuery(new Term(Fields.TYPE, doc.type())), Occur.FILTER)
        .add(IntField.newRangeQuery(Fields.YEAR, Integer.MIN_VALUE, doc.year() - 1), Occur.FILTER);
    if (doc.body() != null) {
      q.add(new TermQuery(new Term(Fields.BODY, doc.body())), Occur.FILTER);
    }
    Sort newestFirst = new Sort(IntField.newSortField(Fields.YEAR, true, SortedNumericSelector.Type.MAX), IndexSchema.byId());
    String id = index.withSearcher(s -> {
      TopDocs top = s.search(q.build(), 1, newestFirst);
      return top.scoreDocs.length == 0 ? null : StoredFile.read(s.storedFields(), top.scoreDocs[0].doc, StoredFile.Part.SUMMARY).id();
    });
    if (id == null) {
      throw new NoSuchDocumentException("the collection holds no " + doc.type() + " of "
          + (doc.body() == null ? "the same body" : doc.body()) + " from before " + doc.year()
          + "; name the documents to compare it with: against=ID");
    }
    return id;
  }
}
