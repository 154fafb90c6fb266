package org.rendakb.metadata;

import java.util.ArrayList;
import java.util.List;
import org.rendakb.extract.Block;

/**
 * How the document's lines are set, as the extract stage saw them ({@link Block}s): for each line of
 * the text, the block or blocks it was read from. Plain text has no layout; then every line's block
 * is null and the reading rules judge lines by their words alone.
 */
final class Layout {
  static final Layout NONE = new Layout(List.of());
  /** How far past the last matched block a line's own is looked for first. */
  private static final int WINDOW = 80;

  private final List<Block> blocks;
  private final List<String> keys;

  Layout(List<Block> blocks) {
    this.blocks = blocks;
    this.keys = blocks.stream().map(b -> key(b.text())).toList();
  }

  boolean known() {
    return !blocks.isEmpty();
  }

  List<Block> blocks() {
    return blocks;
  }

  /**
   * The block each line was set as, one for one (null where none is found): the lines in order, so
   * that a title repeated as a running header is told from the title itself. A line the cleaner
   * joined from several (a PDF's line broken at the page edge) takes the look of its first block,
   * its alignment from its last (a centred paragraph's last line shows the centring).
   */
  List<Block> of(List<String> lines) {
    List<Block> out = new ArrayList<>(lines.size());
    int cursor = 0;
    for (String line : lines) {
      String key = key(line);
      Match m = key.isEmpty() ? null : find(key, cursor, Math.min(blocks.size(), cursor + WINDOW));
      if (m == null && !key.isEmpty()) {
        m = find(key, 0, blocks.size());
      } else if (m != null) {
        cursor = m.last() + 1;
      }
      out.add(m == null ? null : m.block());
    }
    return out;
  }

  /**
   * The lines with those of large type that the page edge broke joined again, as a reader reads them:
   * a centred line too long for the measure fills one line and its rest is centred below it, in the
   * same type (宿迁市人民代表大会常务委员会办公 / 室). Plain text is left as it is.
   */
  List<String> joinBroken(List<String> lines) {
    if (!known()) {
      return lines;
    }
    List<Block> styles = of(lines);
    List<String> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Block a = styles.get(i);
      Block z = i + 1 < lines.size() ? styles.get(i + 1) : null;
      if (a != null && z != null && z.order() == a.order() + 1 && a.page() == z.page() && a.large() && Math.abs(a.size() - z.size()) < 0.01f
          && a.bold() == z.bold() && a.align() == Block.Align.LEFT && z.centred()) {
        out.add(lines.get(i) + lines.get(i + 1));
        i++;
      } else {
        out.add(lines.get(i));
      }
    }
    return out;
  }

  private record Match(Block block, int last) {}

  private Match find(String key, int from, int to) {
    for (int j = from; j < to; j++) {
      String k = keys.get(j);
      if (k.isEmpty()) {
        continue;
      }
      // a long line may be the start of its block (a head cut short, a block's text kept to its start)
      if (k.equals(key) || key.length() >= 20 && k.startsWith(key)) {
        return new Match(blocks.get(j), j);
      }
      if (key.startsWith(k)) {
        StringBuilder joined = new StringBuilder(k);
        int last = j;
        while (last + 1 < blocks.size() && joined.length() < key.length() && key.startsWith(joined + keys.get(last + 1))
            && !keys.get(last + 1).isEmpty()) {
          joined.append(keys.get(++last));
        }
        if (joined.length() == key.length()) {
          return new Match(last == j ? blocks.get(j) : joined(j, last), last);
        }
      }
    }
    return null;
  }

  private Block joined(int first, int last) {
    Block a = blocks.get(first);
    Block z = blocks.get(last);
    boolean repeated = true;
    StringBuilder text = new StringBuilder();
    for (int i = first; i <= last; i++) {
      repeated &= blocks.get(i).repeated();
      text.append(blocks.get(i).text());
    }
    return new Block(text.toString(), a.page(), a.order(), a.heading(), z.align(), a.bold(), a.size(), a.standalone(), repeated);
  }

  /** A line's text as matched: no spaces (a PDF spaces its chars), digits in one width. */
  static String key(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '#') {
        continue;
      }
      b.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c);
    }
    return b.toString();
  }
}
