package org.rendakb.semantic;

import java.util.regex.Pattern;

/**
 * What of a document is embedded: its title, then the opening of its prose. A reader judges what a
 * document is about by the same: the title and the first paragraphs (a law's purpose article, a
 * report's opening). Lines that say nothing of the topic are passed over: the title repeated,
 * adoption and amendment lines (……会议通过), dates, bylines and headings such as 第一章 总则.
 * One vector per file keeps a first build of the corpus within minutes on two cores; a vector per
 * passage would take hours.
 */
public final class EmbeddingInput {
  private EmbeddingInput() {}

  /** Characters of prose after the title: the model reads ~500 in all, and more costs time for little. */
  public static final int OPENING_CHARS = 300;
  /** A shorter line is a heading, a date, a byline or a menu word, not prose. */
  private static final int MIN_PROSE_LINE = 20;
  private static final Pattern ADOPTION = Pattern.compile(
      "会议.{0,30}(通过|修正|修订|批准)|(通过|修正|修订|批准|公布|施行)[)）]?$|^[（(]\\s*\\d{4}年.*[)）]$");

  /** The text embedded for a document: its title, then its {@link #opening}. */
  public static String of(String title, String text) {
    String head = title == null ? "" : title.strip();
    String opening = opening(head, text);
    return opening.isEmpty() ? head : head + "\n" + opening;
  }

  /**
   * The opening prose of a text, lines joined by newlines, at most {@link #OPENING_CHARS}: the part
   * of it a meaning vector is made from, and what a hit found by meaning shows.
   */
  public static String opening(String title, String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.length() < MIN_PROSE_LINE || line.equals(title) || ADOPTION.matcher(line).find()) {
        continue;
      }
      out.append(out.isEmpty() ? "" : "\n").append(line, 0, Math.min(line.length(), OPENING_CHARS - out.length()));
      if (out.length() >= OPENING_CHARS) {
        break;
      }
    }
    return out.toString();
  }
}
