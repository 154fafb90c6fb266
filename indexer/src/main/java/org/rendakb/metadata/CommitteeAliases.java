package org.rendakb.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Congress working bodies and the short forms staff write (committees.txt). */
final class CommitteeAliases {
  /** alias (or canonical name) → canonical name, longest alias first so 社会建设委员会 beats 社会委 */
  private final Map<String, String> canonical = new LinkedHashMap<>();

  CommitteeAliases() {
    List<String[]> pairs = new ArrayList<>();
    for (String line : Resources.lines("committees.txt")) {
      String[] names = line.split(",");
      for (String name : names) {
        pairs.add(new String[] {name.strip(), names[0].strip()});
      }
    }
    pairs.sort(Comparator.comparingInt((String[] p) -> p[0].length()).reversed());
    for (String[] p : pairs) {
      canonical.putIfAbsent(p[0], p[1]);
    }
  }

  /** Canonical committees mentioned in a text with how often, counting each occurrence once. */
  Map<String, Integer> mentions(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    boolean[] taken = new boolean[text.length()];
    for (var e : canonical.entrySet()) {
      String alias = e.getKey();
      for (int i = text.indexOf(alias); i >= 0; i = text.indexOf(alias, i + 1)) {
        if (taken[i]) {
          continue;
        }
        for (int j = i; j < i + alias.length(); j++) {
          taken[j] = true;
        }
        counts.merge(e.getValue(), 1, Integer::sum);
      }
    }
    return counts;
  }
}
