package org.rendakb.search.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rendakb.search.query.Abbreviations;
import org.rendakb.search.query.StaffQueryParser;

/** What snippets mark and which sentences they show, on texts and parsed queries, without an index. */
class SnippetsTest {
  final StaffQueryParser parser = new StaffQueryParser(Abbreviations.bundled());
  final Snippets snippets = new Snippets();

  List<String> of(String query, String text) {
    return snippets.of(QueryMarks.of(parser.parse(query).description(), List.of()), new String[] {text}).getFirst();
  }

  @Test
  void aWordIsMarkedWhereItsCharactersAppearInARowInTheOriginalForms() {
    assertEquals(List.of("在<mark>北京大学</mark>召开。"), of("北京大学", "在北京大学召开。"));
    assertEquals(List.of("锚<mark>定民生坐</mark>标。"), of("\"定民生坐\"", "锚定民生坐标。"));
    // traditional and full-width text is marked on its own characters
    assertEquals(List.of("中國人民<mark>政治協商會議</mark>。"), of("政治协商会议", "中國人民政治協商會議。"));
    assertEquals(List.of("<mark>ＡＢＣ</mark>法。"), of("abc", "ＡＢＣ法。"));
  }

  @Test
  void latinWordsAndNumbersAreMarkedAsWholeTokensOnly() {
    assertEquals(List.of("onerror=<mark>alert</mark>(1) alerted"), of("alert", "onerror=alert(1) alerted"));
    assertEquals(List.of("<mark>2023</mark>年，20231号。"), of("2023", "2023年，20231号。"));
  }

  @Test
  void aPhraseMatchesAcrossPunctuationAndSpacesAsTheBigramPhraseDoes() {
    assertEquals(List.of("要<mark>依法履职，守正创新</mark>。"), of("\"依法履职 守正创新\"", "要依法履职，守正创新。"));
    assertEquals(List.of("要依法履职和守正创新。"), of("\"依法履职 守正创新\"", "要依法履职和守正创新。"));
  }

  @Test
  void abbreviationsMarkTheirFullFormsAndTitleOnlyOrExcludedTermsAreNotMarked() {
    assertEquals(List.of("<mark>社会建设委员会</mark>开会。"), of("社建委", "社会建设委员会开会。"));
    assertEquals(List.of("社会建设委员会开会。"), of("title:社会建设委员会", "社会建设委员会开会。"));
    assertEquals(List.of("<mark>代表</mark>会议。"), of("代表 -会议", "代表会议。"));
  }

  @Test
  void theBestSentencesComeInTextOrderAndATextWithoutAMatchShowsItsFirstSentence() {
    String text = "第一条 总则。第二条 养老服务。第三条 其他。第四条 养老服务和零工市场。第五条 零工市场。";
    List<String> s = of("养老服务 零工市场", text);
    assertEquals(Snippets.MAX_SNIPPETS, s.size());
    assertTrue(s.get(0).contains("第二条") && s.get(1).contains("第四条") && s.get(2).contains("第五条"), s.toString());
    assertEquals(List.of("第一条 总则。"), of("无关", text));
    assertEquals(List.of(), of("无关", ""));
  }

  @Test
  void sentencesEndAfterTheirTerminatorAndClosingQuotesOrAtALineEnd() {
    String text = "他说：“要依法履职。”然后散会！\n第二行没有句号\n末句?";
    int quoted = text.indexOf("依法");
    assertEquals(0, Sentences.start(text, quoted));
    assertEquals(text.indexOf("然后"), Sentences.end(text, quoted), "the closing quote stays with its sentence");
    assertEquals(text.indexOf("然后"), Sentences.start(text, text.indexOf("散会")));
    assertEquals(text.indexOf("\n第二行"), Sentences.end(text, text.indexOf("散会")));
    assertEquals(text.indexOf("第二行"), Sentences.start(text, text.indexOf("没有")));
    assertEquals(text.indexOf("末句"), Sentences.end(text, text.indexOf("没有")));
    assertEquals(text.length(), Sentences.end(text, text.indexOf("末句")));
  }

  @Test
  void documentTextIsEscaped() {
    List<String> s = of("北京大学", "<script>x</script>北京大学&\"'");
    assertEquals(List.of("&lt;script&gt;x&lt;&#x2F;script&gt;<mark>北京大学</mark>&amp;&quot;&#x27;"), s);
    assertFalse(s.getFirst().contains("<script>"));
  }
}
