package org.rendakb.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rendakb.clean.TextCleaner;

/**
 * Reading rules on the text shapes that PDFs and pasted 公文 give, each through the real cleaner and
 * extractor: what a reader sees as one line is read as one, and an organ is named as it signs.
 */
class ReadingRulesTest {
  private final MetadataExtractor extractor = new MetadataExtractor();
  private static final String BODY = "为做好全国人大代表视察活动服务保障，现将有关事项函商如下：\n请按照有关要求认真做好服务保障工作，确保视察活动顺利进行。\n特此函告。\n";

  private DocumentMetadata pdf(String name, String raw) {
    return extractor.extract(new MetadataInput(name, new TextCleaner().clean(raw, "application/pdf"), Map.of()));
  }

  @Test
  void aMarkAndATitleThePageEdgeBrokeAreReadWhole() {
    DocumentMetadata m = pdf("附件3.pdf", "294206\n机密★1年\n\n郑州市人民代表大会常务委员会文\n件\n\n郑人常函〔2016〕32号\n\n"
        + "关于商请做好全国人大代表视察活动服务保障的\n函\n\n省人民代表大会常务委员会：\n" + BODY + "二〇一六年六月十三日\n"
        + "郑州市人大常委会办公室　　　　2016年6月17日印发\n");
    assertEquals("关于商请做好全国人大代表视察活动服务保障的函", m.title());
    assertEquals(DocType.LETTER, m.type());
    assertEquals("郑州市人民代表大会常务委员会", m.body(), "the 发文机关标志, whole");
    assertEquals(LocalDate.of(2016, 6, 13), m.date());
    assertEquals("郑人常函〔2016〕32号", m.official().docNumber());
  }

  @Test
  void aSignatureAndItsDateOnOneLineAreBoth() {
    DocumentMetadata m = pdf("都人发〔2020〕53号.pdf", "盐城市盐都区人民代表大会常务委\n员会文件\n\n都人发〔2020〕53号\n\n"
        + "关于组织开展宪法宣传周活动的意见\n各有关单位：\n" + BODY + "盐城市盐都区人民代表大会常务委员会二〇二〇年十二月七日\n\n（此件公开发布）\n"
        + "盐都区人大常委会办公室　　　　2020年12月12日印发\n");
    assertEquals(LocalDate.of(2020, 12, 7), m.date());
    assertEquals("落款", m.sources().get("date"));
    assertEquals("盐城市盐都区人民代表大会常务委员会", m.body());
    assertEquals("署名", m.sources().get("body"));
  }

  @Test
  void aDisclosurePagesCatalogueIsNoTitleButNamesTheTitleAndTheOrgan() {
    DocumentMetadata m = extractor.extract(new MetadataInput("pasted.txt", "索引号：014041526/2021-00123\n主题分类：综合政务\n"
        + "发布机构：湖北省人大常委会办公厅\n成文日期：2021-03-15\n发布日期：2021-03-18\n标题：湖北省人民代表大会常务委员会办公厅公告\n"
        + "湖北省人民代表大会常务委员会办公厅公告\n根据有关法律规定，现就做好代表视察服务保障有关事项公告如下：\n一、请各单位做好服务保障。\n"
        + "二〇二一年三月十五日\n", Map.of()));
    assertEquals("湖北省人民代表大会常务委员会办公厅公告", m.title());
    assertEquals(DocType.ANNOUNCEMENT, m.type());
    assertEquals(LocalDate.of(2021, 3, 15), m.date());
    assertEquals("湖北省人民代表大会常务委员会办公厅", m.body(), "the catalogue's 发布机构, the only organ stated");
    assertEquals(LocalDate.of(2021, 3, 18), m.official().published());
  }

  @Test
  void aRunningHeaderAndAnEmptyPageNumberStandAboveTheTitleWithoutBeingIt() {
    DocumentMetadata m = extractor.extract(new MetadataInput("law-33.odt", "广东省人民代表大会常务委员会公报\n—  —\n广东省城镇华侨房屋征收补偿规定\n"
        + "1995年5月9日 广东省第八届人民代表大会常务委员会第十五次会议通过\n第一条 为妥善处理城镇华侨房屋的征收补偿，制定本规定。\n", Map.of()));
    assertEquals("广东省城镇华侨房屋征收补偿规定", m.title());
    assertEquals(DocType.LOCAL_REGULATION, m.type());
  }

  @Test
  void aDateOpeningALineOfPageInformationIsThePagesDate() {
    DocumentMetadata m = extractor.extract(new MetadataInput("copied.txt", "分享到： 微信 微博 QQ空间\n政府工作报告\n"
        + "2023年09月07日 17:20　　来源：广州市人民政府　　【字号 大 中 小】\n各位代表：\n现在，我代表广州市人民政府，向大会报告政府工作，请予审议。\n", Map.of()));
    assertEquals("政府工作报告", m.title());
    assertEquals(LocalDate.of(2023, 9, 7), m.date());
  }

  @Test
  void aLeadInEndingWithAColonIsNoAddressee() {
    DocumentMetadata m = extractor.extract(new MetadataInput("x.txt", "昆明市人大常委会文件\n昆明市人大常委会第十四次主任会议纪要\n"
        + "会议听取了关于做好人大代表履职学习培训情况的汇报，现将会议议定事项纪要如下：\n一、会议同意。\n二〇一五年八月二十三日\n", Map.of()));
    assertEquals(null, m.official().addressee());
    assertEquals(DocType.MINUTES, m.type());
  }

