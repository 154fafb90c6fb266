package org.rendakb.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The table as an Excel workbook (one sheet, the header row frozen), written with
 * Apache POI's streaming workbook so that 10,000 rows keep only a window of rows in memory. Cells
 * of digits only are numbers, so counts add up in Excel; everything else is text.
 */
public final class XlsxFormat {
  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  /** Excel's limit on the characters of one cell. */
  private static final int MAX_CELL_CHARS = 32_767;

  private XlsxFormat() {}

  public static void write(ExportTable table, String sheetName, OutputStream out) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      Sheet sheet = workbook.createSheet(sheetName);
      row(sheet, 0, table.header());
      sheet.createFreezePane(0, 1);
      int r = 1;
      for (List<String> cells : table.rows()) {
        row(sheet, r++, cells);
      }
      workbook.write(out);
    }
  }

  private static void row(Sheet sheet, int index, List<String> values) {
    Row row = sheet.createRow(index);
    for (int c = 0; c < values.size(); c++) {
      Cell cell = row.createCell(c);
      String v = values.get(c) == null ? "" : values.get(c);
      if (!v.isEmpty() && v.length() <= 15 && v.chars().allMatch(Character::isDigit) && (v.length() == 1 || v.charAt(0) != '0')) {
        cell.setCellValue(Long.parseLong(v));
      } else {
        cell.setCellValue(v.length() > MAX_CELL_CHARS ? v.substring(0, MAX_CELL_CHARS) : v);
      }
    }
  }
}
