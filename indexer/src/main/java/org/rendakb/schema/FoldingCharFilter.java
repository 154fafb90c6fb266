package org.rendakb.schema;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Folds full-width forms to half-width and traditional characters to simplified, one char for one
 * char. Because the mapping never changes the length, offsets need no correction and highlights
 * land exactly on the original text.
 */
public final class FoldingCharFilter extends CharFilter {

  public FoldingCharFilter(Reader in) {
    super(in);
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    int n = input.read(cbuf, off, len);
    for (int i = off; i < off + Math.max(n, 0); i++) {
      cbuf[i] = FoldingTable.fold(cbuf[i]);
    }
    return n;
  }

  /** Folds a whole string the same way, for query-side code that does not go through an analyzer. */
  public static String fold(CharSequence s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = FoldingTable.fold(s.charAt(i));
    }
    return new String(out);
  }
}