  @Test
  void aDistrictsOrganIsNamedWithItsCityACountysWithout() {
    DocumentMetadata district = extractor.extract(new MetadataInput("纪要.txt", "盐都区人大常委会文件\n盐都区人大常委会第十三次主任会议纪要\n"
        + "会议听取了关于做好人大代表履职学习培训情况的汇报，现将会议议定事项纪要如下：\n一、会议同意。\n二〇一四年四月十一日\n", Map.of()));
    assertEquals("盐城市盐都区人民代表大会常务委员会", district.body(), "盐都区 is a district of 盐城市");
    assertEquals("江苏", district.region());
    DocumentMetadata county = extractor.extract(new MetadataInput("纪要.txt", "沭阳县人大常委会文件\n沭阳县人大常委会第八次主任会议纪要\n"
        + "会议听取了关于做好人大代表履职学习培训情况的汇报，现将会议议定事项纪要如下：\n一、会议同意。\n二〇一四年四月十一日\n", Map.of()));
    assertEquals("沭阳县人民代表大会常务委员会", county.body(), "a county signs without its city");
    // a city the hand-kept places do not list, and a district whose name only one city has
    DocumentMetadata far = extractor.extract(new MetadataInput("函.txt", "昭阳区人大常委会文件\n昭人发〔2023〕5号\n关于商请做好代表视察服务保障的函\n"
        + "各有关单位：\n" + BODY + "昭阳区人大常委会\n2023年5月6日\n", Map.of()));
    assertEquals("昭通市昭阳区人民代表大会常务委员会", far.body());
    assertEquals("云南", far.region());
  }

  @Test
  void aDistrictNameSeveralCitiesHaveTakesTheCityOfTheDocumentsProvince() {
    DocumentMetadata m = extractor.extract(new MetadataInput("函.txt", "鼓楼区人大常委会文件\n鼓人发〔2023〕5号\n关于商请做好代表视察服务保障的函\n"
        + "福建省人民代表大会常务委员会：\n" + BODY + "鼓楼区人大常委会\n2023年5月6日\n", Map.of()));
    assertEquals("福州市鼓楼区人民代表大会常务委员会", m.body(), "of the four 鼓楼区, 福建's is 福州's");
    DocumentMetadata unknown = extractor.extract(new MetadataInput("函.txt", "鼓楼区人大常委会文件\n鼓人发〔2023〕5号\n关于商请做好代表视察服务保障的函\n"
        + "各有关单位：\n" + BODY + "鼓楼区人大常委会\n2023年5月6日\n", Map.of()));
    assertEquals("鼓楼区人民代表大会常务委员会", unknown.body(), "南京, 福州, 徐州 and 开封 each have one: no guess");
  }

  @Test
  void whatOcrMakesOfAScannedGongwenIsReadAsItsReaderReadsIt() {
    // Tesseract's reading of scanned 公文: a 发文字号 whose abbreviation or 号 it lost, a title run
    // into its 主送机关, a 落款 date with a 〇 too many, a 署名 short of its end
    String body = "为召开第十五次会议，根据有关规定，现将有关事项通知如下: .\n本办法自2016年1月1日起施行。\n特此通知。\n";
    DocumentMetadata merged = extractor.extract(new MetadataInput("扫描件2.pdf", "机密女1年\n\n宿迁市人民代表大会常务委员会\n\n"
        + "BARRA (2019) 14号\n\n关于召开宿迁市第十七届人民代表大会常务委员会第十五次会议的通知省人民代表大会常务委员会 :\n\n" + body
        + "宿迁市人民代表大会常务委员会\n二〇〇一九年三月十六日\n(此件公开发布 )\n宿迁市人大常委会办公室2019年3月19日印发\n", Map.of()));
    assertEquals("关于召开宿迁市第十七届人民代表大会常务委员会第十五次会议的通知", merged.title());
    assertEquals(DocType.NOTICE, merged.type());
    assertEquals("省人民代表大会常务委员会", merged.official().addressee());
    assertEquals(LocalDate.of(2019, 3, 19), merged.date());
    assertEquals("印发日期", merged.sources().get("date"));

    for (String number : List.of("MARR (2019) 97号", "宿人常发图【2022 ] 975", "BR (2014) 298签发人: 刘海燕", "长人常发2014 ] 29号    签发人:刘海燕")) {
      DocumentMetadata m = extractor.extract(new MetadataInput("扫描件.pdf", "呼和浩特市人大常委会文件\n\n" + number + "\n\n"
          + "关于商请做好人大代表履职学习培训的函\n省人民代表大会常务委员会 :\n" + BODY + "呼和浩特市人民代表大会常务委\n2019年10月1日\n", Map.of()));
      assertEquals("关于商请做好人大代表履职学习培训的函", m.title(), number);
      assertEquals("呼和浩特市人民代表大会常务委员会", m.body(), "the 发文机关标志 in full, not the 署名 cut short");
      assertEquals(LocalDate.of(2019, 10, 1), m.date());
    }
  }
}
