package org.rendakb.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddingInputTest {
  @Test
  void aLawIsItsTitleAndItsPurposeArticleNotItsAdoptionLinesOrHeadings() {
    String text = """
        上海口岸服务条例

        2011年11月17日 上海市第十三届人民代表大会常务委员会第三十次会议通过

        2020年5月14日 上海市第十五届人民代表大会常务委员会第二十一次会议《关于修改本市部分地方性法规的决定》第一次修正

        第一章  总则

        第一条 为了规范口岸开放，提高口岸通关效率，保障口岸安全畅通，促进对外开放和经济社会发展，根据国家有关法律、行政法规的规定，结合本市实际，制定本条例。
        """;
    String input = EmbeddingInput.of("上海口岸服务条例", text);
    assertTrue(input.startsWith("上海口岸服务条例\n第一条 为了规范口岸开放"), input);
    assertFalse(input.contains("会议通过"), input);
    assertFalse(input.contains("第一章"), input);
  }

  @Test
  void aReportIsItsTitleAndItsOpeningProseCutToTheOpeningLength() {
    String prose = "今年以来，市人大常委会紧紧围绕全市中心工作，依法履行监督职责，推动民生实事项目落地见效。".repeat(20);
    String input = EmbeddingInput.of("市人大常委会工作报告", "当前位置：首页>工作动态\n" + prose);
    assertTrue(input.startsWith("市人大常委会工作报告\n今年以来"), input);
    assertEquals("市人大常委会工作报告\n".length() + EmbeddingInput.OPENING_CHARS, input.length());
    assertTrue(input.length() <= Embedder.MAX_CHARS);
  }

  @Test
  void aDocumentWithoutTitleOrProseStillHasAnInput() {
    assertEquals("", EmbeddingInput.of(null, null));
    assertEquals("通知", EmbeddingInput.of("通知", "短\n行"));
  }
}
