package org.rendakb.ocr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which readings of a page are taken for strips of columns and read again as one column. */
class TesseractTest {
  @Test
  void aHeadReadDownThePageInStripsIsReadAgain() {
    // Tesseract's reading of a scanned 上行文 whose 发文字号 and 签发人 share a line
    assertTrue(Tesseract.readAsColumns("机密\n特急\n长沙\n长人\n关于\n市人\n\n* EE\n市人大常委会文件\nBR (2014) 298签发人: 刘海燕\n"
        + "做好人大代表履职学习培训的请示\n民政府:\n"));
  }

  @Test
  void aGongwenHeadAndAPageOfProseAreNot() {
    assertFalse(Tesseract.readAsColumns("000123\n机密★1年\n特急\n长沙市人大常委会文件\n长人常发〔2014〕29号　签发人：刘海燕\n"
        + "关于做好人大代表履职学习培训的请示\n市人民政府：\n为做好人大代表履职学习培训，现将有关事项请示如下：\n"));
    assertFalse(Tesseract.readAsColumns("我们在前进中还存在一些问题和困难。\n去年我在政府工作报告中曾提出，要把全年商品零售物价\n"
        + "上涨幅度控制在百分之十以内。\n一、\n二、\n"));
    // a table's first rows: numbers and short cells
    assertFalse(Tesseract.readAsColumns("附件1\n序号\n1\n2\n3\n4\n5\n合计\n"));
  }
}
