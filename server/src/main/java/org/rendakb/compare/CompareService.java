package org.rendakb.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rendakb.errors.RefusedException;
import org.rendakb.search.DocumentView;
import org.rendakb.search.NoSuchDocumentException;
import org.rendakb.search.SearchService;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.reader.Versions;

/**
 * The 修改前后对照表 of two documents: both cut into units ({@link Units}), aligned by content
 * ({@link Alignment}), a pair whose bodies differ marked character by character ({@link CharDiff}).
 * A unit whose only change is its number (第十条 → 第十一条) is the same unit. Knows nothing of HTTP.
 */
public final class CompareService {
  /** Units per document at most: the alignment is quadratic, and a 1,500-article text is no law. */
  public static final int MAX_UNITS = 1500;

  private final SearchService documents;
  private final IndexAccess index;

  public CompareService(SearchService documents, IndexAccess index) {
    this.documents = documents;
    this.index = index;
  }

  public Comparison compare(String a, String b) throws IOException, NoSuchDocumentException {
    return Comparison.of(table(a, b));
  }

  /** Rows in the order of both texts (the alignment keeps each text's order), so in the newer one's. */
  public Table table(String idA, String idB) throws IOException, NoSuchDocumentException {
    DocumentView a = documents.document(idA);
    DocumentView b = documents.document(idB);
    List<Unit> unitsA = Units.of(a.text());
    List<Unit> unitsB = Units.of(b.text());
    bounded(a, unitsA);
    bounded(b, unitsB);
    List<Table.TableRow> rows = new ArrayList<>();
    for (Alignment.Pair p : Alignment.of(unitsA, unitsB)) {
      if (p.a() < 0) {
        rows.add(new Table.TableRow(List.of(), whole(unitsB.get(p.b())), Table.Change.ADDED));
      } else if (p.b() < 0) {
        rows.add(new Table.TableRow(whole(unitsA.get(p.a())), List.of(), Table.Change.REMOVED));
      } else {
        Unit x = unitsA.get(p.a());
        Unit y = unitsB.get(p.b());
        if (x.body().equals(y.body())) {
          rows.add(new Table.TableRow(whole(x), whole(y), Table.Change.SAME));
        } else {
          CharDiff.Sides d = CharDiff.of(x.text(), y.text());
          rows.add(new Table.TableRow(d.a(), d.b(), Table.Change.CHANGED));
        }
      }
    }
    return new Table(side(a), side(b), List.copyOf(rows));
  }

  /** The other versions of a law (same title and type), newest first; empty for a document that has none. */
  public List<Comparison.Side> versions(String id) throws IOException, NoSuchDocumentException {
    String title = documents.document(id).title(); // an unknown id is a 404, not an empty list
    List<Versions.Version> group = index.withSearcher(s -> s.versions().ofId(id));
    return group.stream().filter(v -> !v.id().equals(id)).map(v -> new Comparison.Side(v.id(), title, v.date())).toList();
  }

  private static void bounded(DocumentView d, List<Unit> units) {
    if (units.size() > MAX_UNITS) {
      throw RefusedException.invalid("《" + d.title() + "》 has " + units.size() + " articles or paragraphs; "
          + "a comparison takes documents of at most " + MAX_UNITS);
    }
  }

  /** An added or removed unit is not marked inside: the whole row says so. */
  private static List<Piece> whole(Unit u) {
    return List.of(new Piece(u.text(), false));
  }

  private static Comparison.Side side(DocumentView d) {
    return new Comparison.Side(d.id(), d.title(), d.date());
  }
}
