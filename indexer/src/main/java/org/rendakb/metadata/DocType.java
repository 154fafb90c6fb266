package org.rendakb.metadata;

import java.util.Arrays;
import java.util.Optional;

/** The document types people filter on; {@link #label} is the canonical value stored and faceted. */
public enum DocType {
  SPEECH("讲话"),
  EXCHANGE_SPEECH("交流发言"),
  /** 工作报告, 工作总结 and 情况报告 */
  WORK_REPORT("工作报告"),
  GOVERNMENT_WORK_REPORT("政府工作报告"),
  SURVEY_REPORT("调研报告"),
  DELIBERATION_OPINION("审议意见"),
  NEWS("新闻报道"),
  DECISION("决定"),
  RESOLUTION("决议"),
  LAW("法律"),
  LOCAL_REGULATION("地方性法规"),
  ADMINISTRATIVE_REGULATION("行政法规"),
  JUDICIAL_INTERPRETATION("司法解释"),
  DEPARTMENTAL_RULE("部门规章"),
  CASE("案例"),
  // the 公文 kinds a congress archive holds (党政机关公文处理工作条例); a 报告 on work stays WORK_REPORT
  NOTICE("通知"),
  BULLETIN("通报"),
  OPINION("意见"),
  REQUEST("请示"),
  REPLY("批复"),
  LETTER("函"),
  ANNOUNCEMENT("公告"),
  MOTION("议案"),
  MINUTES("纪要"),
  OTHER("其他");

  public final String label;

  DocType(String label) {
    this.label = label;
  }

  public static Optional<DocType> fromLabel(String label) {
    return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
  }
}
