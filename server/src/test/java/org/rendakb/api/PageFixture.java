package org.rendakb.api;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rendakb.ServerConfig;

/**
 * Files for the page's features, written by the test: a UTF-8 and a GB18030 text, a GBK web page
 * that declares its charset, a law in articles (Markdown, as the corpus has them), and 25 reports
 * from 25 standing committees of 25 provinces over 2001–2025 with a gap (sidecar catalogue
 * entries, so every facet value is known), one of them naming 社会建设委员会 in full.
 */
final class PageFixture {
  static final Charset GB18030 = Charset.forName("GB18030");
  static final Charset GBK = Charset.forName("GBK");
  static final String UTF8_LINE = "关于加强养老服务体系建设的调研报告：朱镕基同志曾强调民生。";
  static final String GB_LINE = "关于推进基层立法联系点工作的情况报告：镕字也要读对。";
  static final String HTML_LINE = "常委会召开专题询问会议，听取政府关于生态环境保护工作的报告。";
  static final String LAW_TITLE = "某省养老服务促进条例";
  static final String ARTICLE_TWO_FIRST = "第二条 各级人民政府应当加强对养老服务工作的领导，建立健全养老服务体系。";
  static final String ARTICLE_TWO_SECOND = "县级以上地方人民政府应当将养老服务设施建设纳入国土空间规划并保障用地需求。";
  /** A word only the 25 reports hold: a search for it selects them among other files. */
  static final String MARKER = "梧桐山";
  static final String PROVINCES = "北京市,天津市,河北省,山西省,内蒙古自治区,辽宁省,吉林省,黑龙江省,上海市,江苏省,浙江省,安徽省,"
      + "福建省,江西省,山东省,河南省,湖北省,湖南省,广东省,广西壮族自治区,海南省,重庆市,四川省,贵州省,云南省";
  /** Years of the 25 reports: 2001–2026 without 2013, so an axis of every year has an empty column. */
  static int year(int i) {
    return i < 12 ? 2001 + i : 2002 + i;
  }

  static String province(int i) {
    return PROVINCES.split(",")[i];
  }

  static String body(int i) {
    return province(i) + "人民代表大会常务委员会";
  }

  private PageFixture() {}

  /** Forty items of 第一条, so that 第二条 stands a few screens down the document. */
  private static String enumeration() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      sb.append(i > 1 ? "\n\n" : "").append("（").append(i).append("）第").append(i).append("类养老服务事项的组织实施、质量标准和监督管理；");
    }
    return sb.toString();
  }

  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("utf8-report.txt"), "养老服务调研报告\n\n" + UTF8_LINE + "\n", StandardCharsets.UTF_8);
    Files.write(dir.resolve("gb-report.txt"), ("基层立法联系点报告\n\n" + GB_LINE + "\n").getBytes(GB18030));
    Files.write(dir.resolve("web-copy.html"), ("<!doctype html><html><head><meta charset=\"gbk\"><title>专题询问</title></head><body>"
        + "<nav>首页 | 新闻 | 公告</nav><h1>专题询问</h1><p>" + HTML_LINE + "</p></body></html>").getBytes(GBK));
    Files.writeString(dir.resolve(LAW_TITLE + "(2020-03-26).md"), String.join("\n\n",
        "# " + LAW_TITLE, "2020年3月26日某省第十三届人民代表大会常务委员会第十七次会议通过", "<!-- INFO END -->",
        "## 第一章 总则",
        "第一条 为了促进养老服务发展，满足老年人多层次养老服务需求，根据有关法律、行政法规，结合本省实际，制定本条例。"
            + "本条例所称养老服务，包括下列事项：",
        enumeration(),
        ARTICLE_TWO_FIRST,
        ARTICLE_TWO_SECOND,
        "第三条 养老服务应当坚持政府主导、社会参与、市场运作的原则。") + "\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(LAW_TITLE + "(2020-03-26).md.meta.json"),
        "{\"type\":\"地方性法规\",\"date\":\"2020-03-26\",\"body\":\"某省人民代表大会常务委员会\",\"region\":\"某省\"}");
    for (int i = 0; i < 25; i++) {
      String name = String.format("report-%02d", i);
      String text = province(i) + "人大常委会" + year(i) + "年工作报告\n\n"
          + "一年来，常委会认真履行宪法和法律赋予的职责，在" + MARKER + "片区开展执法检查和专题调研。"
          + (i == 3 ? "社会建设委员会开展了养老服务专题调研，社会建设委员会主任委员作了说明。" : "")
          + "\n";
      Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(name + ".txt.meta.json"), "{\"title\":\"" + province(i) + "人大常委会" + year(i) + "年工作报告\","
          + "\"type\":\"工作报告\",\"date\":\"" + year(i) + "-03-0" + (1 + i % 9) + "\",\"body\":\"" + body(i) + "\","
          + "\"region\":\"" + province(i) + "\"}");
    }
    return dir;
  }

  /** The fixture and the seeds indexed under {@code tmp}, served by the real server on a free port. */
  static Javalin serve(Path tmp) throws Exception {
    List<Path> inputs = List.of(write(tmp.resolve("page-fixture")), TestCorpus.seeds(tmp.resolve("seeds")));
    Path index = tmp.resolve("index");
    TestCorpus.index(index, inputs);
    return ServerFixture.serve(new ServerConfig(index, "127.0.0.1", 0, inputs, null));
  }
}
