package org.rendakb.compare;

import java.util.List;

/** Two documents aligned unit by unit, rows in the order of b (the newer); what JSON and Word render. */
public record Table(Comparison.Side a, Comparison.Side b, List<TableRow> rows) {
  public enum Change {
    SAME, CHANGED, ADDED, REMOVED;

    String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** An empty list on the side that lacks the unit. */
  public record TableRow(List<Piece> a, List<Piece> b, Change change) {}
}
