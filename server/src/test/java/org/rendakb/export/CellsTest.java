package org.rendakb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an exported cell holds: hostile titles stay text, quoting follows RFC 4180. */
class CellsTest {
  @Test
  void aCellASpreadsheetWouldRunIsWrittenAsText() {
    assertEquals("'=HYPERLINK(\"http://x\")", Cells.safe("=HYPERLINK(\"http://x\")"));
    assertEquals("'+1", Cells.safe("+1"));
    assertEquals("'@SUM(A1)", Cells.safe("@SUM(A1)"));
    assertEquals("'-会议", Cells.safe("-会议"));
    assertEquals("-12", Cells.safe("-12"));
    assertEquals("关于养老服务的报告", Cells.safe("关于养老服务的报告"));
    assertEquals("", Cells.safe(null));
  }

  @Test
  void csvQuotesCommasQuotesAndLineBreaksAndStartsWithABom() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvFormat.write(new ExportTable(List.of("title", "body"),
        List.of(List.of("关于\"民生实事\"的报告", "某市人大常委会,办公厅"), List.of("两行\n标题", "=1+1"))), out);
    assertEquals("\uFEFFtitle,body\r\n\"关于\"\"民生实事\"\"的报告\",\"某市人大常委会,办公厅\"\r\n\"两行\n标题\",'=1+1\r\n",
        out.toString(StandardCharsets.UTF_8));
  }
}
