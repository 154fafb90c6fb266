package org.rendakb.semantic;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a document is embedded: its title, the names of its chapters or sections, and the
 * opening of its prose. A reader judges what a document is about by the same: the title, the table
 * of contents (a 物业管理条例's 业主大会, 物业服务, 专项维修资金 chapters; a report's 一、二、 headings)
 * and the first paragraphs (a law's purpose article, a report's opening). Lines that say nothing of
 * the topic are passed over: the title repeated, adoption and amendment lines (……会议通过), dates,
 * bylines, menus. One vector per file keeps a first build of the corpus within minutes on two
 * cores; a vector per passage would take hours.
 */
public final class EmbeddingInput {
  private EmbeddingInput() {}

  /** Characters of prose after the headings. */
  public static final int OPENING_CHARS = 300;
  /** Characters of chapter and section names at most. */
  public static final int HEADING_CHARS = 150;
  /** A shorter line is a heading, a date, a byline or a menu word, not prose. */
  private static final int MIN_PROSE_LINE = 20;
  private static final Pattern ADOPTION = Pattern.compile(
      "会议.{0,30}(通过|修正|修订|批准)|(通过|修正|修订|批准|公布|施行)[)）]?$|^[（(]\\s*\\d{4}年.*[)）]$");
  /** 第三章 物业服务, 第二节　…, 二、主要工作: the name after the number. */
  private static final Pattern HEADING = Pattern.compile(
      "^(?:第[一二三四五六七八九十百零〇]+[编章节]|[一二三四五六七八九十]+、)[\\s　]*(\\S.{0,19})$");
  /** Chapter names every law has: they say nothing of its topic. */
  private static final Set<String> GENERIC = Set.of("总则", "附则", "法律责任", "罚则", "分则");

  public static String of(String title, String text) {
    String head = title == null ? "" : title.strip();
    if (text == null) {
      return head;
    }
    StringBuilder headings = new StringBuilder();
    StringBuilder prose = new StringBuilder();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String name = heading.group(1).strip();
        if (!GENERIC.contains(name) && headings.length() + name.length() < HEADING_CHARS) {
          headings.append(name).append('；');
        }
      } else if (prose.length() < OPENING_CHARS && line.length() >= MIN_PROSE_LINE && !line.equals(head)
          && !ADOPTION.matcher(line).find()) {
        prose.append(prose.isEmpty() ? "" : "\n").append(line, 0, Math.min(line.length(), OPENING_CHARS - prose.length()));
      }
    }
    StringBuilder out = new StringBuilder(head);
    if (!headings.isEmpty()) {
      out.append('\n').append(headings);
    }
    if (!prose.isEmpty()) {
      out.append('\n').append(prose);
    }
    return out.length() > Embedder.MAX_CHARS ? out.substring(0, Embedder.MAX_CHARS) : out.toString();
  }
}
