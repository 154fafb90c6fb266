package org.rendakb.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.rendakb.schema.Fields;

/**
 * The Lucene query a typed query becomes, below the search service and HTTP: which clauses are
 * required, optional or excluded, which fields each reaches, with which terms and weights.
 */
class QueryBuildingTest {
  final StaffQueryParser parser = new StaffQueryParser(Abbreviations.bundled());

  /** A query without clauses of its own, the boosts above it multiplied. */
  record Leaf(Query query, float boost) {
    Set<String> fields() {
      Set<String> fields = new TreeSet<>();
      query.visit(new QueryVisitor() {
        @Override
        public boolean acceptField(String field) {
          fields.add(field);
          return true;
        }
      });
      return fields;
    }

    List<String> terms() {
      if (query instanceof TermQuery t) {
        return List.of(t.getTerm().text());
      }
      return query instanceof PhraseQuery p ? Arrays.stream(p.getTerms()).map(Term::text).toList() : List.of();
    }
  }

  static List<Leaf> leaves(Query q) {
    List<Leaf> out = new ArrayList<>();
    collect(q, 1f, out);
    return out;
  }

  private static void collect(Query q, float boost, List<Leaf> out) {
    if (q instanceof BooleanQuery b) {
      b.clauses().forEach(c -> collect(c.query(), boost, out));
    } else if (q instanceof BoostQuery b) {
      collect(b.getQuery(), boost * b.getBoost(), out);
    } else if (q instanceof ConstantScoreQuery c) {
      collect(c.getQuery(), boost, out);
    } else {
      out.add(new Leaf(q, boost));
    }
  }

  static Set<String> fields(Query q) {
    Set<String> fields = new TreeSet<>();
    leaves(q).forEach(l -> fields.addAll(l.fields()));
    return fields;
  }

  /** The clauses a search must, may and must not match: the query without its document-type prior. */
  static List<BooleanClause> core(ParsedQuery parsed) {
    BooleanQuery top = assertInstanceOf(BooleanQuery.class, parsed.query());
    assertEquals(Occur.MUST, top.clauses().getFirst().occur());
    return assertInstanceOf(BooleanQuery.class, top.clauses().getFirst().query()).clauses();
  }

  static List<BooleanClause> with(List<BooleanClause> clauses, Occur occur) {
    return clauses.stream().filter(c -> c.occur() == occur).toList();
  }

  /** The leaf that searches {@code field} for the characters of {@code text} in a row, by its bigrams. */
  static Leaf bigramPhrase(Query q, String field, List<String> bigrams) {
    return leaves(q).stream().filter(l -> l.fields().equals(Set.of(field)) && l.terms().equals(bigrams))
        .findFirst().orElseThrow(() -> new AssertionError("no phrase " + bigrams + " on " + field + " in " + q));
  }

  @Test
  void everyWordIsRequiredAndAnExclusionIsProhibited() {
    List<BooleanClause> core = core(parser.parse("代表 建议 -会议"));
    assertEquals(2, with(core, Occur.MUST).size(), core.toString());
    assertEquals(1, with(core, Occur.MUST_NOT).size(), core.toString());
    assertEquals(0, with(core, Occur.SHOULD).size(), core.toString());
    bigramPhrase(with(core, Occur.MUST_NOT).getFirst().query(), Fields.TEXT_BIGRAMS, List.of("会议"));
  }

  @Test
  void aWordIsSearchedInWordsAndBigramsOfTitleAndTextTheTitleWeighingMore() {
    Query q = parser.parse("养老服务").query();
    assertTrue(fields(q).containsAll(Set.of(Fields.TEXT, Fields.TITLE, Fields.TEXT_BIGRAMS, Fields.TITLE_BIGRAMS)),
        fields(q).toString());
    List<String> grams = List.of("养老", "老服", "服务");
    float text = bigramPhrase(q, Fields.TEXT_BIGRAMS, grams).boost();
    float title = bigramPhrase(q, Fields.TITLE_BIGRAMS, grams).boost();
    assertEquals(Weights.TEXT_BIGRAMS, text, 1e-6);
    assertEquals(Weights.TITLE_BIGRAMS, title, 1e-6);
    assertTrue(title > text);
  }

