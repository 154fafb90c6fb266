package org.rendakb.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rendakb.precedent.DraftText;

/**
 * Cuts a document into the units a 对照表 aligns. Articles when the text has them (laws,
 * regulations, rules: a line opening with 第X条); else numbered sections (一、二、 … opening a line),
 * each with the paragraphs under it; else paragraphs. Headings (第一章 总则, 第二节) are units of their
 * own, so an article never swallows the heading of the next chapter.
 */
public final class Units {
  private static final String NUMERAL = "[零〇一二三四五六七八九十百千0-9０-９]+";
  private static final Pattern ARTICLE = Pattern.compile("^\\s*(第" + NUMERAL + "条(?:之" + NUMERAL + ")?)[\\s　]*");
  private static final Pattern HEADING = Pattern.compile("^\\s*第" + NUMERAL + "[编分章节]([\\s　]|$)");
  private static final Pattern SECTION = Pattern.compile("^\\s*([一二三四五六七八九十]+、)");
  /** A text with fewer numbered lines than this is cut into paragraphs. */
  static final int MIN_NUMBERED = 3;
  /** Numbered sections longer than this on average are too coarse to align: paragraphs instead. */
  static final int MAX_SECTION_CHARS = 800;

  private Units() {}

  public static List<Unit> of(String text) {
    List<String> lines = text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (count(lines, ARTICLE) >= MIN_NUMBERED) {
      return grouped(lines, ARTICLE);
    }
    if (count(lines, SECTION) >= MIN_NUMBERED) {
      List<Unit> sections = grouped(lines, SECTION);
      // a report's 一、 may head ten pages: paragraphs then align better and diff in bounded time
      if (sections.stream().mapToInt(u -> u.text().length()).average().orElse(0) <= MAX_SECTION_CHARS) {
        return sections;
      }
    }
    return lines.stream().map(l -> unit("", l)).toList();
  }

  private static long count(List<String> lines, Pattern numbered) {
    return lines.stream().filter(l -> numbered.matcher(l).find()).count();
  }

  /** A numbered line opens a unit that runs to the next numbered line or heading. */
  private static List<Unit> grouped(List<String> lines, Pattern numbered) {
    List<Unit> units = new ArrayList<>();
    String label = null;
    StringBuilder current = null;
    for (String line : lines) {
      Matcher m = numbered.matcher(line);
      boolean opens = m.find();
      if (opens || HEADING.matcher(line).find() || current == null) {
        if (current != null) {
          units.add(unit(label, current.toString()));
        }
        label = opens ? m.group(1) : "";
        current = new StringBuilder(line);
        if (!opens) {
          // a heading or the text before the first unit stands alone
          units.add(unit("", line));
          current = null;
        }
      } else {
        current.append('\n').append(line);
      }
    }
    if (current != null) {
      units.add(unit(label, current.toString()));
    }
    return units;
  }

  private static Unit unit(String label, String text) {
    String body = text.strip();
    if (!label.isEmpty() && body.startsWith(label)) {
      body = body.substring(label.length());
    }
    return new Unit(label, text, DraftText.folded(body));
  }
}
