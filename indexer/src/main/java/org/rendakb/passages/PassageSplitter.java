package org.rendakb.passages;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document text into passages: sentences ending in 。！？!? or ；, and lines (a heading or a
 * short paragraph without final punctuation is a passage of its own). Closing quotes and brackets
 * stay with the sentence they close. Overlong sentences are cut at a comma near the limit, so a
 * passage stays short enough to read and cite.
 */
public final class PassageSplitter {
  /** Passages with fewer non-space chars than this (list markers, page numbers) are dropped. */
  private final int minChars;

  private final int maxChars;

  public PassageSplitter() {
    this(4, 300);
  }

  public PassageSplitter(int minChars, int maxChars) {
    this.minChars = minChars;
    this.maxChars = maxChars;
  }

  public List<Passage> split(String text) {
    List<Passage> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        emit(text, start, i, out);
        start = ++i;
      } else if (isTerminator(c)) {
        i++;
        while (i < n && (isTerminator(text.charAt(i)) || isCloser(text.charAt(i)))) {
          i++;
        }
        emit(text, start, i, out);
        start = i;
      } else {
        i++;
      }
    }
    emit(text, start, n, out);
    return out;
  }

  private void emit(String text, int start, int end, List<Passage> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    while (end - start > maxChars) {
      int cut = cutPoint(text, start, start + maxChars);
      add(text, start, cut, out);
      start = cut;
    }
    add(text, start, end, out);
  }

  private static int cutPoint(String text, int start, int limit) {
    for (int i = limit - 1; i > start + (limit - start) / 2; i--) {
      char c = text.charAt(i);
      if (c == '，' || c == ',' || c == '、' || c == '：' || c == ':') {
        return i + 1;
      }
    }
    return limit;
  }

  private void add(String text, int start, int end, List<Passage> out) {
    int visible = 0;
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        visible++;
      }
    }
    if (visible >= minChars) {
      out.add(new Passage(out.size(), start, end, text.substring(start, end)));
    }
  }

  private static boolean isTerminator(char c) {
    return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '；' || c == ';';
  }

  private static boolean isCloser(char c) {
    return c == '”' || c == '’' || c == '」' || c == '』' || c == '）' || c == ')' || c == '》' || c == '"';
  }
}
