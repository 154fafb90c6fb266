package org.rendakb.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.FoldingCharFilter;

/**
 * The formulations of a text: runs of one to {@link #MAX_WORDS} consecutive words of the index's
 * own word analysis (SmartChinese), with nothing between them, all ideographs, of
 * {@link #MIN_CHARS} to {@link #MAX_CHARS} characters, neither opening nor closing on a function
 * word (的, 和, 在 …). Cut on word boundaries, so 全过程人民民主 can be one and 过程人 never is.
 */
final class Phrases {
  static final int MIN_CHARS = 4;
  static final int MAX_CHARS = 12;
  static final int MAX_WORDS = 4;
  /** One-char words that bind phrases together but never start or end a formulation. */
  private static final String FUNCTION_CHARS = "的地得和与及或并而且在于对把被为以从向由将要也都又就了着过是之其等中上下所这那有个该各每";

  /** A formulation: its form as written, how often, and where it first stands. */
  record Phrase(String text, int count, int firstAt) {}

  private final Analyzer words = Analyzers.words();

  /** The formulations of a text, by their folded form, in order of first appearance. */
  Map<String, Phrase> of(String text) {
    List<int[]> tokens = tokens(text);
    Map<String, Phrase> out = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      for (int k = i; k < tokens.size() && k < i + MAX_WORDS; k++) {
        if (k > i && tokens.get(k)[0] != tokens.get(k - 1)[1]) {
          break; // punctuation or a space between: not one phrase
        }
        int start = tokens.get(i)[0];
        int end = tokens.get(k)[1];
        if (end - start > MAX_CHARS) {
          break;
        }
        if (end - start >= MIN_CHARS && allHan(text, start, end) && !function(text, tokens.get(i))
            && !function(text, tokens.get(k))) {
          String written = text.substring(start, end);
          out.merge(FoldingCharFilter.fold(written), new Phrase(written, 1, start),
              (old, one) -> new Phrase(old.text(), old.count() + 1, old.firstAt()));
        }
      }
    }
    return out;
  }

  /**
   * Every folded run of {@link #MIN_CHARS}–{@link #MAX_CHARS} ideographs of the texts, word bounds
   * or not: a phrase absent from this set is written nowhere in them, however they were segmented.
   */
  static Set<String> substrings(List<String> texts) {
    Set<String> out = new HashSet<>();
    for (String text : texts) {
      String f = FoldingCharFilter.fold(text);
      for (int i = 0; i < f.length(); i++) {
        for (int end = i + MIN_CHARS; end <= Math.min(f.length(), i + MAX_CHARS); end++) {
          if (!isHan(f.charAt(end - 1))) {
            break;
          }
          if (end == i + MIN_CHARS && !allHan(f, i, end)) {
            break;
          }
          out.add(f.substring(i, end));
        }
      }
    }
    return out;
  }

  /** Word tokens as {start, end} offsets; the folding char filter is one char for one, so offsets are the text's. */
  private List<int[]> tokens(String text) {
    List<int[]> out = new ArrayList<>();
    try (TokenStream ts = words.tokenStream("text", text)) {
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new int[] {offset.startOffset(), offset.endOffset()});
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader does not fail
    }
    return out;
  }

  private static boolean function(String text, int[] token) {
    return token[1] - token[0] == 1 && FUNCTION_CHARS.indexOf(text.charAt(token[0])) >= 0;
  }

  private static boolean allHan(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!isHan(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
