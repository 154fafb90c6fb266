package org.rendakb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.IntField;
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

  static final float YEAR_BOOST = 4.0f;
  /** A word read loosely counts mostly in the title: a typo'd word in a body is noise more often. */
  static final float LOOSE_TITLE_BOOST = 4.0f;
  private static final Pattern YEAR = Pattern.compile("^(19[4-9]\\d|20\\d\\d)年?$");
  static final float TEXT_ALL_WORDS_BOOST = 0.3f;
  private static final String NAME_ENDINGS = "法市省县区委会局厅办部院处站镇乡村街";
  static final float TITLE_ALL_WORDS_BOOST = 1.0f;

  private final Analyzer wordAnalyzer = Analyzers.words();
  private final QueryBuilder words = new QueryBuilder(wordAnalyzer);
  private final Analyzer bigramAnalyzer = Analyzers.bigrams();
  private final QueryBuilder bigrams = new QueryBuilder(bigramAnalyzer);
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
    Set<Integer> years = new HashSet<>();
    List<List<Query>> looseGroups = new ArrayList<>();
    List<List<Query>> markedGroups = new ArrayList<>();
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
      Integer year = token.kind == Kind.WORD && !token.negated ? year(token.text) : null;
      if (year != null) {
        years.add(year);
      }
      Query query = clause(token, variants, true);
      Query marked = clause(token, variants, false);
      Query loose = token.kind == Kind.WORD && !token.negated ? looseClause(token, variants) : query;
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
        markedGroups.getLast().add(marked);
        looseGroups.getLast().add(loose == null ? query : loose);
        pendingOr = false;
        lastWasPositive = true;
      } else {
        all.add(new ArrayList<>(List.of(term)));
        groups.add(new ArrayList<>(List.of(query)));
        markedGroups.add(new ArrayList<>(List.of(marked)));
        looseGroups.add(new ArrayList<>(List.of(loose == null ? query : loose)));
        lastWasPositive = true;
      }
    }
    if (pendingOr) {
      ignored.add("OR");
    }
    boolean browse = groups.isEmpty() && excluded.isEmpty();
    Query strict = build(groups, excluded);
    Query loose = browse ? null : build(looseGroups, excluded);
    return new ParsedQuery(strict, loose == null || loose.equals(strict) ? null : loose, build(markedGroups, excluded),
        new QueryDescription(original, truncated, browse, false, all, none, ignored, render(all, none)), years);
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

  /**
   * The query of one term, or null when nothing searchable is left after analysis (punctuation).
   * {@code apart}: also where all the word's smartcn words occur apart (for matching, not marking).
   */
  private Query clause(Token token, List<String> variants, boolean apart) {
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
      if (token.kind == Kind.WORD && apart) {
        // a long word typed as one (民生实事项目票决, 浙江省人大常委会 for 浙江省各级人民代表大会常务委员会)
        // also matches where all its words occur apart; the phrase forms above score higher
        if (!token.titleOnly) {
          n += add(b, allWords(Fields.TEXT, form), TEXT_ALL_WORDS_BOOST);
        }
        n += add(b, allWords(Fields.TITLE, form), TITLE_ALL_WORDS_BOOST);
      }
    }
    Integer year = token.kind == Kind.WORD && !token.titleOnly ? year(token.text) : null;
    if (n > 0 && year != null) {
      // a year is also the document's year: 职业病防治法 2018 puts the 2018 version first
      add(b, IntField.newExactQuery(Fields.YEAR, year), YEAR_BOOST);
    }
    return n == 0 ? null : b.build();
  }

  /** The year a word names (2018, 2018年, ２０１８), or null. */
  static Integer year(String word) {
    Matcher m = YEAR.matcher(FoldingCharFilter.fold(word));
    return m.matches() ? Integer.valueOf(m.group(1)) : null;
  }

  /**
   * A word read loosely, for a query that finds nothing as typed: a character dropped or mistyped
   * (东营 保与修复 for 保护与修复) leaves all but one of the word's bigrams, so all but one must match,
   * in the title or in the text (宗事务: 宗事 or 事务). A word of one bigram (two characters) must
   * still match as typed.
   */
  private Query looseClause(Token token, List<String> variants) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    List<String> forms = new ArrayList<>();
    forms.add(token.text);
    forms.addAll(variants);
    for (String form : forms) {
      List<String> grams = terms(bigramAnalyzer, Fields.TITLE_BIGRAMS, form);
      if (grams.size() < 2) {
        return null;
      }
      n += add(b, mostOf(Fields.TITLE_BIGRAMS, grams), LOOSE_TITLE_BOOST);
      if (!token.titleOnly) {
        n += add(b, mostOf(Fields.TEXT_BIGRAMS, grams), TEXT_BIGRAMS_BOOST);
      }
    }
    return n == 0 ? null : b.build();
  }

  private static Query mostOf(String field, List<String> grams) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    grams.forEach(g -> b.add(new TermQuery(new Term(field, g)), Occur.SHOULD));
    return b.setMinimumNumberShouldMatch(grams.size() - 1).build();
  }

  /** Every smartcn word of {@code text} on the field, in any order and place; null for fewer than two words. */
  private Query allWords(String field, String text) {
    List<String> terms = terms(wordAnalyzer, field, text);
    // a lone character other than one that ends an official name (统计法, 市人大社会建设委) is most
    // often what is left of a mistyped word (预审查监督): matching it anywhere finds noise
    if (terms.size() < 2 || terms.stream().anyMatch(t -> t.length() == 1 && NAME_ENDINGS.indexOf(t.charAt(0)) < 0)) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    terms.forEach(t -> b.add(new TermQuery(new Term(field, t)), Occur.MUST));
    return b.build();
  }

  /** The distinct terms the analyzer makes of the text, in order. */
  private static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (!terms.contains(term.toString())) {
          terms.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
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
