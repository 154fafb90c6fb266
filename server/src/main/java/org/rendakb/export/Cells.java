package org.rendakb.export;

/** What a cell of an exported table may hold. */
final class Cells {
  private Cells() {}

  /**
   * The value, with an apostrophe before a first character that would make a spreadsheet read it
   * as a formula (a title such as =HYPERLINK(…) is text from a document, never to run). Numbers
   * written as digits (counts, years) are kept as they are.
   */
  static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char c = value.charAt(0);
    boolean formula = c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' || (c == '-' && !value.matches("-\\d+"));
    return formula ? "'" + value : value;
  }
}
