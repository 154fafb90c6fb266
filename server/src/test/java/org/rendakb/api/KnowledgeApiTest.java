package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.eval.CorpusIndex;
import org.rendakb.eval.PrecedentEvaluation;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;

/** Precedents, laws, bodies and committees through real HTTP over the whole corpus and the seeds. */
class KnowledgeApiTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.corpusIndex(CorpusIndex::get).build();
  static Http http;
  static IndexSearcher lucene;

  @BeforeAll
  static void start() throws Exception {
    http = server.http();
    lucene = server.lucene();
  }

  static String unmark(JsonNode hit) {
    return hit.get("passage").asText().replace("<mark>", "").replace("</mark>", "");
  }

  @Test
  void exactSwappedDroppedReorderedAndFragmentQueriesFindTheirSentence() throws Exception {
    List<PrecedentEvaluation.PrecedentQuery> queries =
        PrecedentEvaluation.load(Path.of("src/test/resources/eval/precedent-queries.jsonl"));
    for (String kind : List.of("exact", "swap", "drop", "reorder", "fragment")) {
      int found = 0;
      List<PrecedentEvaluation.PrecedentQuery> ofKind = queries.stream().filter(q -> q.kind().equals(kind)).limit(5).toList();
      for (PrecedentEvaluation.PrecedentQuery q : ofKind) {
        JsonNode r = http.json("/api/precedents", "q", q.query(), "size", "10");
        for (JsonNode hit : r.get("hits")) {
          if (unmark(hit).replaceAll("\\s", "").equals(q.expected().replaceAll("\\s", ""))) {
            found++;
            break;
          }
        }
      }
      assertTrue(found >= 4, kind + ": only " + found + " of 5 found their sentence in the top 10");
    }
    JsonNode exact = http.json("/api/precedents", "q", queries.get(0).query());
    assertEquals("exact", exact.get("hits").get(0).get("match").asText(), "an exact occurrence comes first and says so");
    assertTrue(exact.get("hits").get(0).get("passage").asText().contains("<mark>"));
  }

  @Test
  void versionsOfOneLawAreGroupedUnderTheNewest() throws Exception {
    JsonNode r = http.json("/api/precedents", "q", "任何单位不得以虚假的经济业务事项或者资料进行会计核算。");
    JsonNode first = r.get("hits").get(0);
    assertEquals("中华人民共和国会计法", first.get("title").asText());
    assertEquals("2024-06-28", first.get("date").asText(), "the newest version represents the group");
    assertTrue(first.get("other_versions").asInt() >= 1, first.toString());
    Set<String> passages = new HashSet<>();
    for (JsonNode hit : r.get("hits")) {
      assertTrue(passages.add(unmark(hit)), "one boilerplate sentence does not fill the page: " + unmark(hit));
    }
  }

  @Test
  void aPhraseTimelineCountsTheDocumentsOfEachYearLikeADirectQuery() throws Exception {
    String phrase = "民生实事";
    JsonNode r = http.json("/api/precedents", "q", phrase);
    Map<Integer, Integer> api = new TreeMap<>();
    for (JsonNode y : r.get("timeline")) {
      api.put(y.get("year").asInt(), y.get("count").asInt());
    }
    var query = new BooleanQuery.Builder()
        .add(new QueryBuilder(Analyzers.bigrams()).createPhraseQuery(Fields.PASSAGE_BIGRAMS, phrase), Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), Occur.FILTER).build();
    Map<Integer, Set<String>> direct = new HashMap<>();
    for (ScoreDoc sd : lucene.search(query, 100_000).scoreDocs) {
      String parent = lucene.storedFields().document(sd.doc).get(Fields.PARENT);
      var doc = lucene.storedFields().document(lucene.search(new TermQuery(new Term(Fields.ID, parent)), 1).scoreDocs[0].doc);
      if (doc.getField(Fields.YEAR) != null) {
        direct.computeIfAbsent(doc.getField(Fields.YEAR).numericValue().intValue(), y -> new HashSet<>()).add(parent);
      }
    }
    Map<Integer, Integer> expected = new TreeMap<>();
    direct.forEach((year, parents) -> expected.put(year, parents.size()));
    assertFalse(expected.isEmpty());
    assertEquals(expected, api);
  }

  @Test
  void aShortCitationIsTheSameLawAndLinksToTheLawsOwnText() throws Exception {
    JsonNode list = http.json("/api/laws", "q", "残疾人保障法");
    assertTrue(list.get("laws").toString().contains("\"中华人民共和国残疾人保障法\""), list.toString());
    JsonNode page = http.json("/api/laws/" + java.net.URLEncoder.encode("《残疾人保障法》", "UTF-8").replace("+", "%20"));
    assertEquals("中华人民共和国残疾人保障法", page.get("name").asText(), "the short form resolves to the full title");
    boolean seedCites = false;
    for (JsonNode d : page.get("citing")) {
      seedCites |= d.get("path").asText().startsWith("000_");
    }
    assertTrue(seedCites, "seed 000 cites the law: " + page.get("citing"));
    JsonNode text = page.get("text");
    assertNotNull(text, "the corpus holds the law's own text");
    assertEquals("中华人民共和国残疾人保障法", text.get("title").asText());
  }

  @Test
  void bodiesAndCommitteesAreListedWithTheirYears() throws Exception {
    JsonNode bodies = http.json("/api/bodies").get("bodies");
    boolean suqian = false;
    for (JsonNode b : bodies) {
      if (b.get("name").asText().equals("宿迁市人民代表大会常务委员会")) {
        suqian = true;
        assertTrue(b.get("by_year").has("2025"), b.toString());
      }
    }
    assertTrue(suqian, "the seeds' body is listed");
    assertTrue(http.json("/api/committees").get("committees").toString().contains("社会建设委员会"));
  }

  @Test
  void badPrecedentParametersAreRefusedInWords() throws Exception {
    assertEquals(400, http.get("/api/precedents").status());
    assertTrue(http.get("/api/precedents").json().get("error").asText().contains("q is required"));
    assertEquals(400, http.get("/api/precedents", "q", "依法履职", "size", "0").status());
    assertEquals(400, http.get("/api/precedents", "q", "。，！").status());
  }
}
