package org.rendakb.search.query;

import java.util.ArrayList;
import java.util.List;
import org.rendakb.schema.FoldingCharFilter;

/**
 * Splits a staff query into words, phrases and OR. Folding (full-width, traditional) is one char for
 * one char, so syntax is detected on the folded text and the terms keep the typed characters.
 */
final class QueryLexer {
  private static final String SEPARATORS = "()[]{}<>（）【】《》〈〉〔〕";
  private static final String QUOTES = "\"“”「」『』„";

  private QueryLexer() {}

  enum Kind { WORD, PHRASE, OR }

  record Token(Kind kind, String text, boolean negated, boolean titleOnly) {}

  /** The tokens of the query; stray brackets, quotes and operators go to {@code ignored}. */
  static List<Token> lex(String original, List<String> ignored) {
    String s = FoldingCharFilter.fold(original);
    List<Token> tokens = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (isSeparator(c)) {
        if (SEPARATORS.indexOf(c) >= 0) {
          ignored.add(String.valueOf(original.charAt(i)));
        }
        i++;
        continue;
      }
      boolean negated = false;
      boolean title = false;
      if (c == '-') {
        negated = true;
        i++;
      }
      if (i < n && startsWithField(s, i)) {
        int colon = i + (s.charAt(i) == '标' ? 2 : 5);
        if (colon + 1 < n && !isSeparator(s.charAt(colon + 1))) {
          title = true;
          i = colon + 1;
        }
      }
      if (i >= n || isSeparator(s.charAt(i))) {
        ignored.add(original.substring(Math.max(0, i - 1), i));
        continue;
      }
      c = s.charAt(i);
      if (QUOTES.indexOf(c) >= 0) {
        int close = closingQuote(s, i);
        if (close > 0) {
          String phrase = original.substring(i + 1, close).strip();
          if (!phrase.isEmpty()) {
            tokens.add(new Token(Kind.PHRASE, phrase, negated, title));
          }
          i = close + 1;
          continue;
        }
        // a quote without its pair: drop it and read on as plain words
        ignored.add(String.valueOf(original.charAt(i)));
        i++;
      }
      int start = i;
      while (i < n && !isSeparator(s.charAt(i)) && QUOTES.indexOf(s.charAt(i)) < 0) {
        i++;
      }
      if (i == start) {
        continue;
      }
      String word = original.substring(start, i);
      if (word.equals("OR") && !negated && !title) {
        tokens.add(new Token(Kind.OR, word, false, false));
      } else {
        tokens.add(new Token(Kind.WORD, word, negated, title));
      }
    }
    return tokens;
  }

  private static boolean startsWithField(String s, int i) {
    // the full-width colon is not folded (FoldingTable keeps clause punctuation)
    return s.regionMatches(true, i, "title:", 0, 6) || s.regionMatches(true, i, "title：", 0, 6)
        || s.startsWith("标题:", i) || s.startsWith("标题：", i);
  }

  /** Control characters (NUL, escape codes pasted with the text) separate words like spaces. */
  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || SEPARATORS.indexOf(c) >= 0;
  }

  /** The index of the quote that closes the one at {@code open}, or -1. */
  private static int closingQuote(String s, int open) {
    String closers = switch (s.charAt(open)) {
      case '「' -> "」";
      case '『' -> "』";
      case '」', '』' -> "";
      default -> "\"”";
    };
    for (int i = open + 1; i < s.length(); i++) {
      if (closers.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
