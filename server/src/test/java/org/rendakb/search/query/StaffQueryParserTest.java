package org.rendakb.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/** How typed queries are read, without an index. */
class StaffQueryParserTest {
  final Abbreviations abbreviations = Abbreviations.bundled();
  final StaffQueryParser parser = new StaffQueryParser(abbreviations);

  @Test
  void abbreviationsExpandBothWaysAndInsideWords() {
    assertTrue(abbreviations.variants("人大常委会").contains("人民代表大会常务委员会"));
    assertTrue(abbreviations.variants("人民代表大会常务委员会").contains("人大常委会"));
    assertTrue(abbreviations.variants("市人大常委会").contains("市人民代表大会常务委员会"), "inside a longer word");
    assertTrue(abbreviations.variants("社建委").contains("社会建设委员会"));
    assertTrue(abbreviations.variants("法工委").contains("法制工作委员会"));
    assertTrue(abbreviations.variants("代表工委").contains("代表工作委员会"));
    assertTrue(abbreviations.variants("财经委").contains("财政经济委员会"));
    assertTrue(abbreviations.variants("人大").contains("人民代表大会"));
    assertTrue(abbreviations.variants("人大常委會").contains("人民代表大会常务委员会"), "traditional folds");
    assertFalse(abbreviations.variants("社会建设委员会").contains("社会委员会"), "no replacement inside a longer member");
    assertTrue(abbreviations.variants("人大常委会").size() <= Abbreviations.MAX_VARIANTS);
    assertEquals(List.of(), abbreviations.variants("预算"));
  }

  @Test
  void staffSyntaxIsUnderstood() {
    QueryDescription d = parser.parse("代表 “依法履职” OR title:建议 -会议").description();
    assertEquals(2, d.all().size());
    assertEquals("代表", d.all().get(0).get(0).text());
    assertEquals("phrase", d.all().get(1).get(0).kind());
    assertEquals("title", d.all().get(1).get(1).field());
    assertEquals("会议", d.none().get(0).text());
    assertEquals("+代表 +(\"依法履职\" OR title:建议) -会议", d.parsed());
  }

  @Test
  void oddInputNeverFails() {
    for (String q : List.of("\"", "(", "-", "OR", "OR OR", "a OR", "-\"x", "title:", "，。！", "（）【】", "\"\"", "𠀀𠀁", "")) {
      ParsedQuery p = parser.parse(q);
      assertTrue(p.query() != null, q);
    }
    assertTrue(parser.parse("，。！").browse(), "punctuation only is no search");
    assertEquals(List.of("("), parser.parse("(人民").description().ignored());
    assertTrue(parser.parse("字".repeat(1000)).description().truncated());
    assertEquals(StaffQueryParser.MAX_TERMS, parser.parse("甲乙 ".repeat(40)).description().all().size());
  }

  @Test
  void aYearRanksButExcludesNothing() {
    assertEquals(2018, StaffQueryParser.year("２０１８年"));
    assertEquals(1998, StaffQueryParser.year("1998"));
    assertEquals(null, StaffQueryParser.year("12345"));
    ParsedQuery q = parser.parse("职业病防治法 ２０１８");
    assertEquals(java.util.Set.of(2018), q.years());
    assertEquals(1, q.description().all().size(), "only the title words are required");
    assertEquals("２０１８", q.description().optional().getFirst().text());
    assertEquals("+职业病防治法 ２０１８", q.description().parsed());
    ParsedQuery alone = parser.parse("2018");
    assertEquals(1, alone.description().all().size(), "a year alone is what is searched for");
    assertTrue(alone.description().optional().isEmpty());
  }

  @Test
  void partialMatchesLackAWordOrAPieceOfALongWord() {
    assertEquals(List.of("市人大社会建设委", "上半年"), parts("市人大社会建设委 上半年"), "words as typed, not their variants");
    assertEquals(List.of("代表 OR 委员", "建议"), parts("代表 OR 委员 建议"));
    assertEquals(List.of("消防", "立法", "调研"), parts("消防立法调研"));
    assertEquals(List.of("民生", "实事", "项目", "票决"), parts("民生实事项目票决"), "票 决, cut apart by smartcn, stay one piece");
    assertEquals(List.of("修改", "代表法"), parts("新修改代表法"), "新 alone is no piece; 法 ends the name before it");
    assertEquals(List.of("普惠", "托育"), parts("普惠托育"), "a long run of single characters goes in pairs");
    assertEquals(List.of("农药", "管理", "条例"), parts("农药管理条例 2017"), "a year is no part: it excludes nothing");
    assertNull(parser.parse("代表").partial(), "one piece: nothing to lack");
    assertNull(parser.parse("\"依法履职\"").partial(), "an exact phrase is asked for whole");
    assertNull(parser.parse("").partial());
  }

  @Test
  void theTailStaysWithinLucenesClauseLimit() {
    String many = String.join(" ", java.util.Collections.nCopies(StaffQueryParser.MAX_TERMS, "浙江省人大常委会社会建设委员会"))
        .replace("浙江省", "省");
    for (String q : List.of(many, "浙江省各级人民代表大会常务委员会讨论决定重大事项的规定实施办法和程序的若干规定以及相关工作制度的建设完善")) {
      ParsedQuery p = parser.parse(q);
      int limit = org.apache.lucene.search.IndexSearcher.getMaxClauseCount();
      assertTrue(StaffQueryParser.leaves(p.query()) < limit, q);
      if (p.partial() != null) {
        Query tail = p.partial().excluding(p.query());
        assertTrue(StaffQueryParser.leaves(tail) < limit - 100, "room for filters: " + StaffQueryParser.leaves(tail));
      }
    }
  }

  private List<String> parts(String q) {
    return parser.parse(q).partial().parts().stream().map(QueryPart::text).toList();
  }
}
