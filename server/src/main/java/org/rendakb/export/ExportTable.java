package org.rendakb.export;

import java.util.ArrayList;
import java.util.List;
import org.rendakb.search.CountTable;

/** A table to take away: a header row and rows of cells, all text (numbers as digits). */
public record ExportTable(List<String> header, List<List<String>> rows) {
  public ExportTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** A count table with its row totals as the last column and the column totals as the last row. */
  public static ExportTable of(CountTable t, String rowsLabel, String colsLabel) {
    List<String> header = new ArrayList<>();
    header.add(rowsLabel + " \\ " + colsLabel);
    header.addAll(t.cols());
    header.add("合计");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < t.rows().size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(t.rows().get(i));
      for (long n : t.counts()[i]) {
        row.add(Long.toString(n));
      }
      row.add(Long.toString(t.rowTotals()[i]));
      rows.add(row);
    }
    List<String> totals = new ArrayList<>();
    totals.add("合计");
    for (long n : t.colTotals()) {
      totals.add(Long.toString(n));
    }
    totals.add(Long.toString(t.total()));
    rows.add(totals);
    return new ExportTable(header, rows);
  }
}
