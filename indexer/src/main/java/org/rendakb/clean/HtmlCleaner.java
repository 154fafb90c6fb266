package org.rendakb.clean;

import java.util.ArrayList;
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
  public record Page(String text, String title, Map<String, String> properties, List<Line> lines) {
    public Page {
      properties = Map.copyOf(properties);
      lines = List.copyOf(lines);
    }
  }

  /**
   * A line of the cleaned text as the page sets it: the lines of {@link Page#text} one for one.
   *
   * @param heading 1–6 inside an h1–h6, else 0
   * @param align as the nearest element that says (align=, text-align, center); LEFT where none does
   * @param bold most of its text is in b, strong or a bold font-weight
   */
  public record Line(String text, int heading, Align align, boolean bold) {}

  public enum Align { LEFT, CENTER, RIGHT }

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
    List<Line> text = new ArrayList<>();
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
        text.add(styled(title, heading, heading));
        for (Element sibling = heading.nextElementSibling(); sibling != null && !sibling.equals(root)
            && !sibling.getAllElements().contains(root); sibling = sibling.nextElementSibling()) {
          if (DATE.matcher(sibling.text()).find() && sibling.text().length() < 200) {
            text.add(styled(sibling.text(), sibling, sibling));
          }
        }
      }
    }
    text.addAll(new BlockText().of(root));
    StringBuilder out = new StringBuilder();
    List<Line> lines = new ArrayList<>();
    for (Line line : text) {
      String l = line.text().strip();
      if (l.isEmpty() || CLUTTER_LINE.matcher(l).matches()) {
        continue;
      }
      l = TOOLBAR.matcher(l).replaceAll("").strip();
      if (!l.isEmpty()) {
        out.append(l).append('\n');
        lines.add(new Line(l, line.heading(), line.align(), line.bold()));
      }
    }
    return new Page(out.toString(), title != null ? title : titleTag.isEmpty() ? null : titleTag, properties, lines);
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

  /** A line of one element's text, set as that element sets it. */
  private static Line styled(String text, Element block, Element boldScope) {
    return new Line(text, headingOf(block), alignOf(block), boldScope.text().length() > 0 && isBold(boldScope));
  }

  /**
   * Text with a line break around each block element and at br, so paragraphs stay paragraphs; each
   * line with how its first text's block sets it and whether most of its text is bold.
   */
  private static final class BlockText implements NodeVisitor {
    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private Element first;
    private int chars;
    private int boldChars;

    List<Line> of(Element root) {
      root.traverse(this);
      flush();
      return lines;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (first == null && !t.isBlank()) {
          first = t.parent() instanceof Element e ? e : null;
        }
        String s = t.text();
        int n = (int) s.codePoints().filter(c -> !Character.isWhitespace(c) && c != 0x3000).count();
        chars += n;
        if (n > 0 && t.parent() instanceof Element e && isBold(e)) {
          boldChars += n;
        }
        line.append(s);
      } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
        flush();
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e && e.isBlock()) {
        flush();
      }
    }

    private void flush() {
      if (!line.toString().isBlank()) {
        Element block = first;
        while (block != null && !block.isBlock() && block.parent() != null) {
          block = block.parent();
        }
        lines.add(new Line(line.toString(), block == null ? 0 : headingOf(block), first == null ? Align.LEFT : alignOf(first),
            chars > 0 && boldChars * 2 > chars));
      }
      line.setLength(0);
      first = null;
      chars = 0;
      boldChars = 0;
    }
  }

  private static final Pattern HEADING_TAG = Pattern.compile("h([1-6])");
  private static final Pattern TEXT_ALIGN = Pattern.compile("(?i)text-align\\s*:\\s*(center|right|end|left|start|justify)");
  private static final Pattern BOLD_STYLE = Pattern.compile("(?i)font-weight\\s*:\\s*(bold|bolder|[6-9]00)");

  /** The outline level of the heading the element is or is in, 0 if none. */
  private static int headingOf(Element e) {
    for (Element a = e; a != null; a = a.parent()) {
      var m = HEADING_TAG.matcher(a.normalName());
      if (m.matches()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return 0;
  }

  /** As the nearest element that says: align=, style text-align, a center element. */
  private static Align alignOf(Element e) {
    for (Element a = e; a != null; a = a.parent()) {
      String align = a.attr("align").toLowerCase(java.util.Locale.ROOT);
      var style = TEXT_ALIGN.matcher(a.attr("style"));
      if (style.find()) {
        align = style.group(1).toLowerCase(java.util.Locale.ROOT);
      }
      if (a.nameIs("center")) {
        align = "center";
      }
      switch (align) {
        case "center" -> {
          return Align.CENTER;
        }
        case "right", "end" -> {
          return Align.RIGHT;
        }
        case "left", "start", "justify" -> {
          return Align.LEFT;
        }
        default -> { }
      }
    }
    return Align.LEFT;
  }

  /** In b, strong, a heading or a table head (which browsers set bold), or in an element styled bold. */
  private static boolean isBold(Element e) {
    for (Element a = e; a != null && !a.nameIs("body"); a = a.parent()) {
      if (a.nameIs("b") || a.nameIs("strong") || a.nameIs("th") || HEADING_TAG.matcher(a.normalName()).matches()
          || BOLD_STYLE.matcher(a.attr("style")).find()) {
        return true;
      }
    }
    return false;
  }
}
