package org.rendakb.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Page numbers from the offsets where pages start (ExtractedText#pageStarts), and their stored form. */
public final class Pages {
  private Pages() {}

  /** The page (from 1) holding the char at {@code offset}; null without pages. */
  public static Integer at(List<Integer> starts, int offset) {
    if (starts.isEmpty()) {
      return null;
    }
    int i = Collections.binarySearch(starts, offset);
    // an empty page starts where the next one does: the char belongs to the last page starting there
    if (i >= 0) {
      while (i + 1 < starts.size() && starts.get(i + 1) == offset) {
        i++;
      }
      return i + 1;
    }
    return Math.max(1, -i - 1);
  }

  /** As stored in the index: the offsets, comma-separated. */
  public static String format(List<Integer> starts) {
    StringBuilder b = new StringBuilder();
    for (int s : starts) {
      b.append(b.isEmpty() ? "" : ",").append(s);
    }
    return b.toString();
  }

  public static List<Integer> parse(String stored) {
    List<Integer> out = new ArrayList<>();
    if (stored != null && !stored.isEmpty()) {
      for (String s : stored.split(",")) {
        out.add(Integer.parseInt(s));
      }
    }
    return out;
  }
}
