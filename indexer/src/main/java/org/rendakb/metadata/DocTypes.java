package org.rendakb.metadata;

import java.util.regex.Pattern;

/**
 * The type of a document: from its folder (the corpus's categories), else from its title's form
 * and its opening, else from how its law note names the adopting body.
 */
final class DocTypes {
  private DocTypes() {}

  private static final Pattern NEWS_OPENING = Pattern.compile(
      "(?s).*(记者|通讯员|本报讯|本网讯|(讯|电)（记者).*|(?s)^(\\s*[0-9]{1,2}月[0-9]{1,2}日(上午|下午|晚)?[，,]).*");
  private static final Pattern NEWS_HEADLINE = Pattern.compile("^(?!关于)[^关]*(召开|举行|举办|开展|听取|审议|调研|视察)(?!.*(法|条例|办法|规定|细则|规则)$).*");
  private static final Pattern NEWS_VERB = Pattern.compile(".*(召开|举行|举办|开展|调研|视察|出席|会见|座谈|看望|检查|督导|走访|参加|部署|推进).*");

  static Sourced<DocType> find(String path, String title, String head, LawNote note) {
    for (String segment : path.split("/")) {
      DocType t = switch (segment) {
        case "司法解释" -> DocType.JUDICIAL_INTERPRETATION;
        case "行政法规" -> DocType.ADMINISTRATIVE_REGULATION;
        case "部门规章" -> DocType.DEPARTMENTAL_RULE;
        case "案例" -> DocType.CASE;
        case "地方性法规", "DLC" -> DocType.LOCAL_REGULATION;
        case "宪法", "宪法相关法", "民法典", "民法商法", "行政法", "经济法", "社会法", "刑法", "诉讼与非诉讼程序法", "其他" -> DocType.LAW;
        default -> null;
      };
      if (t != null) {
        return Sourced.of(t, "folder");
      }
    }
    if (note != null && note.adoption() != null && title.matches(".*(法|条例|办法|规定|细则|规则|修正案)([(（].*[)）])?$")) {
      return Sourced.of(note.adoption().national() ? DocType.LAW : DocType.LOCAL_REGULATION, note.source());
    }
    DocType byTitle = byTitle(title, head);
    if (byTitle != null) {
      return Sourced.of(byTitle, "title");
    }
    if (title.matches(".*(条例|实施办法|若干规定)$") && head.contains("人民代表大会常务委员会")) {
      return Sourced.of(DocType.LOCAL_REGULATION, "title");
    }
    if (NEWS_OPENING.matcher(head.substring(0, Math.min(head.length(), 800))).matches()
        || (NEWS_VERB.matcher(title).matches() && !Titles.TYPE_END.matcher(title).matches())) {
      return Sourced.of(DocType.NEWS, "text");
    }
    if (head.contains("工作总结") || head.contains("现将") || head.startsWith("今年以来") || head.contains("\n今年以来")) {
      return Sourced.of(DocType.WORK_REPORT, "text");
    }
    return Sourced.of(DocType.OTHER, "none");
  }

  private static DocType byTitle(String title, String head) {
    if (title.contains("政府工作报告")) {
      return title.endsWith("决议") ? DocType.RESOLUTION : DocType.GOVERNMENT_WORK_REPORT;
    }
    if (title.contains("交流发言") || title.contains("经验交流")) {
      return DocType.EXCHANGE_SPEECH;
    }
    if (title.contains("讲话") || title.contains("致辞") || title.matches("^在.*上的(发言|报告)$")
        || head.lines().limit(8).anyMatch(l -> l.strip().startsWith("同志们")) || head.lines().limit(8).anyMatch(l -> l.strip().matches("^——.*讲话$"))) {
      return DocType.SPEECH;
    }
    if (title.contains("调研报告") || title.contains("调查报告") || title.contains("视察报告")) {
      return DocType.SURVEY_REPORT;
    }
    // ……审议意见落实情况的报告 is a report, ……审议意见的通知 a notice: the type word at the end decides
    if (title.endsWith("审议意见") || title.contains("审议意见") && !title.matches(".*(通知|通报|意见|请示|批复|函|报告)$")) {
      return DocType.DELIBERATION_OPINION;
    }
    if (title.endsWith("决议")) {
      return DocType.RESOLUTION;
    }
    if (title.endsWith("决定")) {
      return DocType.DECISION;
    }
    for (DocType t : new DocType[] {DocType.NOTICE, DocType.BULLETIN, DocType.OPINION, DocType.REQUEST, DocType.REPLY,
        DocType.LETTER, DocType.ANNOUNCEMENT, DocType.MOTION, DocType.MINUTES}) {
      if (title.endsWith(t.label) || title.matches(".*" + t.label + "[(（]第.{1,6}号[)）]$")) {
        return t;
      }
    }
    if (NEWS_HEADLINE.matcher(title).matches()) {
      return DocType.NEWS; // 某某人大常委会召开会议审议……报告: a report is what the meeting heard
    }
    if (title.matches(".*(报告|工作总结|工作情况|汇报)$")) {
      return DocType.WORK_REPORT;
    }
    return null;
  }
}
