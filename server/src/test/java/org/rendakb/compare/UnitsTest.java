package org.rendakb.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How texts are cut into the units a 对照表 aligns, and how renumbered articles align. */
class UnitsTest {
  @Test
  void articlesRunToTheNextArticleOrHeading() {
    List<Unit> units = Units.of("""
        某某条例
        第一章 总则
        第一条 为了规范工作，制定本条例。
        第二条 本条例适用于本市。
        前款所称工作，是指代表工作。
        第二章 附则
        第三条 本条例自公布之日起施行。
        """);
    assertEquals(List.of("", "", "第一条", "第二条", "", "第三条"), units.stream().map(Unit::label).toList());
    assertEquals("第二条 本条例适用于本市。\n前款所称工作，是指代表工作。", units.get(3).text());
    assertEquals("本条例适用于本市前款所称工作是指代表工作", units.get(3).body());
  }

  @Test
  void aReportInNumberedSectionsIsCutIntoSectionsWithTheirParagraphs() {
    List<Unit> units = Units.of("""
        常委会工作报告
        一、加强地方立法
        制定条例五件。
        修改条例三件。
        二、加强监督工作
        听取专项工作报告六个。
        三、加强代表工作
        办理代表建议一百件。
        """);
    assertEquals(List.of("", "一、", "二、", "三、"), units.stream().map(Unit::label).toList());
    assertEquals("一、加强地方立法\n制定条例五件。\n修改条例三件。", units.get(1).text());
  }

  @Test
  void aReportWithoutArticlesIsCutIntoParagraphs() {
    List<Unit> units = Units.of("政府工作报告\n\n一年来，我们做了大量工作。\n\n今年要抓好以下工作。\n");
    assertEquals(3, units.size());
  }

  @Test
  void anInsertedArticlePushesTheOthersOnButTheyStillAlign() {
    List<Unit> a = Units.of("第一条 甲项工作由县级以上人民政府负责。\n第二条 乙项工作应当依法开展。\n第三条 本办法自发布之日起施行。");
    List<Unit> b = Units.of("第一条 甲项工作由县级以上人民政府负责。\n第二条 收养登记工作应当坚持党的领导。\n"
        + "第三条 乙项工作应当依法开展。\n第四条 本办法自发布之日起施行。");
    assertEquals(List.of(new Alignment.Pair(0, 0), new Alignment.Pair(-1, 1), new Alignment.Pair(1, 2), new Alignment.Pair(2, 3)),
        Alignment.of(a, b));
  }
}
