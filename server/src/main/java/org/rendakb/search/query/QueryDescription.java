package org.rendakb.search.query;

import java.util.List;

/**
 * How a staff query was understood, returned with every result so that the page can show it.
 *
 * @param text the query as read (cut to {@link StaffQueryParser#MAX_QUERY_CHARS})
 * @param truncated whether the query was longer and was cut
 * @param browse no search terms: everything matching the filters is listed
 * @param all groups that must all match; the terms inside one group are alternatives (OR)
 * @param optional terms that rank but exclude nothing: a year (2018, ２０１８年) puts that year's
 *     documents first without leaving out the others (a law's versions of other years)
 * @param none terms a result must not contain
 * @param ignored pieces of the query that were not used (stray quotes, brackets, a dangling OR, terms
 *     beyond the limit, punctuation-only words)
 * @param parsed the whole understanding in one line: {@code +(a | b) +"c d" 2018 -e}
 * @param mode how the search ran: {@code lexical} (by the words), {@code hybrid} (the lexical and
 *     the meaning lists fused) or {@code semantic} (by meaning alone); null before it ran
 */
public record QueryDescription(
    String text, boolean truncated, boolean browse, List<List<Term>> all, List<Term> optional, List<Term> none,
    List<String> ignored, String parsed, String mode) {

  public QueryDescription(String text, boolean truncated, boolean browse, List<List<Term>> all, List<Term> optional,
      List<Term> none, List<String> ignored, String parsed) {
    this(text, truncated, browse, all, optional, none, ignored, parsed, null);
  }

  /** The same understanding, saying how the search ran. */
  public QueryDescription ranBy(String how) {
    return new QueryDescription(text, truncated, browse, all, optional, none, ignored, parsed, how);
  }

  public QueryDescription {
    all = all.stream().map(List::copyOf).toList();
    optional = List.copyOf(optional);
    none = List.copyOf(none);
    ignored = List.copyOf(ignored);
  }

  /**
   * One term of the query.
   *
   * @param text as typed
   * @param kind {@code word} (matches where its text appears, as a word or inside one) or {@code phrase}
   *     (the exact character sequence)
   * @param field {@code all} (title and text) or {@code title}
   * @param also other names searched as well (abbreviations and their full forms)
   */
  public record Term(String text, String kind, String field, List<String> also) {
    public Term {
      also = List.copyOf(also);
    }

    String render() {
      String prefix = field.equals("title") ? "title:" : "";
      String body = kind.equals("phrase") ? "\"" + text + "\"" : text;
      if (also.isEmpty()) {
        return prefix + body;
      }
      return prefix + "(" + body + " | " + String.join(" | ", also) + ")";
    }
  }
}
