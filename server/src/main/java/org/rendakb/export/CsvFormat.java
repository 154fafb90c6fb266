package org.rendakb.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark: without it Excel opens UTF-8 as the system's code
 * page and the Chinese turns to mojibake. A cell that a spreadsheet would take for a formula
 * (=, +, -, @ first) gets a leading apostrophe: document titles are hostile input.
 */
public final class CsvFormat {
  public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

  private CsvFormat() {}

  public static void write(ExportTable table, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    line(w, table.header());
    for (List<String> row : table.rows()) {
      line(w, row);
    }
    w.flush();
  }

  private static void line(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(cell(cells.get(i)));
    }
    w.write("\r\n");
  }

  static String cell(String value) {
    String v = Cells.safe(value);
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
