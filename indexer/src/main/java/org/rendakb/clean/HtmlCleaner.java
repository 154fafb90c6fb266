package org.rendakb.clean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The article of a web page, without the site around it: navigation, breadcrumbs (当前位置：首页 >
 * …), font-size and print bars (字号 大 中 小, 打印, 关闭窗口), share bars, previous/next links and
 * footers (版权所有, ICP备案). jsoup (the HTML parser under Tika's own) removes the page's
 * structural clutter by tag, id and class; a line filter then catches clutter that sites write as
 * plain text. Tika's boilerpipe handler is gone from Tika 3, and its word counts assume spaces
 * between words, which Chinese does not have.
 */
public final class HtmlCleaner {
  /**
   * The cleaned article text, the page's title (from its heading, else its title tag) or null, and
   * what a reader of the page's head would use: {@code html:title}, {@code html:heading} and the
   * standard meta tags of Chinese government sites ({@code meta:ArticleTitle}, {@code meta:PubDate},
   * {@code meta:ContentSource}, {@code meta:ColumnName}, {@code meta:SiteName}).
   */
  public record Page(String text, String title, Map<String, String> properties) {
    public Page {
      properties = Map.copyOf(properties);
    }
  }

  private static final List<String> META_NAMES = List.of("ArticleTitle", "PubDate", "ContentSource", "ColumnName", "SiteName");

  private static final String CLUTTER_TAGS =
      "script, style, noscript, template, iframe, nav, header, footer, aside, form, button, select, input, object, embed, svg";
  private static final Pattern CLUTTER_ID_OR_CLASS = Pattern.compile(
      "(?i)(^|.*[-_ ])(nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|header|topbar|share|bdshare|bdsharebuttonbox|copyright|"
          + "sidebar|side|toolbar|fontsize|font-size|related|banner|logo|login|search|bottom|position|location|dqwz|wz|pager|"
          + "prevnext|prev-next|prev|next|friendlinks?)($|[-_ ].*)");
  /** The main content container, when a page marks it (TRS and other CMSs used by people's congresses). */
  private static final List<String> CONTENT_SELECTORS = List.of(
      "#zoom", ".TRS_Editor", "article", "#content", ".content", ".article", ".article-content", "#article",
      ".main-content", "main");
  private static final Pattern CLUTTER_LINE = Pattern.compile(
      "^(当前位置|您的位置|你的位置|您现在的位置|所在位置|位置)[:：].*"
          + "|^首页\\s*[>＞›»].*"
          + "|^分享到[:：]?.*"
          + "|.*版权所有.*|.*ICP\\s*备.*|.*ICP证.*|^主办单位[:：].*|^承办单位[:：].*|^技术支持[:：].*|^网站标识码.*|.*公网安备.*"
          + "|^(上一篇|下一篇|上一条|下一条)[:：].*|^浏览次数[:：].*|^(相关链接|相关文章|相关新闻|友情链接)[:：]?$");
  /** Toolbar words, removed where they stand alone (so 打印机 in a sentence stays). */
  private static final Pattern TOOLBAR = Pattern.compile(
      "字号[:：]?\\s*[【\\[]?\\s*大\\s*[】\\]]?\\s*[【\\[]?\\s*中\\s*[】\\]]?\\s*[【\\[]?\\s*小\\s*[】\\]]?"
          + "|(?<=^|\\s|】|])[【\\[]?\\s*(打印本页|打印此页|打印正文|打印|关闭窗口|关闭本页|关闭|返回顶部|加入收藏|收藏本页|收藏|设为首页)\\s*[】\\]]?(?=$|\\s|【|\\[)");
  private static final Pattern DATE = Pattern.compile("\\d{4}\\s*[-年./]\\s*\\d{1,2}");

  public Page clean(String html) {
    Document doc = Jsoup.parse(html);
    String titleTag = doc.title().strip();
    Map<String, String> properties = new LinkedHashMap<>();
    for (String name : META_NAMES) {
      Element meta = doc.head().selectFirst("meta[name=" + name + "]");
      if (meta != null && !meta.attr("content").isBlank()) {
        properties.put("meta:" + name, meta.attr("content").strip());
      }
    }
    if (!titleTag.isEmpty()) {
      properties.put("html:title", titleTag);
    }
    doc.select(CLUTTER_TAGS).remove();
    for (Element e : doc.body().getAllElements()) {
      if (e != doc.body() && (CLUTTER_ID_OR_CLASS.matcher(e.id()).matches()
          || CLUTTER_ID_OR_CLASS.matcher(e.className()).matches())) {
        e.remove();
      }
    }
    Element root = mainContent(doc);
    StringBuilder text = new StringBuilder();
    // the article's heading and its date/source line often sit outside the content container
    Element heading = doc.body().select("h1, h2, .title, #title").stream()
        .filter(h -> !isSiteName(h.text().strip(), titleTag, properties.get("meta:SiteName"))).findFirst().orElse(null);
    if (heading == null) {
      heading = titleOutside(doc.body(), root, titleTag, properties.get("meta:ArticleTitle"), properties.get("meta:SiteName"));
    }
    String title = null;
    if (heading != null && !heading.text().isBlank()) {
      title = heading.text().strip();
      properties.put("html:heading", title);
      if (!root.text().contains(title)) {
        text.append(title).append('\n');
        for (Element sibling = heading.nextElementSibling(); sibling != null && !sibling.equals(root)
            && !sibling.getAllElements().contains(root); sibling = sibling.nextElementSibling()) {
          if (DATE.matcher(sibling.text()).find() && sibling.text().length() < 200) {
            text.append(sibling.text()).append('\n');
          }
        }
      }
    }
    text.append(blockText(root));
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.toString().split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || CLUTTER_LINE.matcher(l).matches()) {
        continue;
      }
      l = TOOLBAR.matcher(l).replaceAll("").strip();
      if (!l.isEmpty()) {
        out.append(l).append('\n');
      }
    }
    return new Page(out.toString(), title != null ? title : titleTag.isEmpty() ? null : titleTag, properties);
  }

  /**
   * A site sets its own name as its first heading (its logo in text): the SiteName meta tag, or the
   * part of the title tag after the article's (宪法宣誓仪式_盐都人大网), or the whole tag when the
   * page has no other (盐都人大网).
   */
  private static boolean isSiteName(String heading, String titleTag, String siteName) {
    if (heading.isEmpty() || heading.equals(siteName)) {
      return true;
    }
    String[] parts = titleTag.split("\\s*[-_|｜—]+\\s*");
    return parts.length > 1 ? parts[parts.length - 1].equals(heading) && !parts[0].equals(heading) : titleTag.equals(heading) && heading.length() <= 12
        && SITE.matcher(heading).matches();
  }

  private static final Pattern SITE = Pattern.compile(".*(网|网站|门户|人大|政府|之窗|在线)$");

  /**
   * A page without a heading element sets its title as a line of its own above the content (a
   * centred bold paragraph, a div): the first element before the content whose text the page's
   * title tag or ArticleTitle holds, taken with its block (a strong inside a p gives the p).
   */
  private static Element titleOutside(Element body, Element root, String titleTag, String articleTitle, String siteName) {
    Element best = null;
    int bestRank = 0;
    for (Element e : body.getAllElements()) {
      if (e == root) {
        break;
      }
      String own = e.ownText().strip();
      if (isSiteName(own, titleTag, siteName)) {
        continue;
      }
      // the site's name is in the title tag too, at its end: the ArticleTitle, then the tag's start, then the longest
      int rank = own.length() < 4 ? 0 : own.equals(articleTitle) ? 3 : titleTag.startsWith(own) ? 2 : titleTag.contains(own) ? 1 : 0;
      if (rank > bestRank || rank == bestRank && rank > 0 && own.length() > best.ownText().strip().length()) {
        best = e;
        bestRank = rank;
      }
    }
    if (best == null && root != body) {
      best = justAbove(root, body, titleTag, siteName);
    }
    while (best != null && !best.isBlock() && best.parent() != null && best.parent() != body) {
      best = best.parent();
    }
    return best;
  }

  /**
   * With nothing to match (a title tag that is only the site's name), the block just above the
   * content that reads as a title: a few siblings up from the content or its container, not a date
   * line, a menu word or the site's name (a sidebar's links stand further off).
   */
  private static Element justAbove(Element root, Element body, String titleTag, String siteName) {
    Element level = root;
    for (int up = 0; up < 2 && level != null && level != body; up++, level = level.parent()) {
      Element e = level.previousElementSibling();
      for (int n = 0; n < 3 && e != null; n++, e = e.previousElementSibling()) {
        String text = e.text().strip();
        // one line: a list of links, a box of blocks, is no title
        boolean oneLine = e.getAllElements().stream().skip(1).noneMatch(Element::isBlock);
        if (oneLine && text.length() >= 8 && text.length() <= 80 && !DATE.matcher(text).find() && !CLUTTER_LINE.matcher(text).matches()
            && !isSiteName(text, titleTag, siteName)) {
          return e;
        }
      }
    }
    return null;
  }

  private static Element mainContent(Document doc) {
    for (String selector : CONTENT_SELECTORS) {
      Element e = doc.body().selectFirst(selector);
      if (e != null && e.text().length() > 50) {
        return e;
      }
    }
    return doc.body();
  }

  /** Text with a line break around each block element and at br, so paragraphs stay paragraphs. */
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
