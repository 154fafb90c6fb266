package org.rendakb.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;
import org.rendakb.schema.FoldingCharFilter;

/**
 * The query language staff type, turned into a Lucene query and a description of how it was read.
 *
 * <ul>
 *   <li>{@code 代表 建议}: every word must match, best first. A word matches where its characters appear
 *       in a row, also inside a longer word (bigram phrase: 大学 in 北京大学); a whole-word match on the
 *       smartcn field and a match in the title score higher.
 *   <li>{@code "依法履职 守正创新"} (also “…” 「…」): the exact character sequence, on the bigram fields,
 *       however the segmenter cuts it.
 *   <li>{@code -词}: excludes; {@code A OR B}: alternatives; {@code title:词} or {@code title:"…"}: the
 *       title only.
 *   <li>Anything else is a plain word: a stray quote or bracket is ignored and reported, never an error.
 * </ul>
 *
 * <p>Work is bounded: the text is cut at {@link #MAX_QUERY_CHARS} chars and at most
 * {@link #MAX_TERMS} terms are used, each with at most {@link Abbreviations#MAX_VARIANTS} variants;
 * that keeps the whole query far below Lucene's 1024-clause limit. Thread-safe and immutable.
 */
public final class StaffQueryParser {
  public static final int MAX_QUERY_CHARS = 256;
  public static final int MAX_TERMS = 16;

  static final float TEXT_WORDS_BOOST = 1.0f;
  static final float TITLE_WORDS_BOOST = 3.0f;
  static final float TEXT_BIGRAMS_BOOST = 0.5f;
  static final float TITLE_BIGRAMS_BOOST = 1.5f;

  private static final String SEPARATORS = "()[]{}<>（）【】《》〈〉〔〕";
  private static final String QUOTES = "\"“”「」『』„";

  private final QueryBuilder words = new QueryBuilder(Analyzers.words());
  private final QueryBuilder bigrams = new QueryBuilder(Analyzers.bigrams());
  private final Abbreviations abbreviations;

  public StaffQueryParser(Abbreviations abbreviations) {
    this.abbreviations = abbreviations;
  }

  private enum Kind { WORD, PHRASE, OR }

  private record Token(Kind kind, String text, boolean negated, boolean titleOnly) {}

  public ParsedQuery parse(String q) {
    String original = q == null ? "" : q.strip();
    boolean truncated = original.length() > MAX_QUERY_CHARS;
    if (truncated) {
      int cut = MAX_QUERY_CHARS;
      if (Character.isHighSurrogate(original.charAt(cut - 1))) {
        cut--;
      }
      original = original.substring(0, cut);
    }
    List<String> ignored = new ArrayList<>();
    List<Token> tokens = lex(original, ignored);

    List<List<QueryDescription.Term>> all = new ArrayList<>();
    List<QueryDescription.Term> none = new ArrayList<>();
    List<List<Query>> groups = new ArrayList<>();
    List<Query> excluded = new ArrayList<>();
    boolean pendingOr = false;
    boolean lastWasPositive = false;
    int used = 0;
    for (Token token : tokens) {
      if (token.kind == Kind.OR) {
        if (lastWasPositive && !pendingOr) {
          pendingOr = true;
        } else {
          ignored.add("OR");
        }
        continue;
      }
      String label = (token.negated ? "-" : "") + (token.kind == Kind.PHRASE ? "\"" + token.text + "\"" : token.text);
      if (used >= MAX_TERMS) {
        ignored.add(label);
        continue;
      }
      List<String> variants = token.kind == Kind.WORD ? abbreviations.variants(token.text) : List.of();
      Query query = clause(token, variants);
      if (query == null) {
        ignored.add(label);
        continue;
      }
      used++;
      QueryDescription.Term term = new QueryDescription.Term(token.text, token.kind == Kind.PHRASE ? "phrase" : "word",
          token.titleOnly ? "title" : "all", variants);
      if (token.negated) {
        if (pendingOr) {
          ignored.add("OR");
          pendingOr = false;
        }
        none.add(term);
        excluded.add(query);
        lastWasPositive = false;
      } else if (pendingOr) {
        all.getLast().add(term);
        groups.getLast().add(query);
        pendingOr = false;
        lastWasPositive = true;
      } else {
        all.add(new ArrayList<>(List.of(term)));
        groups.add(new ArrayList<>(List.of(query)));
        lastWasPositive = true;
      }
    }
    if (pendingOr) {
      ignored.add("OR");
    }
    boolean browse = groups.isEmpty() && excluded.isEmpty();
    return new ParsedQuery(build(groups, excluded),
        new QueryDescription(original, truncated, browse, all, none, ignored, render(all, none)));
  }

