package org.rendakb.precedent;

import java.util.Set;
import org.rendakb.schema.FoldingCharFilter;

/**
 * Marks the chars of a passage that belong to a bigram the query shares, on the original text
 * (folding is one char for one char, so positions line up), escaping everything else.
 */
public final class PassageMarker {
  private PassageMarker() {}

  /** The text escaped, with each occurrence of {@code phrase} (as written) in {@code <mark>}. */
  public static String markPhrase(String text, String phrase) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int from = 0;
    for (int at = phrase.isEmpty() ? -1 : text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, from)) {
      escape(text.substring(from, at), out);
      out.append("<mark>");
      escape(phrase, out);
      out.append("</mark>");
      from = at + phrase.length();
    }
    escape(text.substring(from), out);
    return out.toString();
  }

  /** Document text is hostile when rendered: every char HTML gives meaning to, escaped. */
  public static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      escape(text.charAt(i), out);
    }
  }

  static String mark(String passage, Set<String> queryBigrams) {
    String folded = FoldingCharFilter.fold(passage);
    boolean[] marked = new boolean[passage.length()];
    // compare bigrams of letters and digits only, skipping punctuation between them
    int prev = -1;
    for (int i = 0; i < folded.length(); i++) {
      if (!Character.isLetterOrDigit(folded.charAt(i))) {
        continue;
      }
      if (prev >= 0 && queryBigrams.contains("" + folded.charAt(prev) + folded.charAt(i))) {
        marked[prev] = true;
        marked[i] = true;
      }
      prev = i;
    }
    StringBuilder out = new StringBuilder(passage.length() + 32);
    boolean open = false;
    for (int i = 0; i < passage.length(); i++) {
      char c = passage.charAt(i);
      boolean inside = marked[i] || (open && !Character.isLetterOrDigit(folded.charAt(i)) && nextMarked(marked, folded, i));
      if (inside && !open) {
        out.append("<mark>");
        open = true;
      } else if (!inside && open) {
        out.append("</mark>");
        open = false;
      }
      escape(c, out);
    }
    if (open) {
      out.append("</mark>");
    }
    return out.toString();
  }

  /** Punctuation between two marked chars stays inside the mark, so a phrase is one mark. */
  private static boolean nextMarked(boolean[] marked, String folded, int i) {
    for (int j = i + 1; j < marked.length; j++) {
      if (Character.isLetterOrDigit(folded.charAt(j))) {
        return marked[j];
      }
    }
    return false;
  }

  static void escape(char c, StringBuilder out) {
    switch (c) {
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '&' -> out.append("&amp;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> out.append(c);
    }
  }
}
