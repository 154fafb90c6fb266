package org.rendakb.precedent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which passages begin an article, as laws are laid out in Markdown, Word and web copies. */
class ArticlesTest {
  @Test
  void anArticleNumberAtTheStartOfAPassageNamesItsArticle() {
    assertEquals("第七条", Articles.article("第七条 县级以上人民政府应当加强领导。"));
    assertEquals("第七条", Articles.article("第七条\u3000县级以上人民政府应当加强领导。"));
    assertEquals("第十二条之一", Articles.article("第十二条之一 本条例所称……"));
    assertEquals("第108条", Articles.article("第108条 数字编号的条文"));
    assertEquals("第三条", Articles.article("第三条【基本原则】养老服务应当……"));
  }

  @Test
  void aMentionOfAnArticleInsideASentenceIsNotOne() {
    assertNull(Articles.article("依照本法第七条的规定处理。"));
    assertNull(Articles.article("第七条规定的情形，由……"));
    assertNull(Articles.article("第一章 总则"));
  }
}
