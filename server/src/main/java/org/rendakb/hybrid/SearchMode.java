package org.rendakb.hybrid;

import java.util.Locale;

/**
 * How a relevance-ordered search finds its documents: by the words typed, by meaning, or both
 * lists fused. Browsing and date-ordered lists are always lexical.
 */
public enum SearchMode {
  LEXICAL, HYBRID, SEMANTIC;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode a parameter names, or null for a value that names none. */
  public static SearchMode parse(String value) {
    for (SearchMode m : values()) {
      if (m.label().equals(value)) {
        return m;
      }
    }
    return null;
  }
}
