package org.rendakb.compare;

import java.util.List;
import org.rendakb.search.highlight.Marker;

/**
 * A 对照表 of two documents, for JSON: each row's unit texts HTML-escaped, the characters that
 * differ in a changed row in {@code <del>} (a) and {@code <ins>} (b).
 */
public record Comparison(Side a, Side b, List<Row> rows, Counts counts) {
  public record Side(String id, String title, String date) {}

  public record Row(String a, String b, String change) {}

  public record Counts(int same, int changed, int added, int removed) {}

  static Comparison of(Table table) {
    int[] counts = new int[4];
    List<Row> rows = table.rows().stream().map(r -> {
      counts[r.change().ordinal()]++;
      return new Row(html(r.a(), "del"), html(r.b(), "ins"), r.change().json());
    }).toList();
    return new Comparison(table.a(), table.b(), rows, new Counts(counts[0], counts[1], counts[2], counts[3]));
  }

  private static String html(List<Piece> pieces, String tag) {
    StringBuilder out = new StringBuilder();
    for (Piece p : pieces) {
      if (p.changed()) {
        out.append('<').append(tag).append('>');
      }
      Marker.escape(p.text(), 0, p.text().length(), false, out);
      if (p.changed()) {
        out.append("</").append(tag).append('>');
      }
    }
    return out.toString();
  }
}