  @Test
  void aQuotedPhraseIsMatchedOnTheBigramFieldsAsWritten() {
    Query q = parser.parse("“依法履职”").query();
    assertEquals(Set.of(Fields.TEXT_BIGRAMS, Fields.TITLE_BIGRAMS, Fields.TYPE), fields(q),
        "no segmented words, which would break where the segmenter cuts (the type is the prior)");
    bigramPhrase(q, Fields.TEXT_BIGRAMS, List.of("依法", "法履", "履职"));
  }

  @Test
  void titleOnlyReachesTheTitleFields() {
    List<BooleanClause> core = core(parser.parse("title:建议"));
    assertEquals(Set.of(Fields.TITLE, Fields.TITLE_BIGRAMS), fields(with(core, Occur.MUST).getFirst().query()));
  }

  @Test
  void anAbbreviationAlsoSearchesItsFullForm() {
    Query q = parser.parse("人大常委会").query();
    bigramPhrase(q, Fields.TEXT_BIGRAMS, List.of("人大", "大常", "常委", "委会"));
    bigramPhrase(q, Fields.TEXT_BIGRAMS, List.of("人民", "民代", "代表", "表大", "大会", "会常", "常务", "务委", "委员", "员会"));
  }

  @Test
  void traditionalFormsAreFoldedBeforeTheTermsAreMade() {
    Query q = parser.parse("許昌 城市綠化").query();
    bigramPhrase(q, Fields.TEXT_BIGRAMS, List.of("许昌"));
    bigramPhrase(q, Fields.TEXT_BIGRAMS, List.of("城市", "市绿", "绿化"));
  }

  @Test
  void alternativesAreOneRequiredClause() {
    List<BooleanClause> must = with(core(parser.parse("代表 OR 委员 建议")), Occur.MUST);
    assertEquals(2, must.size());
    BooleanQuery either = assertInstanceOf(BooleanQuery.class, must.getFirst().query());
    assertEquals(2, with(either.clauses(), Occur.SHOULD).size());
  }

  @Test
  void aYearBesideWordsIsOptionalAndBoostsThatYear() {
    List<BooleanClause> core = core(parser.parse("职业病防治法 ２０１８"));
    assertEquals(1, with(core, Occur.MUST).size());
    List<BooleanClause> optional = with(core, Occur.SHOULD);
    assertEquals(1, optional.size());
    Leaf year = leaves(optional.getFirst().query()).stream().filter(l -> l.fields().equals(Set.of(Fields.YEAR)))
        .findFirst().orElseThrow();
    assertEquals(Weights.YEAR, year.boost(), 1e-6);
    assertTrue(with(core, Occur.MUST).stream().noneMatch(c -> fields(c.query()).contains(Fields.YEAR)));
    assertEquals(1, with(core(parser.parse("2018")), Occur.MUST).size(), "a year alone is what is searched for");
  }

  @Test
  void documentsOfTheCongresssOwnWorkGetAConstantPrior() {
    BooleanQuery top = assertInstanceOf(BooleanQuery.class, parser.parse("养老服务").query());
    BooleanClause prior = top.clauses().get(1);
    assertEquals(Occur.SHOULD, prior.occur());
    BoostQuery boost = assertInstanceOf(BoostQuery.class, prior.query());
    assertEquals(Weights.WORK_DOCUMENT, boost.getBoost(), 1e-6);
    assertEquals(Set.of(Fields.TYPE), fields(boost));
    assertTrue(leaves(boost).stream().anyMatch(l -> l.query().toString().equals(Fields.TYPE + ":讲话")));
  }

  @Test
  void nothingToSearchForBrowsesAndAnExclusionAloneFiltersEverything() {
    assertEquals(MatchAllDocsQuery.INSTANCE, parser.parse("").query());
    assertEquals(MatchAllDocsQuery.INSTANCE, parser.parse("，。！").query());
    BooleanQuery onlyNot = assertInstanceOf(BooleanQuery.class, parser.parse("-会议").query());
    assertEquals(MatchAllDocsQuery.INSTANCE, with(onlyNot.clauses(), Occur.MUST).getFirst().query());
    assertEquals(1, with(onlyNot.clauses(), Occur.MUST_NOT).size());
  }
}
