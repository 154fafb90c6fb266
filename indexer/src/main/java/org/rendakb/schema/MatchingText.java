package org.rendakb.schema;

/**
 * The one normal form in which text is matched outside an analyzer: what the analysers do to a
 * character before they cut words (full-width forms and traditional characters folded by
 * {@link FoldingCharFilter}, then lower case, as their {@code LowerCaseFilter}), one char for one
 * char, so that an offset in the normal form is the same offset in the original text. Query marks,
 * suggestions, abbreviations, facet-value filters and precedent comparison all match in it.
 */
public final class MatchingText {
  private MatchingText() {}

  /** {@code text} in the normal form, as long as it. */
  public static String of(CharSequence text) {
    char[] out = FoldingCharFilter.fold(text).toCharArray();
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      // ideographs and CJK punctuation have no case: skip the lookup for the bulk of a Chinese text
      if (c < '\u3000' || c > '\u9fff') {
        out[i] = Character.toLowerCase(c);
      }
    }
    return new String(out);
  }
}
