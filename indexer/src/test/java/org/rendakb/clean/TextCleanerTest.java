package org.rendakb.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextCleanerTest {
  private final TextCleaner cleaner = new TextCleaner();
  private static final String PDF = "application/pdf";

  @Test
  void htmlFixtureLosesTheSiteAndKeepsTheArticle() throws Exception {
    Path page = Path.of(getClass().getResource("/fixtures/seed-speech-site.html").toURI());
    HtmlCleaner.Page cleaned = new HtmlCleaner().clean(Files.readString(page, StandardCharsets.UTF_8));
    String text = cleaner.clean(cleaned.text(), "text/html");
    for (String clutter : new String[] {"当前位置", "首页", "立法工作", "字号", "打印", "关闭窗口", "分享到", "微博", "上一篇", "下一篇",
        "版权所有", "ICP备", "主办单位", "技术支持", "公网安备", "_hmt"}) {
      assertFalse(text.contains(clutter), "clutter left: " + clutter);
    }
    assertTrue(text.startsWith("在全市人大社会建设工作座谈会上的讲话\n发布时间：2025-03-08 来源：市人大常委会办公室\n"), text.substring(0, 100));
    assertTrue(text.contains("一、202x年工作回顾:多点突破,成果丰硕\n"));
    assertTrue(text.contains("我们在全市不同区域、不同行业精心设立了10个社会发展观察点"));
  }

  @Test
  void aSiteLogoSetAsTheFirstHeadingIsNotThePagesTitle() {
    String html = "<html><head><title>盐都人大网</title></head><body><div class='logo'><h1>盐都人大网</h1></div>"
        + "<h1>盐都人大网</h1><div class='article-title'>盐城市盐都区人民代表大会常务委员会举行宪法宣誓仪式</div>"
        + "<div class='info'>发布日期：2022年07月03日 10:20</div><div id='zoom'><p>7月3日，盐都区人大常委会举行宪法宣誓仪式，"
        + "新任命的国家工作人员面向宪法庄严宣誓。会议强调，要坚持以宪法为根本活动准则，依法履职尽责。</p></div></body></html>";
    HtmlCleaner.Page page = new HtmlCleaner().clean(html);
    assertEquals("盐城市盐都区人民代表大会常务委员会举行宪法宣誓仪式", page.properties().get("html:heading"), "the line nearest above the article");
    assertTrue(page.text().startsWith("盐城市盐都区人民代表大会常务委员会举行宪法宣誓仪式\n发布日期：2022年07月03日 10:20\n7月3日"), page.text());
  }

  @Test
  void aSidebarsLinksAboveTheContentAreNoTitle() {
    String html = "<html><head><title>宿迁人大网</title></head><body><div class='left'><ul><li><a>市人大常委会召开第三十次主任会议</a></li>"
        + "<li><a>市人大常委会开展食品安全法执法检查</a></li></ul></div><div class='right'><div id='zoom'>"
        + "<p>市人大常委会举行宪法宣誓仪式</p><p>7月3日，市人大常委会举行宪法宣誓仪式，新任命的国家工作人员面向宪法庄严宣誓。"
        + "会议强调，要坚持以宪法为根本活动准则，依法履职尽责。</p></div></div></body></html>";
    HtmlCleaner.Page page = new HtmlCleaner().clean(html);
    assertEquals(null, page.properties().get("html:heading"));
    assertTrue(page.text().startsWith("市人大常委会举行宪法宣誓仪式\n7月3日"), page.text());
  }

  @Test
  void toolbarWordsGoOnlyWhereTheyStandAlone() {
    String html = "<html><body><div id='zoom'><p>第一条 单位应当配备打印机和复印设备，并指定专人管理，关闭的设备应当登记。这一段足够长，是正文。</p>"
        + "<p>【打印本页】 【关闭窗口】</p></div></body></html>";
    String text = new HtmlCleaner().clean(html).text();
    assertEquals("第一条 单位应当配备打印机和复印设备，并指定专人管理，关闭的设备应当登记。这一段足够长，是正文。\n", text);
  }

  @Test
  void pdfLineBreaksInsideSentencesAreJoinedAndParagraphsKept() {
    String raw = """
        第一条 为了保护民事主体的合法权益，调整民事关系，维护社会和经济
        秩序，适应中国特色社会主义发展要求，弘扬社会主义核心价值观，根据
        宪法，制定本法。
        第二条 民法调整平等主体的自然人、法人和非法人组织之间的人身关系
        和财产关系。

        第二章 自然人
        第十三条 自然人从出生时起到死亡时止，具有民事权利能力，依法享有
        民事权利，承担民事义务。
        """;
    assertEquals("""
        第一条 为了保护民事主体的合法权益，调整民事关系，维护社会和经济秩序，适应中国特色社会主义发展要求，弘扬社会主义核心价值观，根据宪法，制定本法。
        第二条 民法调整平等主体的自然人、法人和非法人组织之间的人身关系和财产关系。

        第二章 自然人
        第十三条 自然人从出生时起到死亡时止，具有民事权利能力，依法享有民事权利，承担民事义务。""", cleaner.clean(raw, PDF));
  }

  @Test
  void doubleSpacedPdfLinesAreJoinedToo() {
    String raw = "中国是世界上历史最悠久的国家之一。中国各族人民共同创造了光辉灿烂的\n\n文化，具有光荣的革命传统。\n\n"
        + "一八四○年以后，封建的中国逐渐变成半殖民地、半封建的国家。中国人民\n\n为国家独立、民族解放和民主自由进行了前仆后继的英勇奋斗。\n\n"
        + "二十世纪，中国发生了翻天覆地的伟大历史变革。\n\n";
    assertEquals("中国是世界上历史最悠久的国家之一。中国各族人民共同创造了光辉灿烂的文化，具有光荣的革命传统。\n"
        + "一八四○年以后，封建的中国逐渐变成半殖民地、半封建的国家。中国人民为国家独立、民族解放和民主自由进行了前仆后继的英勇奋斗。\n"
        + "二十世纪，中国发生了翻天覆地的伟大历史变革。", cleaner.clean(raw, PDF));
  }

  @Test
  void aFullLineGoesOnAcrossTheParagraphBreakAPdfParserGuessedFromIndents() {
    // PDFBox's text of a LibreOffice PDF: the 题注 centred over two lines, the articles indented on
    // their first line; the parser starts a paragraph one line late each time
    String raw = "重庆市行政执法责任制条例\n2000年 9月 29日 重庆市第一届人民代表大会常务委员会第二十\n\n七次会议通过\n"
        + "2010年 7月 23日 重庆市第三届人民代表大会常务委员会第十八\n\n次会议《关于修改部分地方性法规的决定》修正）\n"
        + "第一条 为了规范行政执法行为，保障和促使行政执法主体依\n\n法行使职权，保护公民、法人和其他组织的合法权益，推进依法治\n"
        + "市，根据有关法律、法规，结合本市实际，制定本条例。\n\n第二条 本市各级行政执法主体均应遵守本条例。\n";
    assertEquals("""
        重庆市行政执法责任制条例
        2000年9月29日 重庆市第一届人民代表大会常务委员会第二十七次会议通过
        2010年7月23日 重庆市第三届人民代表大会常务委员会第十八次会议《关于修改部分地方性法规的决定》修正）
        第一条 为了规范行政执法行为，保障和促使行政执法主体依法行使职权，保护公民、法人和其他组织的合法权益，推进依法治市，根据有关法律、法规，结合本市实际，制定本条例。

        第二条 本市各级行政执法主体均应遵守本条例。""", cleaner.clean(raw, PDF));
  }

  @Test
  void spacesBetweenChineseCharsAndDigitsAreCollapsedButLatinWordsKeepTheirs() {
    assertEquals("2019年3月12日 中华人民共和国 Apache Lucene 索引 第一章 总纲",
        cleaner.clean("2019 年 3 月 12 日 中 华 人 民 共 和 国 Apache Lucene 索引 第一章 总  纲", PDF));
  }

  @Test
  void pageNumberLinesLeavePdfText() {
    assertEquals("第一条 本法自公布之日起施行。\n第二条 本法所称财产。", cleaner.clean("第一条 本法自公布之日起施行。\n- 3 -\n第二条 本法所称财产。\n12\n", PDF));
  }

  @Test
  void otherFormatsKeepTheirLinesAndSpaces() {
    String text = "第一条 本法所称烟叶，是指烤烟叶、晾晒烟叶。第二条\n2019 年";
    assertEquals(text, cleaner.clean(text, "text/plain"));
  }

  @Test
  void zeroWidthAndControlCharsGoNewlinesAreNormalisedBlankRunsTrimmed() {
    String raw = "\uFEFF第一条\u200B 本法\u200D自公布\u0007之日起\u00AD施行。\r\n\r\n\r\n\r\n第二条\t附则\r第三条\u2028完";
    assertEquals("第一条 本法自公布之日起施行。\n\n第二条\t附则\n第三条\n完", cleaner.clean(raw, "text/plain"));
    assertEquals("甲\n乙\n丙丁戊", TextCleaner.lineEndsAndInvisibles("甲\u0085乙\u2029丙\u009F丁\u001F\u2064戊"));
    String clean = "第一条 本法自公布之日起施行。\n第二条\t附则";
    assertTrue(clean == TextCleaner.lineEndsAndInvisibles(clean), "a clean text is not copied");
  }

}
