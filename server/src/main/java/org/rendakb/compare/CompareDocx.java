package org.rendakb.compare;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * The 对照表 as a Word document a drafter pastes into a 说明: a title, then a table of three
 * columns (修改前, 修改后, 变化), deleted characters struck through, inserted ones bold and underlined
 * — the way such tables are printed. Apache POI comes with Tika's Office parsers.
 */
public final class CompareDocx {
  private static final String FONT = "宋体";

  private CompareDocx() {}

  public static void write(Table table, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFParagraph title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      XWPFRun t = title.createRun();
      t.setBold(true);
      t.setFontSize(16);
      t.setFontFamily(FONT);
      t.setText(name(table.a()) + "与" + name(table.b()) + "对照表");

      XWPFTable grid = doc.createTable(table.rows().size() + 1, 3);
      grid.setWidth("100%");
      header(grid.getRow(0).getCell(0), "修改前");
      header(grid.getRow(0).getCell(1), "修改后");
      header(grid.getRow(0).getCell(2), "变化");
      for (int i = 0; i < table.rows().size(); i++) {
        Table.TableRow row = table.rows().get(i);
        var cells = grid.getRow(i + 1);
        pieces(cells.getCell(0), row.a(), false);
        pieces(cells.getCell(1), row.b(), true);
        text(cells.getCell(2), label(row.change()));
      }
      doc.write(out);
    }
  }

  static String label(Table.Change change) {
    return switch (change) {
      case SAME -> "未修改";
      case CHANGED -> "修改";
      case ADDED -> "新增";
      case REMOVED -> "删除";
    };
  }

  private static String name(Comparison.Side side) {
    String title = side.title() == null || side.title().isBlank() ? side.id() : side.title();
    return "《" + title + "》" + (side.date() == null ? "" : "（" + side.date() + "）");
  }

  private static void header(XWPFTableCell cell, String text) {
    XWPFRun r = cell.getParagraphs().getFirst().createRun();
    r.setBold(true);
    r.setFontFamily(FONT);
    r.setText(text);
  }

  private static void text(XWPFTableCell cell, String text) {
    XWPFRun r = cell.getParagraphs().getFirst().createRun();
    r.setFontFamily(FONT);
    r.setText(text);
  }

  /** A unit's lines as paragraphs of the cell, its changed runs marked. */
  private static void pieces(XWPFTableCell cell, List<Piece> pieces, boolean inserted) {
    XWPFParagraph p = cell.getParagraphs().getFirst();
    for (Piece piece : pieces) {
      String[] lines = piece.text().split("\n", -1);
      for (int l = 0; l < lines.length; l++) {
        if (l > 0) {
          p = cell.addParagraph();
        }
        if (lines[l].isEmpty()) {
          continue;
        }
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setText(lines[l]);
        if (piece.changed()) {
          if (inserted) {
            r.setBold(true);
            r.setUnderline(UnderlinePatterns.SINGLE);
          } else {
            r.setStrikeThrough(true);
          }
        }
      }
    }
  }
}
