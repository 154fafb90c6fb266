package org.rendakb.schema;

import com.ibm.icu.text.Transliterator;

/**
 * The char-to-char table behind {@link FoldingCharFilter}: full-width ASCII and the ideographic
 * space to their half-width forms, and every traditional ideograph whose simplified form is a
 * single BMP char to that form (from ICU's Traditional-Simplified transform). Built once per JVM.
 *
 * <p>Chinese clause punctuation (，；：（）！？) stays full-width: no analyzer keeps punctuation,
 * and smartcn segments text whose clauses end in ASCII marks about 1.5 times slower (measured on
 * the corpus laws), which made the segmenter the largest cost of indexing.
 */
final class FoldingTable {
  private FoldingTable() {}

  private static final String CLAUSE_PUNCTUATION = "，；：（）！？";
  private static final char[] TABLE = build();

  static char fold(char c) {
    return TABLE[c];
  }

  private static char[] build() {
    char[] table = new char[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      table[c] = (char) c;
    }
    for (int c = 0xFF01; c <= 0xFF5E; c++) {
      if (CLAUSE_PUNCTUATION.indexOf(c) < 0) {
        table[c] = (char) (c - 0xFEE0);
      }
    }
    table[0x3000] = ' ';
    Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
    mapIdeographs(toSimplified, table, 0x3400, 0x4DBF);
    mapIdeographs(toSimplified, table, 0x4E00, 0x9FFF);
    mapIdeographs(toSimplified, table, 0xF900, 0xFAFF);
    return table;
  }

  private static void mapIdeographs(Transliterator t, char[] table, int from, int to) {
    // a char whose simplified form is not a single char keeps its own form: offsets stay 1:1
    for (int c = from; c <= to; c++) {
      String s = t.transliterate(String.valueOf((char) c));
      if (s.length() == 1 && s.charAt(0) != c) {
        table[c] = s.charAt(0);
      }
    }
  }
}
