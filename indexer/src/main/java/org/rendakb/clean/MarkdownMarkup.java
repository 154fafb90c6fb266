package org.rendakb.clean;

import java.util.regex.Pattern;

/**
 * Strips Markdown markup that is not text: heading marks (## 第一章 总则 → 第一章 总则) and HTML
 * comments such as the law files' {@code <!-- INFO END -->}. Applied after metadata extraction,
 * which reads the header the comment closes, so that snippets and passages show only text.
 */
public final class MarkdownMarkup {
  private MarkdownMarkup() {}

  private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^[ \\t]*<!--.*?-->[ \\t]*\\n?");
  private static final Pattern HEADING_MARK = Pattern.compile("(?m)^#{1,6}[ \\t]+");

  public static boolean applies(String contentType, String path) {
    return "text/markdown".equals(contentType) || "text/x-web-markdown".equals(contentType)
        || path.endsWith(".md") || path.endsWith(".markdown");
  }

  public static String strip(String text) {
    return HEADING_MARK.matcher(COMMENT_LINE.matcher(text).replaceAll("")).replaceAll("");
  }
}
