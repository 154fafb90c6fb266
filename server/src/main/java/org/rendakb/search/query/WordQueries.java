package org.rendakb.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;
import org.rendakb.schema.FoldingCharFilter;
import org.rendakb.search.query.QueryLexer.Kind;
import org.rendakb.search.query.QueryLexer.Token;

/**
 * How one typed word or phrase becomes Lucene queries: where it must appear for a full match, what
 * counts toward a partial one, and the pieces of a long word. Thread-safe.
 */
public final class WordQueries {
  private static final Pattern YEAR = Pattern.compile("^(19[4-9]\\d|20\\d\\d)年?$");
  /** Characters that end official names (统计法, 市人大社会建设委): a lone one belongs to the word before. */
  private static final String NAME_ENDINGS = "法市省县区委会局厅办部院处站镇乡村街";

  /**
   * How much of a word a query accepts. {@code AS_TYPED}: where it appears as typed. {@code FULL}:
   * also where all its smartcn words occur apart in the title (浙江省人大常委会监督条例 for 浙江省各级人民代表大会常务委员会监督条例): a full match. {@code PART}: also where they occur
   * apart in the body: weak evidence in a long text, enough to rank a document among the partial
   * matches but not among the full ones.
   */
  enum Reach { AS_TYPED, FULL, PART }

  private final Analyzer wordAnalyzer = Analyzers.words();
  private final AnalysedWords words = new AnalysedWords(wordAnalyzer);
  private final Analyzer bigramAnalyzer = Analyzers.bigrams();
  private final AnalysedWords bigrams = new AnalysedWords(bigramAnalyzer);

