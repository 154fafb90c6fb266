package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;
import org.rendakb.schema.IndexSchema;
import org.rendakb.search.SearchService;

/**
 * The search API through real HTTP, against the real server over an index built by the real
 * Indexer from the seeds and a slice of the corpus. Expected numbers come from direct Lucene
 * queries on the same index, not from the server's own code.
 */
class SearchApiTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.seedsAndCorpusSlice().build();
  static Http http;
  static IndexSearcher lucene;
  static Path seeds;
  static Path corpus;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(server.report().documents() > 100, "indexed " + server.report());
    http = server.http();
    lucene = server.lucene();
    seeds = server.input("seeds");
    corpus = server.input("corpus");
  }

  // ---- direct Lucene counts -------------------------------------------------------------

  static final Query DOCS = new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT));

  static int count(Query... filters) throws Exception {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(DOCS, Occur.FILTER);
    for (Query f : filters) {
      b.add(f, Occur.FILTER);
    }
    return lucene.count(b.build());
  }

  static Query term(String field, String value) {
    return field.equals(Fields.YEAR) ? IntField.newExactQuery(Fields.YEAR, Integer.parseInt(value))
        : new TermQuery(new Term(field, value));
  }

  /** Documents whose text or title holds {@code s} as written (bigram phrase). */
  static Query contains(String s) {
    QueryBuilder qb = new QueryBuilder(Analyzers.bigrams());
    return new BooleanQuery.Builder()
        .add(qb.createPhraseQuery(Fields.TEXT_BIGRAMS, s), Occur.SHOULD)
        .add(qb.createPhraseQuery(Fields.TITLE_BIGRAMS, s), Occur.SHOULD)
        .build();
  }

  static List<String> ids(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  static long facetCount(JsonNode result, String dim, String value) {
    for (JsonNode v : result.get("facets").get(dim)) {
      if (v.get("value").asText().equals(value)) {
        return v.get("count").asLong();
      }
    }
    return 0;
  }

  // ---- health and browsing --------------------------------------------------------------

  @Test
  void healthCountsWhatTheIndexHolds() throws Exception {
    JsonNode h = http.json("/api/health");
    assertEquals("ok", h.get("status").asText());
    assertEquals(count(), h.get("documents").asLong());
    assertEquals(lucene.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE))), h.get("passages").asLong());
    assertTrue(h.get("passages").asLong() > h.get("documents").asLong());
    assertFalse(h.get("indexed_at").asText().isBlank());
  }

  @Test
  void withoutQueryEverythingIsListedNewestFirst() throws Exception {
    JsonNode r = http.json("/api/search", "size", "100");
    assertEquals(count(), r.get("total").asLong());
    assertTrue(r.get("query").get("browse").asBoolean());
    assertDatesOrdered(r, false);
    JsonNode first = r.get("hits").get(0);
    for (String field : List.of("id", "path", "title", "type", "date", "year", "snippets")) {
      assertTrue(first.has(field), "hit has " + field + ": " + first);
    }
    for (String dim : IndexSchema.FACET_DIMENSIONS) {
      assertTrue(r.get("facets").has(dim), dim);
    }
  }

  static void assertDatesOrdered(JsonNode r, boolean ascending) {
    String previousDate = null;
    String previousId = null;
    boolean undatedSeen = false;
    for (JsonNode hit : r.get("hits")) {
      String date = hit.get("date").isNull() ? null : hit.get("date").asText();
      String id = hit.get("id").asText();
      if (date == null) {
        undatedSeen = true;
      } else {
        assertFalse(undatedSeen, "undated documents come last");
        if (previousDate != null) {
          int c = date.compareTo(previousDate);
          assertTrue(ascending ? c >= 0 : c <= 0, previousDate + " then " + date);
          if (c == 0) {
            assertTrue(id.compareTo(previousId) > 0, "ties broken by id: " + previousId + " then " + id);
          }
        }
        previousDate = date;
      }
      previousId = id;
    }
  }

  // ---- facets -----------------------------------------------------------------------------

  @Test
  void facetCountsEqualDirectLuceneCounts() throws Exception {
    JsonNode r = http.json("/api/search");
    int checked = 0;
    for (String dim : IndexSchema.FACET_DIMENSIONS) {
      for (JsonNode v : r.get("facets").get(dim)) {
        assertEquals(count(term(dim, v.get("value").asText())), v.get("count").asLong(), dim + "=" + v.get("value"));
        checked++;
      }
    }
    assertTrue(checked > 20, "facet values checked: " + checked);
    List<String> years = new ArrayList<>();
    r.get("facets").get("year").forEach(v -> years.add(v.get("value").asText()));
    assertEquals(years.stream().sorted().toList(), years, "years in order");
    assertTrue(years.contains("1956"), "early reports indexed: " + years);
    JsonNode types = r.get("facets").get("type");
    for (int i = 1; i < types.size(); i++) {
      assertTrue(types.get(i - 1).get("count").asLong() >= types.get(i).get("count").asLong(), "types by count");
    }
  }

  @Test
  void facetCountsWithAQueryEqualDirectCounts() throws Exception {
    JsonNode r = http.json("/api/search", "q", "\"人民代表大会\"");
    assertEquals(count(contains("人民代表大会")), r.get("total").asLong());
    for (JsonNode v : r.get("facets").get("type")) {
      assertEquals(count(contains("人民代表大会"), term(Fields.TYPE, v.get("value").asText())), v.get("count").asLong());
    }
  }

  @Test
  void facetsAreMultiSelect() throws Exception {
    JsonNode all = http.json("/api/search");
    JsonNode types = all.get("facets").get("type");
    String a = types.get(0).get("value").asText();
    String b = types.get(1).get("value").asText();

    JsonNode one = http.json("/api/search", "type", a);
    assertEquals(count(term(Fields.TYPE, a)), one.get("total").asLong());
    one.get("hits").forEach(h -> assertEquals(a, h.get("type").asText()));
    // the type facet counts as if its own filter were off: the user can add a second type
    assertEquals(all.get("facets").get("type"), one.get("facets").get("type"));
    // other facets are narrowed by the type filter
    for (JsonNode v : one.get("facets").get("year")) {
      assertEquals(count(term(Fields.TYPE, a), term(Fields.YEAR, v.get("value").asText())), v.get("count").asLong());
    }

    JsonNode two = http.json("/api/search?type=" + enc(a) + "&type=" + enc(b));
    assertEquals(count(term(Fields.TYPE, a)) + count(term(Fields.TYPE, b)), two.get("total").asLong(), "OR within a field");

    String year = one.get("facets").get("year").get(0).get("value").asText();
    JsonNode across = http.json("/api/search?type=" + enc(a) + "&type=" + enc(b) + "&year=" + year);
    Query aOrB = new BooleanQuery.Builder().add(term(Fields.TYPE, a), Occur.SHOULD).add(term(Fields.TYPE, b), Occur.SHOULD).build();
    assertEquals(count(aOrB, term(Fields.YEAR, year)), across.get("total").asLong(), "AND across fields");
    // the year facet is counted without the year filter, the type facet without the type filter
    assertEquals(count(aOrB, term(Fields.YEAR, year)), facetCount(across, "year", year));
    assertEquals(count(term(Fields.TYPE, a), term(Fields.YEAR, year)), facetCount(across, "type", a));
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void everyFilterNarrowsToWhatLuceneCounts() throws Exception {
    JsonNode all = http.json("/api/search");
    for (String dim : List.of(Fields.BODY, Fields.COMMITTEE, Fields.REGION, Fields.LAW, Fields.YEAR)) {
      JsonNode values = all.get("facets").get(dim);
      assertTrue(values.size() > 0, "the slice has values for " + dim);
      String value = values.get(0).get("value").asText();
      JsonNode r = http.json("/api/search", dim, value, "size", "50");
      assertEquals(count(term(dim, value)), r.get("total").asLong(), dim + "=" + value);
      if (!dim.equals(Fields.LAW)) {
        r.get("hits").forEach(h -> assertEquals(value, h.get(dim).asText(), dim));
      }
    }
    JsonNode range = http.json("/api/search", "from", "1978-01-01", "to", "1999-12-31", "size", "100");
    long lo = LocalDate.parse("1978-01-01").toEpochDay();
    long hi = LocalDate.parse("1999-12-31").toEpochDay();
    assertEquals(count(LongField.newRangeQuery(Fields.DATE_DAYS, lo, hi)), range.get("total").asLong());
    assertTrue(range.get("total").asLong() > 0);
    range.get("hits").forEach(h -> {
      String d = h.get("date").asText();
      assertTrue(d.compareTo("1978-01-01") >= 0 && d.compareTo("1999-12-31") <= 0, d);
    });
  }

  // ---- order and paging -------------------------------------------------------------------

  @Test
  void sortsAreStableAndTiesGoById() throws Exception {
    assertDatesOrdered(http.json("/api/search", "sort", "date_asc", "size", "100"), true);
    assertDatesOrdered(http.json("/api/search", "q", "代表", "sort", "date_desc", "size", "100"), false);
    JsonNode rel = http.json("/api/search", "q", "代表", "size", "100");
    double previous = Double.MAX_VALUE;
    String previousId = "";
    for (JsonNode h : rel.get("hits")) {
      double score = h.get("score").asDouble();
      assertTrue(score <= previous, "best first");
      if (score == previous) {
        assertTrue(h.get("id").asText().compareTo(previousId) > 0, "ties by id: " + previousId + " then " + h);
      }
      previous = score;
      previousId = h.get("id").asText();
    }
    assertEquals(ids(rel), ids(http.json("/api/search", "q", "代表", "size", "100")), "the same query, the same order");
  }

  @Test
  void pagesFollowEachOther() throws Exception {
    List<String> ten = ids(http.json("/api/search", "q", "委员会", "size", "10"));
    List<String> first = ids(http.json("/api/search", "q", "委员会", "size", "5", "page", "1"));
    List<String> second = ids(http.json("/api/search", "q", "委员会", "size", "5", "page", "2"));
    assertEquals(10, ten.size());
    assertEquals(ten.subList(0, 5), first);
    assertEquals(ten.subList(5, 10), second);
    JsonNode beyond = http.json("/api/search", "q", "委员会", "page", "1000");
    assertEquals(0, beyond.get("hits").size());
    assertTrue(beyond.get("total").asLong() > 10);
  }

  // ---- the query language --------------------------------------------------------------------

  @Test
  void phraseAcrossSegmentBoundariesMatchesAsWrittenAndIsMarkedExactly() throws Exception {
    // seed 000: 锚定民生坐标. The segmenter cuts 锚定 | 民生 | 坐标, so 定民生坐 starts and ends inside words
    List<String> words = smartcn("锚定民生坐标");
    assertFalse(words.contains("定民生坐"), "the phrase is not one segment: " + words);
    JsonNode r = http.json("/api/search", "q", "\"定民生坐\"");
    assertEquals(count(contains("定民生坐")), r.get("total").asLong());
    assertTrue(r.get("total").asLong() >= 1);
    String snippets = r.get("hits").get(0).get("snippets").toString();
    assertTrue(snippets.contains("锚<mark>定民生坐</mark>标"), snippets);
    assertEquals("phrase", r.get("query").get("all").get(0).get(0).get("kind").asText());
  }

  @Test
  void aWordInsideALongerWordIsFound() throws Exception {
    assertTrue(smartcn("北京大学的代表").contains("北京大学"), "smartcn keeps 北京大学 whole");
    String hostileId = idOfPath(seeds);
    JsonNode r = http.json("/api/search", "q", "大学", "size", "100");
    assertTrue(ids(r).contains(hostileId), "大学 inside 北京大学");
    // the smartcn words alone would miss it
    assertEquals(0, count(new TermQuery(new Term(Fields.TEXT, "大学")), new TermQuery(new Term(Fields.ID, hostileId))));
  }

  @Test
  void abbreviationsFindFullFormsAndBack() throws Exception {
    // seed 000 writes 社会建设委 only, never 社会建设委员会
    String seed000 = idOf("seeds", "000_69be07e9666b7acf.txt");
    assertEquals(0, count(contains("社会建设委员会"), term(Fields.ID, seed000)));
    JsonNode full = http.json("/api/search", "q", "社会建设委员会", "size", "100");
    assertTrue(ids(full).contains(seed000), "社会建设委员会 finds 社会建设委");
    JsonNode term = full.get("query").get("all").get(0).get(0);
    assertTrue(term.get("also").toString().contains("社会建设委"), term.toString());

    long shortForm = http.json("/api/search", "q", "人大常委会").get("total").asLong();
    assertTrue(shortForm > count(contains("人大常委会")), "人大常委会 also finds the full form");
    assertTrue(shortForm >= count(contains("人民代表大会常务委员会")));
    long longForm = http.json("/api/search", "q", "人民代表大会常务委员会").get("total").asLong();
    assertTrue(longForm >= count(contains("人大常委会")), "and back");
  }

  @Test
  void traditionalAndFullWidthFormsMatchSimplified() throws Exception {
    // the 1954 report is written in traditional characters: 中國人民政治協商會議
    JsonNode r = http.json("/api/search", "q", "政治协商会议", "size", "100");
    JsonNode report = null;
    for (JsonNode h : r.get("hits")) {
      if (h.get("path").asText().startsWith("reports/1954")) {
        report = h;
      }
    }
    assertNotNull(report, "the 1954 report is found: " + ids(r));
    String snippets = report.get("snippets").toString();
    assertTrue(snippets.contains("<mark>政治協商會議</mark>"), "marked in the original characters: " + snippets);
    // typed in traditional, found in simplified texts too
    assertEquals(http.json("/api/search", "q", "会计法").get("total"), http.json("/api/search", "q", "會計法").get("total"));
    // full-width letters and digits fold
    assertEquals(http.json("/api/search", "q", "2024").get("total"), http.json("/api/search", "q", "２０２４").get("total"));
  }

  @Test
  void orAndExclusionCombineAsSets() throws Exception {
    long a = total("q", "宪法");
    long b = total("q", "文物");
    long both = total("q", "宪法 文物");
    assertEquals(a + b - both, total("q", "宪法 OR 文物"));
    assertEquals(a - both, total("q", "宪法 -文物"));
    JsonNode q = http.json("/api/search", "q", "宪法 OR 文物 -会计").get("query");
    assertEquals(1, q.get("all").size());
    assertEquals(2, q.get("all").get(0).size());
    assertEquals("会计", q.get("none").get(0).get("text").asText());
  }

  @Test
  void titleOnlySearchesTitles() throws Exception {
    JsonNode r = http.json("/api/search", "q", "title:会计法", "size", "100");
    assertTrue(r.get("total").asLong() >= 2);
    r.get("hits").forEach(h -> assertTrue(h.get("title").asText().contains("会计法"), h.get("title").asText()));
    assertTrue(total("q", "会计法") > r.get("total").asLong(), "other documents mention 会计法 in their text");
  }

  @Test
  void strayQuotesAndBracketsAreWords() throws Exception {
    for (String q : List.of("\"人民 (代表", "代表)", "【人民", "“依法", "-", "OR", "title:", "\"\"", "((((", "a:b:c")) {
      Http.Answer a = http.get("/api/search", "q", q);
      assertEquals(200, a.status(), q + " → " + a.text());
    }
    JsonNode q = http.json("/api/search", "q", "\"人民 (代表").get("query");
    assertTrue(q.get("ignored").toString().contains("\""), q.toString());
    assertTrue(q.get("ignored").toString().contains("("), q.toString());
    assertEquals(2, q.get("all").size());
  }

  @Test
  void longQueriesAreCutAndSaidSo() throws Exception {
    JsonNode q = http.json("/api/search", "q", "代表".repeat(200)).get("query");
    assertTrue(q.get("truncated").asBoolean());
    // (a request line beyond App.MAX_REQUEST_HEADER_BYTES answers 414 in JSON before reaching the API: HostileRequestsTest)
    assertEquals(413, http.get("/api/search", "q", "a".repeat(4100)).status());
  }

  long total(String... params) throws Exception {
    return http.json("/api/search", params).get("total").asLong();
  }

  // ---- partial matches ----------------------------------------------------------------------

  @Test
  void documentsThatLackAWordFollowTheFullMatchesAndSayWhichWord() throws Exception {
    // 宪法 and 文物 are each one smartcn word: a document holds them where they appear in a row
    long both = count(contains("宪法"), contains("文物"));
    long either = count(new BooleanQuery.Builder().add(contains("宪法"), Occur.SHOULD).add(contains("文物"), Occur.SHOULD).build());
    assertTrue(both > 0 && either - both > 10, both + " / " + either);
    JsonNode r = http.json("/api/search", "q", "宪法 文物", "size", "100", "versions", "all");
    assertEquals(both, r.get("total").asLong());
    assertEquals(0, r.get("folded").asLong());
    assertEquals(Math.min(SearchService.PARTIAL_MAX, either - both), r.get("partial").asLong());
    JsonNode hits = r.get("hits");
    assertEquals(Math.min(100, either), hits.size());
    for (int i = 0; i < hits.size(); i++) {
      JsonNode h = hits.get(i);
      String id = h.get("id").asText();
      List<String> missing = strings(h.get("missing"));
      assertEquals(i >= both, h.get("partial").asBoolean(), "full matches first, then partial ones: " + i);
      for (String word : List.of("宪法", "文物")) {
        boolean holds = count(contains(word), term(Fields.ID, id)) == 1;
        assertEquals(!holds, missing.contains(word), id + " holds " + word + ": " + missing);
      }
    }
    assertEquals(ids(http.json("/api/search", "q", "宪法 文物", "size", "100", "versions", "all")), ids(r), "the same order every time");
  }

  @Test
  void pagesRunOnFromTheFullMatchesIntoThePartialOnes() throws Exception {
    List<String> all = ids(http.json("/api/search", "q", "宪法 文物", "size", "30"));
    List<String> paged = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonNode r = http.json("/api/search", "q", "宪法 文物", "size", "10", "page", String.valueOf(page));
      paged.addAll(ids(r));
    }
    assertEquals(all, paged);
    // a page of full matches only does not rank the partial ones: they are not counted (null) until
    // a page reaches them
    JsonNode broad = http.json("/api/search", "q", "人民 代表", "size", "5");
    long full = broad.get("total").asLong() - broad.get("folded").asLong();
    assertTrue(full > 5, broad.get("total").toString());
    assertTrue(broad.get("partial").isNull(), broad.get("partial").toString());
    JsonNode reaching = http.json("/api/search", "q", "人民 代表", "size", "5", "page", String.valueOf(full / 5 + 1));
    assertTrue(reaching.get("partial").asLong() > 0, reaching.get("partial").toString());
    reaching.get("hits").forEach(h -> assertEquals(ids(reaching).indexOf(h.get("id").asText()) >= full % 5,
        h.get("partial").asBoolean(), h.toString()));
    JsonNode byDate = http.json("/api/search", "q", "宪法 文物", "sort", "date_desc", "size", "100");
    assertEquals(0, byDate.get("partial").asLong(), "in date order only full matches are listed");
    byDate.get("hits").forEach(h -> assertFalse(h.get("partial").asBoolean()));
  }

  @Test
  void withNoFullMatchThePartialOnesAreTheResultAndTheirFacets() throws Exception {
    JsonNode r = http.json("/api/search", "q", "宪法 zqxjvw", "size", "100");
    assertEquals(0, r.get("total").asLong());
    long holders = count(contains("宪法"));
    assertEquals(holders, r.get("partial").asLong(), "all of them: there is no full match to come first");
    r.get("hits").forEach(h -> assertEquals(List.of("zqxjvw"), strings(h.get("missing"))));
    for (JsonNode v : r.get("facets").get("type")) {
      assertEquals(count(contains("宪法"), term(Fields.TYPE, v.get("value").asText())), v.get("count").asLong(), v.toString());
    }
  }

  @Test
  void aMistypedWordFindsItsDocumentsFirstAmongThePartialMatches() throws Exception {
    // 文物保户法 for 文物保护法: no document holds it as typed; the law holds it with one character off,
    // and of its pieces (文物, 保户法) it lacks the second
    assertEquals(0, count(contains("文物保户法")));
    JsonNode r = http.json("/api/search", "q", "文物保户法 2024", "size", "20");
    assertEquals(0, r.get("total").asLong());
    JsonNode first = r.get("hits").get(0);
    assertEquals(idOf("corpus", "laws/行政法/文物保护法(2024-11-08).md"), first.get("id").asText(), r.toString());
    assertEquals(List.of("保户法"), strings(first.get("missing")));
    JsonNode two = http.json("/api/search", "q", "文物保户法 管理", "size", "20");
    assertEquals(List.of("文物保户法"), strings(two.get("hits").get(0).get("missing")), "of two words, the word it lacks");
  }

  @Test
  void aYearRanksItsVersionFirstAndKeepsTheOthers() throws Exception {
    String v2017 = idOf("corpus", "laws/经济法/会计法(2017-11-04).md");
    String v2024 = idOf("corpus", "laws/经济法/会计法(2024-06-28).md");
    for (String q : List.of("会计法 2017", "会计法 ２０１７年")) {
      JsonNode all = http.json("/api/search", "q", q, "size", "100", "versions", "all");
      List<String> ids = ids(all);
      assertEquals(v2017, ids.getFirst(), q);
      assertTrue(ids.contains(v2024), "the other version is still found: " + q);
      assertEquals(total("q", "会计法"), all.get("total").asLong(), "the year excludes nothing");
      assertEquals(1, all.get("query").get("optional").size(), all.get("query").toString());
      JsonNode folded = http.json("/api/search", "q", q, "size", "100").get("hits").get(0);
      assertEquals(v2017, folded.get("id").asText(), "folded, the law's hit shows the version of the year asked for");
      assertEquals(List.of(v2024), versionIds(folded));
    }
    assertEquals(v2024, ids(http.json("/api/search", "q", "会计法 2024")).getFirst());
  }

  // ---- versions of one law ----------------------------------------------------------------

  @Test
  void aLawsVersionsAreOneHitShowingTheNewestWithTheOthersListed() throws Exception {
    String v2017 = idOf("corpus", "laws/经济法/会计法(2017-11-04).md");
    String v2024 = idOf("corpus", "laws/经济法/会计法(2024-06-28).md");
    JsonNode all = http.json("/api/search", "q", "会计法", "size", "100", "versions", "all");
    JsonNode folded = http.json("/api/search", "q", "会计法", "size", "100");
    assertTrue(ids(all).containsAll(List.of(v2017, v2024)));
    assertFalse(ids(folded).contains(v2017), "the older version is no hit of its own");
    JsonNode law = hit(folded, v2024);
    assertEquals(List.of(v2017), versionIds(law));
    JsonNode other = law.get("versions").get(0);
    assertEquals("2017-11-04", other.get("date").asText());
    assertEquals("laws/经济法/会计法(2017-11-04).md", other.get("path").asText());
    // the law ranks where its best version ranked, with that score: the order is untouched
    assertEquals(ids(all).indexOf(v2017) < ids(all).indexOf(v2024) ? hit(all, v2017).get("score") : hit(all, v2024).get("score"),
        law.get("score"));
    double previous = Double.MAX_VALUE;
    for (JsonNode h : folded.get("hits")) {
      assertTrue(h.get("score").asDouble() <= previous, "best first");
      previous = h.get("score").asDouble();
    }
    // counts are of documents; the pages reach the hits
    assertEquals(all.get("total"), folded.get("total"));
    long reach = folded.get("total").asLong() + folded.get("partial").asLong() - folded.get("folded").asLong();
    assertTrue(folded.get("folded").asLong() >= 1);
    assertEquals(reach, folded.get("hits").size());
    assertEquals(all.get("hits").size() - folded.get("folded").asLong(), folded.get("hits").size());
  }

  @Test
  void foldedPagesFollowEachOtherAndBadValuesAreRefused() throws Exception {
    // browsing laws by date: every version of a law is in the list, folded into the first one
    List<String> whole = ids(http.json("/api/search", "type", "法律", "size", "40"));
    List<String> paged = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      paged.addAll(ids(http.json("/api/search", "type", "法律", "size", "10", "page", String.valueOf(page))));
    }
    assertEquals(whole, paged);
    assertEquals(whole.size(), new HashSet<>(whole).size(), "no document twice");
    Http.Answer bad = http.get("/api/search", "q", "会计法", "versions", "newest");
    assertEquals(400, bad.status());
    assertTrue(bad.json().get("error").asText().contains("versions"), bad.text());
  }

  static JsonNode hit(JsonNode result, String id) {
    for (JsonNode h : result.get("hits")) {
      if (h.get("id").asText().equals(id)) {
        return h;
      }
    }
    throw new AssertionError(id + " is not a hit of " + result);
  }

  static List<String> versionIds(JsonNode hit) {
    List<String> ids = new ArrayList<>();
    hit.get("versions").forEach(v -> ids.add(v.get("id").asText()));
    return ids;
  }

  // ---- snippets ---------------------------------------------------------------------------

  @Test
  void snippetsEscapeHostileTextAndMarkOnlyMatches() throws Exception {
    JsonNode r = http.json("/api/search", "q", "北京大学 alert");
    assertEquals(1, r.get("total").asLong());
    String snippets = String.join("\n", strings(r.get("hits").get(0).get("snippets")));
    assertTrue(snippets.contains("&lt;script&gt;"), snippets);
    assertTrue(snippets.contains("&lt;img src=x onerror=<mark>alert</mark>(1)&gt;"), snippets);
    assertTrue(snippets.contains("<mark>北京大学</mark>"), snippets);
    for (JsonNode hit : http.json("/api/search", "q", "代表 OR alert OR script", "size", "100").get("hits")) {
      assertTrue(hit.get("snippets").size() <= 3);
      for (String s : strings(hit.get("snippets"))) {
        String bare = s.replace("<mark>", "").replace("</mark>", "");
        assertFalse(bare.contains("<") || bare.contains(">"), "only <mark> is markup: " + s);
      }
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  // ---- errors -----------------------------------------------------------------------------

  @Test
  void badParametersAnswer400WithAMessage() throws Exception {
    String[][] bad = {
      {"page", "0"}, {"page", "x"}, {"size", "101"}, {"size", "0"}, {"sort", "newest"},
      {"from", "2024-13-01"}, {"from", "2024-02-30"}, {"to", "yesterday"}, {"year", "MMXXIV"}, {"page", "5000"}
    };
    for (String[] p : bad) {
      Http.Answer a = http.get("/api/search", p[0], p[1]);
      assertEquals(400, a.status(), p[0] + "=" + p[1]);
      assertTrue(a.contentType().startsWith("application/json"), a.contentType());
      String error = a.json().get("error").asText();
      assertTrue(error.contains(p[0]) || error.contains("page"), error);
    }
    assertEquals(400, http.get("/api/search", "from", "2024-02-01", "to", "2024-01-01").status());
  }

  @Test
  void unknownThingsAnswer404InJson() throws Exception {
    for (String path : List.of("/api/nothing", "/nothing/here", "/api/documents/0000000000000000",
        "/api/documents/0000000000000000/similar", "/api/documents/0000000000000000/file")) {
      Http.Answer a = http.get(path);
      assertEquals(404, a.status(), path);
      assertTrue(a.contentType().startsWith("application/json"), path + " " + a.contentType());
      assertFalse(a.json().get("error").asText().isBlank());
    }
  }

  // ---- documents, files, similar, suggestions ------------------------------------------------

  @Test
  void documentHasAllMetadataTextLawsAndPassages() throws Exception {
    String id = idOf("corpus", "laws/经济法/会计法(2024-06-28).md");
    JsonNode d = http.json("/api/documents/" + id);
    assertEquals(id, d.get("id").asText());
    assertEquals("laws/经济法/会计法(2024-06-28).md", d.get("path").asText());
    assertTrue(d.get("title").asText().contains("会计法"));
    assertTrue(d.get("text").asText().length() > 1000);
    assertTrue(d.get("laws").isArray());
    assertEquals(lucene.count(new TermQuery(new Term(Fields.PARENT, id))), d.get("passages").asInt());
    assertTrue(d.get("passages").asInt() > 10);
  }

  @Test
  void fileEndpointReturnsTheOriginalAndNothingElse() throws Exception {
    String rel = "laws/经济法/会计法(2024-06-28).md";
    String id = idOf("corpus", rel);
    Http.Answer a = http.get("/api/documents/" + id + "/file");
    assertEquals(200, a.status());
    assertArrayEquals(Files.readAllBytes(corpus.resolve(rel)), a.body());
    assertTrue(a.contentType().startsWith("text/"), a.contentType());
    for (String smuggled : List.of("/api/documents/..%2F..%2F..%2Fetc%2Fpasswd/file",
        "/api/documents/" + id + "%2F..%2F..%2Fetc%2Fpasswd/file", "/api/documents/%2Fetc%2Fpasswd/file")) {
      Http.Answer s = http.raw(http.base() + smuggled);
      assertEquals(404, s.status(), smuggled);
      assertFalse(s.text().contains("root:"), smuggled);
    }
  }

  @Test
  void similarDocumentsExcludeTheDocumentAndFlagOtherVersions() throws Exception {
    String id = idOf("corpus", "laws/经济法/会计法(2017-11-04).md");
    String other = idOf("corpus", "laws/经济法/会计法(2024-06-28).md");
    JsonNode r = http.json("/api/documents/" + id + "/similar", "size", "10");
    List<String> similar = new ArrayList<>();
    boolean flagged = false;
    for (JsonNode s : r.get("similar")) {
      similar.add(s.get("id").asText());
      if (s.get("id").asText().equals(other)) {
        flagged = s.get("near_duplicate").asBoolean();
      }
    }
    assertFalse(similar.contains(id), "not itself");
    assertTrue(similar.contains(other), "the other version: " + r);
    assertTrue(flagged, "flagged near-duplicate");
    assertTrue(similar.size() <= 10);
    assertEquals(400, http.get("/api/documents/" + id + "/similar", "size", "0").status());
  }

  @Test
  void suggestionsCompleteWordsAndTitles() throws Exception {
    JsonNode r = http.json("/api/suggest", "q", "会计");
    JsonNode list = r.get("suggestions");
    assertTrue(list.size() > 0 && list.size() <= 10, r.toString());
    Set<String> kinds = new HashSet<>();
    for (JsonNode s : list) {
      kinds.add(s.get("kind").asText());
      assertTrue(s.get("text").asText().contains("会计"), s.toString());
    }
    assertTrue(kinds.contains("title"), r.toString());
    assertTrue(r.toString().contains("中华人民共和国会计法"), r.toString());
    assertEquals(0, http.json("/api/suggest", "q", "").get("suggestions").size());
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      http.json("/api/suggest", "q", "人");
    }
    long perCallMs = (System.nanoTime() - start) / 20 / 1_000_000;
    assertTrue(perCallMs < 50, "suggest took " + perCallMs + " ms per call");
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The id the index gave to a file, read back through the API by browsing. */
  static String idOf(String input, String path) throws Exception {
    var hits = lucene.search(new TermQuery(new Term(Fields.PATH, path)), 5);
    for (var sd : hits.scoreDocs) {
      var d = lucene.storedFields().document(sd.doc);
      if (d.get(Fields.ROOT) != null && d.get(Fields.ROOT).endsWith(input)) {
        return d.get(Fields.ID);
      }
    }
    throw new AssertionError("not indexed: " + input + "/" + path);
  }

  /** The id of the seed that holds the hostile paragraph (the last seed). */
  static String idOfPath(Path seedsDir) throws Exception {
    try (var s = Files.list(seedsDir)) {
      String last = s.map(p -> p.getFileName().toString()).sorted().toList().getLast();
      return idOf("seeds", last);
    }
  }

  static List<String> smartcn(String text) throws Exception {
    List<String> out = new ArrayList<>();
    try (Analyzer a = Analyzers.words(); TokenStream ts = a.tokenStream(Fields.TEXT, text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void rootServesAPage() throws Exception {
    Http.Answer a = http.get("/");
    assertEquals(200, a.status());
    assertTrue(a.contentType().startsWith("text/html"), a.contentType());
    assertNotNull(a.text());
  }
}
