package org.rendakb.metadata;

import java.util.regex.Pattern;

/**
 * Lines that stand near a title but never are one: a site's menus, toolbars, breadcrumbs, share
 * bars, bylines and 来源/作者/编辑/发布时间 lines, and a 公文's 份号, 密级, 紧急程度, 发文机关标志,
 * 发文字号 and date lines. Judged on the line alone, so it holds for copied text without styles.
 */
final class Furniture {
  private Furniture() {}

  /** Words of toolbars and menus; a line made only of them (and separators) is furniture. */
  private static final Pattern TOOLBAR_WORDS = Pattern.compile(
      "(首页|打印|下载|关闭|关闭窗口|打印本页|返回|返回顶部|收藏|加入收藏|分享|字体|字号|大|中|小|默认|繁体|简体|无障碍|登录|注册|搜索"
          + "|人大概况|工作动态|代表工作|新闻中心|信息公开|政务公开|网上办事|互动交流|English|RSS|正文|更多)");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s　|｜/【】\\[\\]（）()>＞›»·•:：、,，]+");
  private static final Pattern LABELLED = Pattern.compile(
      "^(当前位置|您的位置|你的位置|您现在的位置|所在位置|位置|发布时间|发布日期|发表时间|时间|日期|来源|信息来源|文章来源|作者|编辑|责任编辑|责编"
          + "|审核|校对|浏览次数|点击数|阅读|访问量|字号|分享到|上一篇|下一篇|上一条|下一条|附件下载|关键词|索引号|主题分类|发文机关|签发人"
          + "|联系人|联系电话|抄送|版权所有|主办单位|承办单位"
          // a 信息公开 page's catalogue of the document
          + "|标题|名称|文号|发文字号|成文日期|发文日期|公开日期|生效日期|发布机构|主题分类|体裁分类|组配分类|服务对象|公开方式|公开范围|有效性)"
          + "\\s*[:：].*");
  /** A date that opens a line of page information: 2024年03月05日 10:20　来源：…, 2024-03-05 来源：…. */
  static final Pattern DATED_INFO = Pattern.compile(
      "^((?:19|20)[0-9]{2}\\s*[-年/.]\\s*[0-9]{1,2}\\s*[-月/.]\\s*[0-9]{1,2}\\s*日?)(\\s*[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?"
          + "(\\s.*)?(来源|作者|编辑|浏览|点击|阅读|字号|【).*");
  /** A footer's page number, or what is left of it when its field was not filled: — 1 —, - 3 -, —  —, 第 2 页. */
  private static final Pattern PAGE_LINE = Pattern.compile("^[-—–\\s]*[0-9]{0,4}[-—–\\s]*$|^第\\s*[0-9]{0,4}\\s*页(\\s*共\\s*[0-9]{0,4}\\s*页)?$");
  private static final Pattern BREADCRUMB = Pattern.compile(".*首页\\s*[>＞›»].*|.*[>＞›»]\\s*正文\\s*$");
  private static final Pattern COPY_NUMBER = Pattern.compile("^[0-9]{4,8}$");
  private static final Pattern SECRECY = Pattern.compile("^(绝密|机密|秘密|内部|特急|加急|平急|特提)(★.*)?$");
  private static final Pattern ISSUER_MARK = Pattern.compile("^[\\p{IsHan}、\\s　]{4,40}文件$");
  /** 发文字号 in any brackets, OCR's too: it reads 〔〕 as (), [] or {} as often as not. */
  static final Pattern DOC_NUMBER = Pattern.compile(
      "([\\p{IsHan}]{1,10})\\s*[〔\\[［【(（{｛]\\s*((?:19|20)[0-9]{2})\\s*[〕\\]］】)）}｝]\\s*([0-9]{1,4})\\s*号");
  /**
   * What OCR leaves of a 发文字号 line: the bracketed year and the number are read, the organ's
   * abbreviation (宿人常发 → MARR), its opening bracket or the 号 (97号 → 975) often are not; 签发人
   * may share the line.
   */
  private static final Pattern DOC_NUMBER_READ_BADLY = Pattern.compile(
      "^.{0,12}?[〔\\[［【(（{｛]?\\s*(?:19|20)[0-9]{2}\\s*[〕\\]］】)）}｝]\\s*[0-9]{1,4}\\s*号?(\\s*签发人.*)?$");
  private static final Pattern DATE_LINE = Pattern.compile(
      "^[（(]?\\s*(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\\s*[年\\-/.]\\s*[0-9一二三四五六七八九十]{1,3}\\s*[月\\-/.]\\s*[0-9一二三四五六七八九十]{1,3}"
          + "\\s*日?.{0,24}$");
  private static final Pattern BYLINE = Pattern.compile("^(本报讯|本网讯|记者|通讯员|文[/／]|图[/／]|摄影|编者按).*|.*(记者|通讯员)\\s*[\\p{IsHan}]{2,4}\\s*(报道|摄)?$");
  private static final Pattern SITE_NAME = Pattern.compile("^[\\p{IsHan}]{2,12}(网|网站|门户网站|人大|政府网|之窗|在线)$");

  /** Whether a line is furniture, not text of the document. */
  static boolean is(String line) {
    String l = line.strip();
    if (l.isEmpty()) {
      return true;
    }
    if (LABELLED.matcher(l).matches() || BREADCRUMB.matcher(l).matches() || COPY_NUMBER.matcher(l).matches()
        || SECRECY.matcher(l).matches() || ISSUER_MARK.matcher(l).matches() || DATE_LINE.matcher(l).matches()
        || BYLINE.matcher(l).matches() || SITE_NAME.matcher(l).matches() || l.startsWith("——") || DATED_INFO.matcher(l).matches()
        || PAGE_LINE.matcher(l).matches()) {
      return true;
    }
    if (isDocNumberLine(l)) {
      return true;
    }
    String words = SEPARATORS.matcher(l).replaceAll("");
    return !words.isEmpty() && TOOLBAR_WORDS.matcher(words).replaceAll("").isEmpty();
  }

  /** A line that holds a 发文字号, as written or as OCR reads it. */
  static boolean isDocNumberLine(String line) {
    String l = line.strip();
    return l.length() <= 40 && (DOC_NUMBER.matcher(l).find() || DOC_NUMBER_READ_BADLY.matcher(l).matches());
  }

  /** A line that is only a date (a 落款 date, a date under a title), possibly in parentheses. */
  static boolean isDateLine(String line) {
    String l = line.strip();
    return l.length() <= 20 && DATE_LINE.matcher(l).matches() && !l.contains("印发");
  }
}