  /**
   * The query of one term, or null when nothing searchable is left after analysis (punctuation).
   * A year (2018) also boosts that year's documents: 职业病防治法 2018 puts the 2018 version first.
   */
  Query clause(Token token, List<String> variants, Reach reach) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    boolean word = token.kind() == Kind.WORD;
    if (word) {
      if (!token.titleOnly()) {
        n += add(b, words.phrase(Fields.TEXT, token.text()), Weights.TEXT_WORDS);
      }
      n += add(b, words.phrase(Fields.TITLE, token.text()), Weights.TITLE_WORDS);
    }
    List<String> forms = new ArrayList<>();
    forms.add(token.text());
    forms.addAll(variants);
    for (String form : forms) {
      if (!token.titleOnly()) {
        n += add(b, bigramPhrase(Fields.TEXT_BIGRAMS, form), Weights.TEXT_BIGRAMS);
      }
      n += add(b, bigramPhrase(Fields.TITLE_BIGRAMS, form), Weights.TITLE_BIGRAMS);
      if (word && reach != Reach.AS_TYPED) {
        // a long word typed as one (民生实事项目票决) also matches where all its words occur apart;
        // the phrase forms above score higher
        n += add(b, allWords(Fields.TITLE, form), Weights.TITLE_ALL_WORDS);
        if (reach == Reach.PART && !token.titleOnly()) {
          n += add(b, allWords(Fields.TEXT, form), Weights.TEXT_ALL_WORDS);
        }
      }
    }
    Integer year = word && !token.titleOnly() ? year(token.text()) : null;
    if (n > 0 && year != null) {
      add(b, IntField.newExactQuery(Fields.YEAR, year), Weights.YEAR);
    }
    return n == 0 ? null : b.build();
  }

  /** The year a word names (2018, 2018年, ２０１８), or null. */
  static Integer year(String word) {
    Matcher m = YEAR.matcher(FoldingCharFilter.fold(word));
    return m.matches() ? Integer.valueOf(m.group(1)) : null;
  }

  /**
   * What counts toward a partial match for a typed word: the word with {@link Reach#PART}, or with
   * one character wrong or missing ({@link #loose}). Null when nothing searchable is left.
   */
  Query part(Token token, List<String> variants) {
    Query part = clause(token, variants, Reach.PART);
    Query loose = token.kind() == Kind.WORD ? loose(token, variants) : null;
    if (part == null || loose == null) {
      return part;
    }
    return new BooleanQuery.Builder().add(part, Occur.SHOULD).add(loose, Occur.SHOULD).build();
  }

  /**
   * A word read loosely: a character dropped or mistyped (东营 保与修复 for 保护与修复) leaves all but
   * one of the word's bigrams, so all but one must match, in the title or in the text (宗事务: 宗事 or
   * 事务). Null for a word of one bigram (two characters), which must match as typed.
   */
  private Query loose(Token token, List<String> variants) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    List<String> forms = new ArrayList<>();
    forms.add(token.text());
    forms.addAll(variants);
    for (String form : forms) {
      List<String> grams = bigrams.of(form).distinct();
      if (grams.size() < 2) {
        return null;
      }
      n += add(b, mostOf(Fields.TITLE_BIGRAMS, grams), Weights.LOOSE_TITLE);
      if (!token.titleOnly()) {
        n += add(b, mostOf(Fields.TEXT_BIGRAMS, grams), Weights.TEXT_BIGRAMS);
      }
    }
    return n == 0 ? null : b.build();
  }

  private static Query mostOf(String field, List<String> grams) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    grams.forEach(g -> b.add(new TermQuery(new Term(field, g)), Occur.SHOULD));
    return b.setMinimumNumberShouldMatch(grams.size() - 1).build();
  }

  /**
   * The bigrams of a term and its variants: a cheap first reach for documents that hold any of it
   * (each bigram a term query, scored by BM25, which Lucene ranks without visiting every match).
   */
  List<String> bigrams(Token token, List<String> variants) {
    List<String> out = new ArrayList<>();
    out.addAll(bigrams.of(token.text()).distinct());
    variants.forEach(v -> bigrams.of(v).distinct().stream().filter(t -> !out.contains(t)).forEach(out::add));
    return out;
  }

  /**
   * The pieces of one word a document may hold apart: its smartcn words, where a run of single
   * characters the segmenter could not cut stays one piece (票 决 → 票决), or pairs when it is long
   * (普 惠 托 育 → 普惠 托育), and a lone character joins the word before when it ends a name (代表 法 →
   * 代表法); another lone character is no piece (新, 与, 无: alone they match anything).
   */
  List<String> pieces(String word) {
    List<int[]> cuts = new ArrayList<>();
    try (TokenStream ts = wordAnalyzer.tokenStream(Fields.TEXT, word)) {
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        cuts.add(new int[] {offset.startOffset(), offset.endOffset()});
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<int[]> pieces = new ArrayList<>();
    for (int i = 0; i < cuts.size(); i++) {
      int[] c = cuts.get(i);
      if (c[1] - c[0] > 1) {
        pieces.add(c.clone());
        continue;
      }
      int j = i;
      while (j + 1 < cuts.size() && cuts.get(j + 1)[1] - cuts.get(j + 1)[0] == 1 && cuts.get(j + 1)[0] == cuts.get(j)[1]) {
        j++;
      }
      if (j > i) {
        int from = c[0];
        int end = cuts.get(j)[1];
        for (; end - from >= 4; from += 2) {
          pieces.add(new int[] {from, from + 2});
        }
        pieces.add(new int[] {from, end});
        i = j;
      } else if (!pieces.isEmpty() && pieces.getLast()[1] == c[0] && NAME_ENDINGS.indexOf(word.charAt(c[0])) >= 0) {
        pieces.getLast()[1] = c[1];
      }
    }
    return pieces.stream().map(p -> word.substring(p[0], p[1])).distinct().toList();
  }

  /** Every smartcn word of {@code text} on the field, in any order and place; null for fewer than two words. */
  private Query allWords(String field, String text) {
    List<String> terms = words.of(text).distinct();
    // a lone character other than one that ends an official name (统计法, 市人大社会建设委) is most
    // often what is left of a mistyped word (预审查监督): matching it anywhere finds noise
    if (terms.size() < 2 || terms.stream().anyMatch(t -> t.length() == 1 && NAME_ENDINGS.indexOf(t.charAt(0)) < 0)) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    terms.forEach(t -> b.add(new TermQuery(new Term(field, t)), Occur.MUST));
    return b.build();
  }

  /**
   * The characters of {@code text} in a row, on a bigram field. A lone CJK character is indexed only
   * inside bigrams, so it also matches any bigram that starts with it.
   */
  private Query bigramPhrase(String field, String text) {
    Query q = bigrams.phrase(field, text);
    if (isLoneIdeograph(q)) {
      TermQuery tq = (TermQuery) q;
      return new BooleanQuery.Builder()
          .add(tq, Occur.SHOULD)
          .add(new PrefixQuery(new Term(field, tq.getTerm().text())), Occur.SHOULD)
          .build();
    }
    return q;
  }

  /** Whether a bigram phrase query is one CJK character alone: a unigram the text's bigrams hide. */
  public static boolean isLoneIdeograph(Query bigramPhrase) {
    if (bigramPhrase instanceof TermQuery tq) {
      String t = tq.getTerm().text();
      return t.codePointCount(0, t.length()) == 1 && Character.isIdeographic(t.codePointAt(0));
    }
    return false;
  }

  private static int add(BooleanQuery.Builder b, Query q, float boost) {
    if (q == null) {
      return 0;
    }
    b.add(boost == 1.0f ? q : new BoostQuery(q, boost), Occur.SHOULD);
    return 1;
  }
}
