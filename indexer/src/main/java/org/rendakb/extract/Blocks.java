package org.rendakb.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the lines a format reader finds, in reading order, and makes them {@link Block}s: font
 * sizes relative to the body text's (the size most characters have), standalone from shortness, and
 * repeated from lines that stand at the same height on several pages. Keeps the first {@link #HEAD}
 * and the last {@link #TAIL} lines only: a reader judges a document by its head and its end, and a
 * long file's middle would only cost memory. Not thread-safe: one per file.
 */
final class Blocks {
  static final int HEAD = 400;
  static final int TAIL = 200;
  /** A block's text is kept to this many chars: a line a reader judges by its look is short, a longer one only by its start. */
  static final int MAX_TEXT = 1000;
  /**
   * A paragraph this wide (in body characters) or less is short enough to stand alone: two lines of
   * 三号 type on A4 (28 a line), a title's two lines of 二号.
   */
  private static final float SHORT = 56;
  /** Bold beyond this share of all characters marks no line out (a PDF whose one font looks bold). */
  private static final double BOLD_EVERYWHERE = 0.6;
  /** Lines whose tops differ by less than this (pt) stand at the same height on their pages. */
  private static final float SAME_HEIGHT = 6;

  /**
   * One line as a format reader finds it.
   *
   * @param page from 1, 0 in a flowing file
   * @param points its font size in points, 0 unknown
   * @param own in a flowing file, whether it is its own paragraph (every paragraph outside a table; the
   *     collector judges whether it is short); in a paged file, whether it stands alone on its page,
   *     as {@link PageLines} judges from its place
   * @param top its top on the page in points, for paged files; negative when unknown
   * @param repeated known to repeat (a Word header or footer)
   */
  record Line(String text, int page, int heading, Block.Align align, boolean bold, float points, boolean own, float top,
      boolean repeated) {}

  private final List<Line> head = new ArrayList<>();
  private final Deque<Line> tail = new ArrayDeque<>();
  private int count;
  private final Map<Float, Long> charsBySize = new HashMap<>();
  private long chars;
  private long boldChars;
  /** For paged files: key and height of each line, by page, to find running headers and footers. */
  private final Map<String, Set<Integer>> pagesAt = new HashMap<>();

  void add(Line line) {
    String text = line.text().strip();
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT);
      line = new Line(text, line.page(), line.heading(), line.align(), line.bold(), line.points(), line.own(), line.top(), line.repeated());
    }
    if (text.isEmpty()) {
      return;
    }
    int n = visible(text);
    chars += n;
    if (line.bold()) {
      boldChars += n;
    }
    if (line.points() > 0) {
      charsBySize.merge(line.points(), (long) n, Long::sum);
    }
    if (line.page() > 0 && line.top() >= 0) {
      pagesAt.computeIfAbsent(placeKey(text, line.top()), k -> new HashSet<>()).add(line.page());
    }
    count++;
    if (head.size() < HEAD) {
      head.add(line);
      return;
    }
    tail.addLast(line);
    if (tail.size() > TAIL) {
      tail.removeFirst();
    }
  }

  /** The blocks, in order; sizes relative to the body's where sizes are known. */
  List<Block> build() {
    float body = bodySize();
    boolean boldMeans = chars > 0 && boldChars <= chars * BOLD_EVERYWHERE;
    List<Block> out = new ArrayList<>(head.size() + tail.size());
    int order = 0;
    for (Line line : head) {
      out.add(block(line, order++, body, boldMeans));
    }
    order = count - tail.size();
    for (Line line : tail) {
      out.add(block(line, order++, body, boldMeans));
    }
    return List.copyOf(out);
  }

  private Block block(Line line, int order, float body, boolean boldMeans) {
    String text = line.text().strip();
    float size = body > 0 && line.points() > 0 ? Math.round(line.points() / body * 1000) / 1000f : 0;
    float width = visible(text) * (size > 0 ? size : 1);
    boolean repeated = line.repeated() || line.page() > 0 && line.top() >= 0 && pagesAt.getOrDefault(placeKey(text, line.top()), Set.of()).size() >= 2;
    return new Block(text, line.page(), order, line.heading(), line.align(), boldMeans && line.bold(), size,
        line.page() > 0 ? line.own() : line.own() && width <= SHORT, repeated);
  }

  /** The size most characters are set in. */
  private float bodySize() {
    return charsBySize.entrySet().stream().max(Map.Entry.<Float, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).orElse(0f);
  }

  /** A line's text without spaces and with its digits as one sign (— 1 — and — 2 — are one footer), at its height. */
  private static String placeKey(String text, float top) {
    return key(text) + "@" + Math.round(top / SAME_HEIGHT);
  }

  /**
   * A face that is bold by its name: Bold, Black, Heavy, and the faces Chinese offices set titles and
   * headings in, 黑体 (SimHei, 方正黑体) and 小标宋 (方正小标宋, FZXBSJW). Not the sans faces a
   * converter puts in for missing ones (文泉驿微米黑), which carry a whole document.
   */
  static boolean boldFace(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return BOLD_NAME.matcher(n).find();
  }

  private static final java.util.regex.Pattern BOLD_NAME = java.util.regex.Pattern.compile(
      "bold|black|heavy|simhei|heiti|黑体|fzht|fzhei|xbs|xiaobiaosong|小标宋");

  static String key(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(c -> b.appendCodePoint(Character.isDigit(c) ? '#' : c));
    return b.toString();
  }

  /** Characters a reader sees; Latin letters and digits count half (they take half a Chinese char's room). */
  private static int visible(String text) {
    int halves = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isLowSurrogate(c)) {
        continue;
      }
      halves += c < 0x2000 ? 1 : 2;
    }
    return (halves + 1) / 2;
  }
}
