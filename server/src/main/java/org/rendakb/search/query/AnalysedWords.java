package org.rendakb.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * One analyzer's tokens of the words typed in queries, remembered: a query reads each word at three
 * reaches, in the title and the body, so the segmenter ran about ten times per word and was most of
 * the parsing cost. A pure function of the text, so the cache is shared; it is emptied when it
 * grows past {@link #MAX_WORDS}. Thread-safe.
 */
public final class AnalysedWords {
  static final int MAX_WORDS = 10_000;

  /** The tokens of a text: terms and their positions (a stop word leaves a gap). */
  record Tokens(List<String> terms, List<Integer> positions) {
    List<String> distinct() {
      return terms.stream().distinct().toList();
    }
  }

  private final Analyzer analyzer;
  private final Map<String, Tokens> cache = new ConcurrentHashMap<>();

  public AnalysedWords(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Tokens of(String text) {
    Tokens tokens = cache.get(text);
    if (tokens == null) {
      tokens = analyse(text);
      if (cache.size() >= MAX_WORDS) {
        cache.clear();
      }
      cache.put(text, tokens);
    }
    return tokens;
  }

  /** The text's tokens in a row on the field, as QueryBuilder's phrase query reads them; null when it has none. */
  public Query phrase(String field, String text) {
    Tokens tokens = of(text);
    if (tokens.terms().isEmpty()) {
      return null;
    }
    if (tokens.terms().size() == 1) {
      return new TermQuery(new Term(field, tokens.terms().getFirst()));
    }
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    for (int i = 0; i < tokens.terms().size(); i++) {
      b.add(new Term(field, tokens.terms().get(i)), tokens.positions().get(i));
    }
    return b.build();
  }

  private Tokens analyse(String text) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    // every analysed field shares one chain per analyzer, so the field name does not change the tokens
    try (TokenStream ts = analyzer.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += increment.getPositionIncrement();
        terms.add(term.toString());
        positions.add(position);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Tokens(List.copyOf(terms), List.copyOf(positions));
  }
}
