package org.rendakb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.api.ServerFixture;
import org.rendakb.search.query.Weights;

/**
 * Ranking by the search service over a small real index on disk, below HTTP: each pair of files
 * differs in one thing the ranking is meant to weigh, and nothing else.
 */
class RankingTest {
  @RegisterExtension static final ServerFixture texts = ServerFixture.empty().folder("docs", RankingTest::write)
      .serviceOnly().build();
  static SearchService search;

  @BeforeAll
  static void open() {
    search = texts.service();
  }

  private static void write(Path docs) throws IOException {
    // the query's words in the title against the same words more often in the body
    file(docs, "title.txt", "关于养老服务的讲话", "讲话", "2024-01-10", "同志们，今天讨论社区事务。养老服务要做好。");
    file(docs, "body.txt", "关于社区工作的讲话", "讲话", "2024-01-10", "养老服务很重要。养老服务要加强。养老服务要落实。");
    // the same text, one a document of the congress's own work, one a law
    file(docs, "speech.txt", "第一号文件", "讲话", "2023-03-01", "推进河道治理工作，落实河长制度。");
    file(docs, "law.txt", "第二号文件", "法律", "2023-03-01", "推进河道治理工作，落实河长制度。");
    // the same score: the order is the ids'
    file(docs, "same-a.txt", "同题讲话", "讲话", "2022-06-01", "加强湿地保护，完善制度，甲。");
    file(docs, "same-b.txt", "同题讲话", "讲话", "2022-06-01", "加强湿地保护，完善制度，乙。");
    // one holds both words, one only the first
    file(docs, "both.txt", "湖泊治理讲话", "讲话", "2021-09-01", "开展湖泊清淤，推动渔业转产。");
    file(docs, "one.txt", "水域工作讲话", "讲话", "2021-09-01", "开展湖泊清淤，完善监测网络。");
    // two versions of one regulation
    file(docs, "v2016.txt", "某市河湖管理条例", "地方性法规", "2016-05-01", "第一条 为了加强河湖管理，制定本条例。");
    file(docs, "v2018.txt", "某市河湖管理条例", "地方性法规", "2018-05-01", "第一条 为了加强河湖管理，保护水生态，制定本条例。");
  }

  private static void file(Path docs, String name, String title, String type, String date, String body) throws IOException {
    Files.writeString(docs.resolve(name), title + "\n" + body + "\n", StandardCharsets.UTF_8);
    Files.writeString(docs.resolve(name + ".meta.json"),
        "{\"title\": \"" + title + "\", \"type\": \"" + type + "\", \"date\": \"" + date + "\"}", StandardCharsets.UTF_8);
  }

  static List<SearchResult.Hit> hits(String q, boolean foldVersions) throws Exception {
    return search.search(new SearchRequest(q, Map.of(), null, null, null, 1, 10, foldVersions)).hits();
  }

  /** The hits that match every word (the partial matches after them hold a piece of a word). */
  static List<SearchResult.Hit> full(String q) throws Exception {
    return hits(q, true).stream().filter(h -> !h.partial()).toList();
  }

  static List<String> paths(List<SearchResult.Hit> hits) {
    return hits.stream().map(SearchResult.Hit::path).toList();
  }

  @Test
  void theWordsInTheTitleOutrankTheSameWordsMoreOftenInTheBody() throws Exception {
    assertEquals(List.of("title.txt", "body.txt"), paths(full("养老服务")));
  }

  @Test
  void aDocumentOfTheCongresssOwnWorkIsAheadOfALawByTheConstantPrior() throws Exception {
    List<SearchResult.Hit> hits = full("河道治理");
    assertEquals(List.of("speech.txt", "law.txt"), paths(hits));
    assertEquals(Weights.WORK_DOCUMENT, hits.get(0).score() - hits.get(1).score(), 1e-3,
        "the texts are the same, so the prior is the whole difference");
  }

  @Test
  void equalScoresAreOrderedById() throws Exception {
    List<SearchResult.Hit> hits = full("湿地保护");
    assertEquals(2, hits.size());
    assertEquals(hits.get(0).score(), hits.get(1).score(), 1e-6);
    assertTrue(hits.get(0).id().compareTo(hits.get(1).id()) < 0, hits.toString());
  }

  @Test
  void fullMatchesComeFirstThenPartialOnesSayingWhatTheyLack() throws Exception {
    SearchResult r = search.search(SearchRequest.of("湖泊清淤 渔业转产"));
    assertEquals(1, r.total());
    assertEquals(List.of("both.txt", "one.txt"), paths(r.hits()));
    assertFalse(r.hits().get(0).partial());
    assertTrue(r.hits().get(1).partial());
    assertEquals(List.of("渔业转产"), r.hits().get(1).missing());
    assertEquals(List.of("one.txt"), paths(hits("湖泊清淤 -渔业转产", true)), "an excluded word drops the document");
  }

  @Test
  void aYearRanksItsVersionFirstAndTheVersionsFoldIntoOneHit() throws Exception {
    assertEquals(List.of("v2018.txt", "v2016.txt"), paths(hits("河湖管理条例 2018", false)));
    assertEquals(List.of("v2016.txt", "v2018.txt"), paths(hits("河湖管理条例 2016", false)));
    List<SearchResult.Hit> folded = hits("河湖管理条例 2016", true);
    assertEquals(List.of("v2016.txt"), paths(folded), "the version of the year the query names is shown");
    assertEquals(1, folded.getFirst().versions().size());
  }
}
