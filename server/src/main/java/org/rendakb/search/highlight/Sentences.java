package org.rendakb.search.highlight;

/**
 * Sentence bounds in a document text, for snippets: a sentence ends after 。！？!? (with the closing
 * quotes and brackets that follow) or at a line end. The JDK's sentence BreakIterator found the same
 * bounds in Chinese text at several times the cost (its rules are built for every text and walk
 * back through a long law to find a safe point), which was a seventh of a topic search.
 */
public final class Sentences {
  private static final String TERMINATORS = "。！？!?";
  private static final String CLOSERS = "”’」』）)\"'";

  private Sentences() {}

  /** Where the sentence holding {@code at} begins. */
  public static int start(String text, int at) {
    int i = Math.min(at, text.length());
    while (i > 0 && !endsBefore(text, i)) {
      i--;
    }
    return i;
  }

  /** Where the sentence holding {@code at} ends (exclusive): after its terminator and closers, or at the line end. */
  public static int end(String text, int at) {
    int n = text.length();
    for (int i = Math.max(at, 0); i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (TERMINATORS.indexOf(c) >= 0) {
        int j = i + 1;
        while (j < n && (TERMINATORS.indexOf(text.charAt(j)) >= 0 || CLOSERS.indexOf(text.charAt(j)) >= 0)) {
          j++;
        }
        return j;
      }
    }
    return n;
  }

  /** Whether a sentence ends right before {@code i}. */
  private static boolean endsBefore(String text, int i) {
    char before = text.charAt(i - 1);
    if (before == '\n') {
      return true;
    }
    if (TERMINATORS.indexOf(before) >= 0) {
      return i >= text.length() || (TERMINATORS.indexOf(text.charAt(i)) < 0 && CLOSERS.indexOf(text.charAt(i)) < 0);
    }
    if (CLOSERS.indexOf(before) >= 0 && i < text.length() && TERMINATORS.indexOf(text.charAt(i)) < 0
        && CLOSERS.indexOf(text.charAt(i)) < 0) {
      // a closer ends the sentence when the run of closers before it starts after a terminator
      int j = i - 1;
      while (j > 0 && CLOSERS.indexOf(text.charAt(j - 1)) >= 0) {
        j--;
      }
      return j > 0 && TERMINATORS.indexOf(text.charAt(j - 1)) >= 0;
    }
    return false;
  }
}
