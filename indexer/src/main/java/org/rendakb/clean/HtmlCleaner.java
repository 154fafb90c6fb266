package org.rendakb.clean;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The article body of a web page, without the site around it: navigation, breadcrumbs (当前位置：
 * 首页 > …), font-size and print bars (字号 大 中 小, 打印, 关闭窗口), share bars, related links and
 * footers (版权所有, ICP备案). jsoup removes the page's structural clutter; a line filter catches
 * the clutter that sites write as plain text inside the body.
 */
public final class HtmlCleaner {
  private static final String CLUTTER_TAGS = "script, style, noscript, iframe, nav, header, footer, aside, form, button, select, input, object, embed";
  private static final Pattern CLUTTER_ID_OR_CLASS = Pattern.compile(
      "(?i).*(^|[-_ ])(nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|header|head-?bar|share|bdshare|copyright|sidebar|side|toolbar|"
          + "print|fontsize|font-size|related|banner|login|search|bottom|topbar|position|location|dqwz|pager|prev-next|links?)($|[-_ ]).*");
  /** The main content container, when a page marks it. */
  private static final List<String> CONTENT_SELECTORS = List.of(
      "article", "#zoom", ".TRS_Editor", "#content", ".content", ".article", ".article-content", "#article", ".main-content", "main");
  private static final Pattern CLUTTER_LINE = Pattern.compile(
      "^(当前位置|您的位置|你的位置|位置)[:：].*"
          + "|^首页\\s*[>＞›»].*"
          + "|.*字号[:：]?\\s*[【\\[]?\\s*大\\s*[】\\]]?\\s*[【\\[]?\\s*中\\s*[】\\]]?\\s*[【\\[]?\\s*小.*"
          + "|^[【\\[]?\\s*(打印(本页|此页)?|关闭(窗口|本页)?|返回顶部|收藏|加入收藏|设为首页|保存|打印正文)\\s*[】\\]]?(\\s*[【\\[]?\\s*(打印(本页|此页)?|关闭(窗口|本页)?|返回顶部|收藏)\\s*[】\\]]?)*$"
          + "|^分享到[:：]?.*"
          + "|.*版权所有.*|.*ICP\\s*备.*|.*ICP证.*|^主办单位[:：].*|^承办单位[:：].*|^技术支持[:：].*|^网站标识码.*|.*公网安备.*"
          + "|^(上一篇|下一篇)[:：].*|^浏览次数[:：].*|^(相关链接|相关文章|友情链接)[:：]?$");

  public String clean(String html) {
    Document doc = Jsoup.parse(html);
    doc.select(CLUTTER_TAGS).remove();
    for (Element e : doc.getAllElements()) {
      if (e != doc.body() && e.parent() != null && (CLUTTER_ID_OR_CLASS.matcher(e.id()).matches()
          || CLUTTER_ID_OR_CLASS.matcher(e.className()).matches())) {
        e.remove();
      }
    }
    Element root = mainContent(doc);
    StringBuilder text = new StringBuilder();
    // the page title heading may sit outside the content container: keep the first heading
    Element heading = doc.selectFirst("h1, h2, .title, #title");
    if (heading != null && !root.equals(heading) && !heading.text().isBlank() && !root.text().contains(heading.text())) {
      text.append(heading.text()).append('\n');
    }
    text.append(blockText(root));
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.toString().split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !CLUTTER_LINE.matcher(l).matches()) {
        out.append(l).append('\n');
      }
    }
    return out.toString();
  }

  private static Element mainContent(Document doc) {
    for (String selector : CONTENT_SELECTORS) {
      Element e = doc.selectFirst(selector);
      if (e != null && e.text().length() > 50) {
        return e;
      }
    }
    return doc.body() == null ? doc : doc.body();
  }

  /** Text with a line break after each block element and br, so paragraphs stay paragraphs. */
  private static String blockText(Element root) {
    StringBuilder b = new StringBuilder();
    root.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          b.append(t.text());
        } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
          b.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e.isBlock()) {
          b.append('\n');
        }
      }
    });
    return b.toString();
  }
}
