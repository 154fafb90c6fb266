package org.rendakb.search.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.api.ServerFixture;
import org.rendakb.search.SearchRequest;
import org.rendakb.search.SearchResult;
import org.rendakb.search.SearchService;

/**
 * Snippets of search hits over a real index: drawn from the hit's own passages, the best ones for
 * the query wherever they stand in a long text, and from the whole text where no passage holds the
 * query's words as a phrase.
 */
class PassageSnippetsTest {
  /** A long text whose only mention of 零工市场 is its last article, after hundreds of others. */
  static final String LONG = "某市就业促进条例\n"
      + IntStream.rangeClosed(1, 400).mapToObj(i -> "第" + i + "条 用人单位应当依法履行就业促进义务。")
          .collect(Collectors.joining("\n"))
      + "\n第四百零一条 人民政府应当建设零工市场，为灵活就业人员提供岗位信息。\n";

  @RegisterExtension static final ServerFixture texts = ServerFixture.empty().folder("docs", docs -> {
    Files.writeString(docs.resolve("long.txt"), LONG, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("hostile.txt"),
        "养老服务工作报告\n养老服务<script>alert(1)</script>机构建设加快推进。\n其他工作。\n", StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("split.txt"), "会议纪要\n会议强调依法履职。守正创新是要求。\n", StandardCharsets.UTF_8);
  }).threads(1).serviceOnly().build();
  static SearchService search;

  @BeforeAll
  static void open() {
    search = texts.service();
  }

  static List<String> snippetsOf(String query, String title) throws Exception {
    SearchResult result = search.search(SearchRequest.of(query));
    return result.hits().stream().filter(h -> h.title().equals(title)).findFirst().orElseThrow().snippets();
  }

  @Test
  void aMatchDeepInALongTextIsFoundAndMarked() throws Exception {
    assertEquals(List.of("第四百零一条 人民政府应当建设<mark>零工市场</mark>，为灵活就业人员提供岗位信息。"),
        snippetsOf("零工市场", "某市就业促进条例"));
  }

  @Test
  void thePassagesHoldingTheMostQueryWordsAreShownInTextOrderAndEscaped() throws Exception {
    List<String> s = snippetsOf("养老服务 机构建设", "养老服务工作报告");
    assertEquals("<mark>养老服务</mark>&lt;script&gt;alert(1)&lt;&#x2F;script&gt;<mark>机构建设</mark>加快推进。", s.getLast(), s.toString());
    assertTrue(s.size() <= Snippets.MAX_SNIPPETS && s.stream().noneMatch(x -> x.contains("<script")), s.toString());
  }

  @Test
  void aPhraseAcrossTwoSentencesFallsBackToTheWholeText() throws Exception {
    // no passage holds both halves; the whole text does, across the full stop, and its snippet is the
    // sentence where the match starts
    assertEquals(List.of("会议强调<mark>依法履职。</mark>"), snippetsOf("\"依法履职 守正创新\"", "会议纪要"));
  }

  @Test
  void aBrowseWithoutWordsShowsEachHitsFirstPassage() throws Exception {
    SearchResult result = search.search(SearchRequest.of(""));
    var hit = result.hits().stream().filter(h -> h.title().equals("某市就业促进条例")).findFirst().orElseThrow();
    assertEquals(List.of("某市就业促进条例"), hit.snippets());
  }
}
