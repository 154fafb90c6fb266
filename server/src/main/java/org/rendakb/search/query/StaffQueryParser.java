package org.rendakb.search.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.rendakb.metadata.DocType;
import org.rendakb.schema.Fields;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.rendakb.search.query.QueryLexer.Kind;
import org.rendakb.search.query.QueryLexer.Token;
import org.rendakb.search.query.WordQueries.Reach;

/**
 * The query language staff type, turned into a Lucene query and a description of how it was read.
 *
 * <ul>
 *   <li>{@code 代表 建议}: every word must match, best first. A word matches where its characters appear
 *       in a row, also inside a longer word (bigram phrase: 大学 in 北京大学), or where all its words
 *       occur in the title; a whole-word match on the smartcn field and a match in the title score
 *       higher. A year (2018, ２０１８年) is not required: it ranks that year's documents first.
 *   <li>Documents that lack part of the query are listed after those that match it all
 *       ({@link PartialQuery}).
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
  private static final Query WORK_DOCUMENTS = workDocuments();
  /** Clauses left for the date range, the facet filters (at most 100 values) and the document filter. */
  private static final int FILTER_CLAUSES = 110;
  /** Bigrams a query's candidate partial matches are found by, at most. */
  private static final int CANDIDATE_TERMS = 64;

  private final WordQueries words = new WordQueries();
  private final Abbreviations abbreviations;

  public StaffQueryParser(Abbreviations abbreviations) {
    this.abbreviations = abbreviations;
  }

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
    List<Token> tokens = QueryLexer.lex(original, ignored);

    List<Group> groups = new ArrayList<>();
    List<QueryDescription.Term> none = new ArrayList<>();
    List<Query> excluded = new ArrayList<>();
    Set<Integer> years = new HashSet<>();
    boolean pendingOr = false;
    boolean lastWasPositive = false;
    int used = 0;
    for (Token token : tokens) {
      if (token.kind() == Kind.OR) {
        if (lastWasPositive && !pendingOr) {
          pendingOr = true;
        } else {
          ignored.add("OR");
        }
        continue;
      }
      String label = (token.negated() ? "-" : "") + (token.kind() == Kind.PHRASE ? "\"" + token.text() + "\"" : token.text());
      if (used >= MAX_TERMS) {
        ignored.add(label);
        continue;
      }
      List<String> variants = token.kind() == Kind.WORD ? abbreviations.variants(token.text()) : List.of();
      Query query = words.clause(token, variants, Reach.FULL);
      if (query == null) {
        ignored.add(label);
        continue;
      }
      used++;
      QueryDescription.Term term = new QueryDescription.Term(token.text(), token.kind() == Kind.PHRASE ? "phrase" : "word",
          token.titleOnly() ? "title" : "all", variants);
      if (token.negated()) {
        if (pendingOr) {
          ignored.add("OR");
          pendingOr = false;
        }
        none.add(term);
        excluded.add(query);
        lastWasPositive = false;
        continue;
      }
      Integer year = token.kind() == Kind.WORD && !token.titleOnly() ? WordQueries.year(token.text()) : null;
      if (year != null) {
        years.add(year);
      }
      if (!pendingOr) {
        groups.add(new Group());
      }
      groups.getLast().add(token, term, query, words.clause(token, variants, Reach.AS_TYPED),
          words.part(token, variants), year != null && !pendingOr);
      pendingOr = false;
      lastWasPositive = true;
    }
    if (pendingOr) {
      ignored.add("OR");
    }
    boolean browse = groups.isEmpty() && excluded.isEmpty();
    // a year ranks (its documents first) but excludes nothing, so a law's versions of other years
    // are still found; a query of years alone asks for them
    boolean yearsRankOnly = groups.stream().anyMatch(g -> !g.year);
    List<Group> required = groups.stream().filter(g -> !yearsRankOnly || !g.year).toList();
    List<Group> optional = groups.stream().filter(g -> yearsRankOnly && g.year).toList();
    QueryDescription description = new QueryDescription(original, truncated, browse,
        required.stream().map(g -> g.terms).toList(), optional.stream().map(g -> g.terms.getFirst()).toList(), none,
        ignored, render(required, optional, none));
    Query full = DocNumberQuery.first(original, withWorkPrior(build(required, optional, excluded, g -> g.queries), required));
    // the partial matches' query is built only for a search whose page reaches them
    return new ParsedQuery(full, description, years,
        partCount(required), new ParsedQuery.Later<>(() -> partial(required, optional, excluded, full)));
  }

  /** One required part of the query (or, for a year, an optional one): a term, or alternatives joined by OR. */
  private static final class Group {
    final List<Token> tokens = new ArrayList<>();
    final List<QueryDescription.Term> terms = new ArrayList<>();
    final List<Query> queries = new ArrayList<>();
    final List<Query> asTyped = new ArrayList<>();
    final List<Query> parts = new ArrayList<>();
    boolean year;

    void add(Token token, QueryDescription.Term term, Query query, Query mark, Query part, boolean isYear) {
      tokens.add(token);
      terms.add(term);
      queries.add(query);
      asTyped.add(mark);
      parts.add(part);
      year = tokens.size() == 1 && isYear;
    }

    /** As the query description renders it, variants included. */
    String label() {
      return String.join(" OR ", terms.stream().map(QueryDescription.Term::render).toList());
    }

    /** What snippets mark for the group: its terms as typed and their other names, title-only terms apart. */
    List<String> forms() {
      return terms.stream().filter(t -> !t.field().equals("title"))
          .flatMap(t -> java.util.stream.Stream.concat(java.util.stream.Stream.of(t.text()), t.also().stream())).toList();
    }

    /** As typed, for the words a partial match lacks. */
    String typed() {
      return String.join(" OR ", terms.stream().map(t -> t.kind().equals("phrase") ? "\"" + t.text() + "\"" : t.text()).toList());
    }
  }

  private static Query build(List<Group> required, List<Group> optional, List<Query> excluded,
      Function<Group, List<Query>> clauses) {
    if (required.isEmpty() && excluded.isEmpty()) {
      return MatchAllDocsQuery.INSTANCE;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (required.isEmpty()) {
      b.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
    }
    required.forEach(g -> b.add(either(clauses.apply(g)), Occur.MUST));
    optional.forEach(g -> b.add(either(clauses.apply(g)), Occur.SHOULD));
    excluded.forEach(q -> b.add(q, Occur.MUST_NOT));
    return b.build();
  }

  private static Query withWorkPrior(Query query, List<Group> required) {
    if (required.isEmpty()) {
      return query; // browsing lists by date; a year alone asks for that year's documents
    }
    return new BooleanQuery.Builder().add(query, Occur.MUST)
        .add(new BoostQuery(new ConstantScoreQuery(WORK_DOCUMENTS), Weights.WORK_DOCUMENT), Occur.SHOULD).build();
  }

  private static Query workDocuments() {
    BooleanQuery.Builder types = new BooleanQuery.Builder();
    for (DocType type : List.of(DocType.SPEECH, DocType.EXCHANGE_SPEECH, DocType.WORK_REPORT, DocType.GOVERNMENT_WORK_REPORT,
        DocType.SURVEY_REPORT, DocType.DELIBERATION_OPINION, DocType.DECISION, DocType.RESOLUTION)) {
      types.add(new TermQuery(new Term(Fields.TYPE, type.label)), Occur.SHOULD);
    }
    return types.build();
  }

  /** One query, or any of several. */
  private static Query either(List<Query> alternatives) {
    if (alternatives.size() == 1) {
      return alternatives.getFirst();
    }
    BooleanQuery.Builder or = new BooleanQuery.Builder();
    alternatives.forEach(q -> or.add(q, Occur.SHOULD));
    return or.build();
  }

  private static String render(List<Group> required, List<Group> optional, List<QueryDescription.Term> none) {
    List<String> parts = new ArrayList<>();
    for (Group group : required) {
      parts.add("+" + (group.terms.size() == 1 ? group.label() : "(" + group.label() + ")"));
    }
    optional.forEach(g -> parts.add(g.label()));
    none.forEach(t -> parts.add("-" + t.render()));
    return String.join(" ", parts);
  }

  /**
   * The partial matches of a query of two or more parts, or null. Two or more required words (or OR
   * groups) are the parts, and their pieces rank too; a query of one word has its pieces as parts
   * (消防 立法 调研 for 消防立法调研), and the word itself ranks too. A document holding any of them is a
   * candidate; each part it holds (as typed, apart, or with one character off) adds
   * {@link Weights#PART}, so documents that lack fewer parts come first.
   *
   * <p>The tail query is searched together with the full query it excludes, within Lucene's clause
   * limit: when the words are many and long, it is built more plainly (without pieces, then with
   * the parts as a full match reads them, then as typed only), or not at all.
   */
  private PartialQuery partial(List<Group> required, List<Group> optional, List<Query> excluded, Query full) {
    List<QueryPart> parts = new ArrayList<>();
    List<QueryPart> extra = new ArrayList<>();
    List<QueryPart> typed = required.stream()
        .map(g -> new QueryPart(g.typed(), either(g.parts), either(g.queries), either(g.asTyped), g.forms())).toList();
    if (required.size() >= 2) {
      parts.addAll(typed);
      required.stream().flatMap(g -> g.tokens.stream()).filter(t -> t.kind() == Kind.WORD)
          .forEach(t -> extra.addAll(pieces(t).stream().filter(p -> !p.text().equals(t.text())).toList()));
    } else if (required.size() == 1 && required.getFirst().tokens.size() == 1
        && required.getFirst().tokens.getFirst().kind() == Kind.WORD) {
      parts.addAll(pieces(required.getFirst().tokens.getFirst()));
      // the word itself apart in the body, or with a character off (文物保户法), ranks among its pieces
      extra.addAll(typed);
    }
    if (parts.size() < 2) {
      return null;
    }
    Query candidates = candidates(required, excluded);
    int budget = IndexSearcher.getMaxClauseCount() - leaves(full) - FILTER_CLAUSES;
    List<Function<QueryPart, Query>> readings = List.of(QueryPart::query, QueryPart::held, QueryPart::asTyped);
    for (Function<QueryPart, Query> reading : readings) {
      for (List<QueryPart> also : List.of(extra.stream().limit(MAX_TERMS).toList(), List.<QueryPart>of())) {
        PartialQuery partial = partial(parts, also, optional, excluded, reading, candidates);
        if (leaves(partial.query()) <= budget) {
          return partial;
        }
      }
    }
    return null;
  }

  private static PartialQuery partial(List<QueryPart> parts, List<QueryPart> extra, List<Group> optional,
      List<Query> excluded, Function<QueryPart, Query> reading, Query candidates) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    parts.forEach(p -> any.add(PlusConstant.of(reading.apply(p), Weights.PART), Occur.SHOULD));
    // pieces of a word rank and admit documents that hold some of it (社会建设 of 社会建设委员会);
    // snippets mark the parts only
    extra.forEach(p -> any.add(p.query(), Occur.SHOULD));
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
    optional.forEach(g -> b.add(either(g.queries), Occur.SHOULD));
    excluded.forEach(q -> b.add(q, Occur.MUST_NOT));
    return new PartialQuery(parts, b.build(), parts.stream().flatMap(p -> p.forms().stream()).distinct().toList(), candidates);
  }

  /**
   * Documents worth ranking as partial matches: any bigram of any word (or its variants) as a term,
   * in the title or the text, weighted as the phrases are. Term queries let Lucene find the best few
   * hundred without scoring every document that holds a common piece (管理, 安全).
   */
  private Query candidates(List<Group> required, List<Query> excluded) {
    List<String> grams = new ArrayList<>();
    for (Group g : required) {
      for (int i = 0; i < g.tokens.size(); i++) {
        words.bigrams(g.tokens.get(i), g.terms.get(i).also()).stream().filter(t -> !grams.contains(t)).forEach(grams::add);
      }
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    grams.stream().limit(CANDIDATE_TERMS).forEach(t -> {
      any.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE_BIGRAMS, t)), Weights.TITLE_BIGRAMS), Occur.SHOULD);
      any.add(new BoostQuery(new TermQuery(new Term(Fields.TEXT_BIGRAMS, t)), Weights.TEXT_BIGRAMS), Occur.SHOULD);
    });
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
    excluded.forEach(q -> b.add(q, Occur.MUST_NOT));
    return b.build();
  }

  /** The clauses of a query as Lucene counts them against its limit. */
  static int leaves(Query query) {
    int[] n = {0};
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return this;
      }

      @Override
      public void visitLeaf(Query q) {
        n[0]++;
      }

      @Override
      public void consumeTerms(Query q, Term... terms) {
        n[0]++;
      }

      @Override
      public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
        n[0]++;
      }
    });
    return n[0];
  }

  /** How many parts a partial match of this query may lack one of: 0 when it has fewer than two (cheap, no queries built). */
  private int partCount(List<Group> required) {
    int n = required.size() >= 2 ? required.size()
        : required.size() == 1 && required.getFirst().tokens.size() == 1 && required.getFirst().tokens.getFirst().kind() == Kind.WORD
            ? Math.min(MAX_TERMS, words.pieces(required.getFirst().tokens.getFirst().text()).size()) : 0;
    return n >= 2 ? n : 0;
  }

  /** The pieces of a word ({@link WordQueries#pieces}) as parts of a query, at most {@link #MAX_TERMS}. */
  private List<QueryPart> pieces(Token word) {
    List<QueryPart> out = new ArrayList<>();
    for (String piece : words.pieces(word.text()).stream().limit(MAX_TERMS).toList()) {
      Token t = new Token(Kind.WORD, piece, false, word.titleOnly());
      List<String> variants = abbreviations.variants(piece);
      Query q = words.clause(t, variants, Reach.PART);
      if (q != null) {
        List<String> forms = word.titleOnly() ? List.of() : java.util.stream.Stream.concat(java.util.stream.Stream.of(piece), variants.stream()).toList();
        out.add(new QueryPart(piece, q, words.clause(t, variants, Reach.FULL), words.clause(t, variants, Reach.AS_TYPED), forms));
      }
    }
    return out;
  }

  /** The year a word names (2018, 2018年, ２０１８), or null. */
  static Integer year(String word) {
    return WordQueries.year(word);
  }
}
