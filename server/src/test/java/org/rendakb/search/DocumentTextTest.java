package org.rendakb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DocumentTextTest {
  @Test
  void pagesAddUpToTheTextAndNeverSplitASurrogatePair() {
    String text = "甲𠀀乙𠀁丙"; // 𠀀 and 𠀁 are two UTF-16 units each
    StringBuilder whole = new StringBuilder();
    for (int offset = 0; offset < text.length(); ) {
      DocumentText page = DocumentText.of("x", text, offset, 2);
      assertEquals(offset, page.offset());
      assertEquals(text.length(), page.total());
      whole.append(page.text());
      offset += Math.max(1, page.text().length());
    }
    assertEquals(text, whole.toString());
    assertEquals("甲", DocumentText.of("x", text, 0, 2).text(), "cut before the pair, not inside it");
    assertEquals(1, DocumentText.of("x", text, 2, 5).offset(), "an offset inside a pair starts at the pair");
    assertEquals("", DocumentText.of("x", text, 100, 5).text());
    assertEquals("", DocumentText.of("x", null, 0, 5).text());
  }
}
