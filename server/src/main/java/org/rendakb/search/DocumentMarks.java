package org.rendakb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.rendakb.schema.MatchingText;
import org.rendakb.schema.Fields;
import org.rendakb.schema.PassageTexts;
import org.rendakb.search.highlight.Marker;
import org.rendakb.search.highlight.QueryMarks;
import org.rendakb.search.reader.IndexAccess;

/**
 * Where a document's text holds what a query matches, found by the matcher the snippets use
 * ({@link QueryMarks}: abbreviations, width, traditional forms and case folded) and merged as the
 * {@link Marker} merges them, as offsets in the document text rather than marked HTML, so a view that loads the text in pages marks each
 * page itself. Also where a passage (a precedent hit's {@code position}) stands in the text.
 * Knows nothing of HTTP; thread-safe.
 */
public final class DocumentMarks {
  /** Marks answered per document at most: a view that shows more helps no one, and the answer stays small. */
  public static final int MAX_MARKS = 5_000;

  /** [start, end) in the document text. */
  public record Mark(int start, int end) {}

  /**
   * @param marks the query's matches in text order, overlapping ones merged; empty without a query
   * @param truncated more than {@link #MAX_MARKS} matches; the first are listed
   * @param passage where the requested passage stands, or null when none was asked (or it is not there)
   */
  public record Marks(String id, int length, List<Mark> marks, boolean truncated, Mark passage) {}

  private final SearchService service;
  private final IndexAccess index;

  public DocumentMarks(SearchService service, IndexAccess index) {
    this.service = service;
    this.index = index;
  }

  public Marks of(String id, String q, Integer position) throws IOException, NoSuchDocumentException {
    String text = service.document(id).text();
    text = text == null ? "" : text;
    List<Mark> marks = new ArrayList<>();
    boolean truncated = false;
    if (q != null && !q.isBlank()) {
      QueryMarks matcher = QueryMarks.of(service.parser().parse(q).description(), List.of());
      List<Marker.Span> found = new ArrayList<>();
      if (!matcher.isEmpty()) {
        matcher.find(MatchingText.of(text)).forEach(m -> found.add(new Marker.Span(m.start(), m.end())));
      }
      List<Marker.Span> merged = Marker.merged(found);
      truncated = merged.size() > MAX_MARKS;
      merged.stream().limit(MAX_MARKS).forEach(m -> marks.add(new Mark(m.start(), m.end())));
    }
    Mark passage = position == null ? null : passage(id, position, text.length());
    return new Marks(id, text.length(), List.copyOf(marks), truncated, passage);
  }

  private Mark passage(String id, int position, int length) throws IOException {
    return index.withSearcher(s -> {
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(Fields.PARENT, id)), Occur.FILTER)
          .add(IntField.newExactQuery(Fields.POSITION, position), Occur.FILTER)
          .build();
      TopDocs top = s.search(q, 1);
      if (top.scoreDocs.length == 0) {
        return null;
      }
      int doc = top.scoreDocs[0].doc;
      Document d = s.storedFields().document(doc, java.util.Set.of(Fields.START));
      String passageText = PassageTexts.of(s.getIndexReader(), doc);
      if (d.getField(Fields.START) == null || passageText == null) {
        return null;
      }
      int start = d.getField(Fields.START).numericValue().intValue();
      return start > length ? null : new Mark(start, Math.min(length, start + passageText.length()));
    });
  }
}
