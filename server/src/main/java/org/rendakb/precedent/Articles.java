package org.rendakb.precedent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.rendakb.schema.PassageTexts;

/**
 * The article of a law a passage stands in (第七条, 第十二条之一): the nearest passage at or before
 * it that begins with an article number, as an article's first paragraph does in laws, regulations
 * and their drafts in every format (a Markdown law, a .docx, a web copy). A chapter or section
 * heading met first means the passage is in no article (a heading, a preamble). Read from the
 * passages' doc values, which are cheap: a file's passages follow it in one block, in order.
 */
final class Articles {
  /** Passages looked back at most: an article has far fewer paragraphs. */
  static final int MAX_BACK = 200;
  private static final String NUMBER = "[〇零一二三四五六七八九十百千两0-9０-９]+";
  private static final Pattern ARTICLE = Pattern.compile("^[#\\s\\u3000]*(第" + NUMBER + "条(?:之" + NUMBER + ")?)(?=[\\s\\u3000【]|$)");
  private static final Pattern HEADING = Pattern.compile("^[#\\s\\u3000]*第" + NUMBER + "[编章节](?=[\\s\\u3000]|$)");

  private Articles() {}

  /** The article of the passage with this doc id and position in its file, or null. */
  static String of(IndexReader reader, int doc, int position) {
    try {
      for (int back = 0; back <= Math.min(position, MAX_BACK); back++) {
        String text = PassageTexts.of(reader, doc - back);
        if (text == null) {
          return null;
        }
        String article = article(text);
        if (article != null) {
          return article;
        }
        if (HEADING.matcher(text).find()) {
          return null;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String article(String passage) {
    Matcher m = ARTICLE.matcher(passage);
    return m.find() ? m.group(1) : null;
  }
}
