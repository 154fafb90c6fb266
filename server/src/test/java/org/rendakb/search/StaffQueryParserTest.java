package org.rendakb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
  void yearsAreReadInAnyWidthAndLooseReadingNeedsALongerWord() {
    assertEquals(2018, StaffQueryParser.year("２０１８年"));
    assertEquals(1998, StaffQueryParser.year("1998"));
    assertEquals(null, StaffQueryParser.year("12345"));
    ParsedQuery q = parser.parse("职业病防治法 ２０１８");
    assertEquals(java.util.Set.of(2018), q.years());
    assertTrue(q.loose() != null, "a word of three or more characters can be read loosely");
    assertEquals(null, parser.parse("青岛 燃气").loose(), "two-character words are only read as typed");
    assertFalse(q.description().loose());
    assertTrue(q.description().readLoosely().loose());
  }
}