  private static Query build(List<List<Query>> groups, List<Query> excluded) {
    if (groups.isEmpty() && excluded.isEmpty()) {
      return MatchAllDocsQuery.INSTANCE;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (groups.isEmpty()) {
      b.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
    }
    for (List<Query> group : groups) {
      if (group.size() == 1) {
        b.add(group.getFirst(), Occur.MUST);
      } else {
        BooleanQuery.Builder or = new BooleanQuery.Builder();
        group.forEach(q -> or.add(q, Occur.SHOULD));
        b.add(or.build(), Occur.MUST);
      }
    }
    excluded.forEach(q -> b.add(q, Occur.MUST_NOT));
    return b.build();
  }

  private static String render(List<List<QueryDescription.Term>> all, List<QueryDescription.Term> none) {
    List<String> parts = new ArrayList<>();
    for (List<QueryDescription.Term> group : all) {
      List<String> alternatives = group.stream().map(QueryDescription.Term::render).toList();
      parts.add("+" + (alternatives.size() == 1 ? alternatives.getFirst() : "(" + String.join(" OR ", alternatives) + ")"));
    }
    none.forEach(t -> parts.add("-" + t.render()));
    return String.join(" ", parts);
  }

  /** The query of one term, or null when nothing searchable is left after analysis (punctuation). */
  private Query clause(Token token, List<String> variants) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    if (token.kind == Kind.WORD) {
      if (!token.titleOnly) {
        n += add(b, words.createPhraseQuery(Fields.TEXT, token.text), TEXT_WORDS_BOOST);
      }
      n += add(b, words.createPhraseQuery(Fields.TITLE, token.text), TITLE_WORDS_BOOST);
    }
    List<String> forms = new ArrayList<>();
    forms.add(token.text);
    forms.addAll(variants);
    for (String form : forms) {
      if (!token.titleOnly) {
        n += add(b, bigramPhrase(Fields.TEXT_BIGRAMS, form), TEXT_BIGRAMS_BOOST);
      }
      n += add(b, bigramPhrase(Fields.TITLE_BIGRAMS, form), TITLE_BIGRAMS_BOOST);
    }
    return n == 0 ? null : b.build();
  }

  /**
   * The characters of {@code text} in a row, on a bigram field. A lone CJK character is indexed only
   * inside bigrams, so it also matches any bigram that starts with it.
   */
  private Query bigramPhrase(String field, String text) {
    Query q = bigrams.createPhraseQuery(field, text);
    if (q instanceof TermQuery tq) {
      String t = tq.getTerm().text();
      if (t.codePointCount(0, t.length()) == 1 && Character.isIdeographic(t.codePointAt(0))) {
        return new BooleanQuery.Builder()
            .add(tq, Occur.SHOULD)
            .add(new PrefixQuery(new Term(field, t)), Occur.SHOULD)
            .build();
      }
    }
    return q;
  }

  private static int add(BooleanQuery.Builder b, Query q, float boost) {
    if (q == null) {
      return 0;
    }
    b.add(boost == 1.0f ? q : new BoostQuery(q, boost), Occur.SHOULD);
    return 1;
  }

  /**
   * Splits the query into words, phrases and OR. Folding (full-width, traditional) is one char for
   * one char, so syntax is detected on the folded text and the terms keep the typed characters.
   */
  private static List<Token> lex(String original, List<String> ignored) {
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
        int colon = s.indexOf(':', i);
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
    return s.regionMatches(true, i, "title:", 0, 6) || s.startsWith("标题:", i);
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
