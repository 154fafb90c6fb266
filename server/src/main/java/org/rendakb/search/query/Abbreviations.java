package org.rendakb.search.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rendakb.schema.MatchingText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups of interchangeable names (人大常委会 = 人民代表大会常务委员会) read from a plain text file that
 * staff can extend: one group per line, members separated by commas, {@code #} comments.
 *
 * <p>Expansion is by substring, not by whole word: a query word that contains a member (市人大常委会)
 * gets variants with that member replaced by each other member of its group, so an abbreviation is
 * found inside a longer word the segmenter never splits. Immutable once built.
 */
public final class Abbreviations {
  private static final Logger log = LoggerFactory.getLogger(Abbreviations.class);

  /** Variants of one word beyond this are dropped: each costs two phrase clauses. */
  public static final int MAX_VARIANTS = 4;

  private static final String BUNDLED = "/abbreviations.txt";

  /** folded member → its group (all folded members, the member itself included) */
  private final Map<String, List<String>> groupOf;
  /** longest first, so the longest member wins where several overlap */
  private final List<String> members;

  private Abbreviations(List<List<String>> groups) {
    Map<String, List<String>> map = new HashMap<>();
    for (List<String> group : groups) {
      for (String member : group) {
        map.merge(member, group, (a, b) -> {
          // a member listed in two groups joins them: both lists name the same thing
          List<String> merged = new ArrayList<>(new LinkedHashSet<>(a));
          b.stream().filter(m -> !merged.contains(m)).forEach(merged::add);
          return List.copyOf(merged);
        });
      }
    }
    this.groupOf = Map.copyOf(map);
    this.members = map.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  /** The dictionary shipped in the jar ({@code abbreviations.txt}). */
  public static Abbreviations bundled() {
    try (InputStream in = Abbreviations.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED);
      }
      return parse(in, BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A dictionary from a staff-maintained file; it replaces the bundled one. */
  public static Abbreviations load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    }
  }

  public static Abbreviations of(List<List<String>> groups) {
    return new Abbreviations(groups.stream().map(Abbreviations::normalise).filter(g -> g.size() > 1).toList());
  }

  private static Abbreviations parse(InputStream in, String source) throws IOException {
    List<List<String>> groups = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        List<String> group = normalise(List.of(trimmed.split("[,，、;；]")));
        if (group.size() < 2) {
          log.warn("{}:{}: a group needs at least two names, ignored: {}", source, number, trimmed);
          continue;
        }
        groups.add(group);
      }
    }
    return new Abbreviations(groups);
  }

  private static List<String> normalise(List<String> raw) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String member : raw) {
      String folded = fold(member);
      if (!folded.isEmpty()) {
        out.add(folded);
      }
    }
    return List.copyOf(out);
  }

  static String fold(String s) {
    return MatchingText.of(s.strip());
  }

  public int groups() {
    return (int) groupOf.values().stream().distinct().count();
  }

  /**
   * Other spellings of {@code word}: each member it contains replaced by the other members of the
   * member's group, breadth first (direct replacements before combined ones), at most
   * {@link #MAX_VARIANTS}. The word itself is not included.
   */
  public List<String> variants(String word) {
    String start = fold(word);
    Set<String> seen = new LinkedHashSet<>();
    seen.add(start);
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty() && seen.size() <= MAX_VARIANTS) {
      String s = queue.poll();
      for (Occurrence occurrence : occurrences(s)) {
        for (String other : groupOf.get(occurrence.member)) {
          if (other.equals(occurrence.member) || seen.size() > MAX_VARIANTS) {
            continue;
          }
          String variant = s.substring(0, occurrence.start) + other + s.substring(occurrence.end());
          if (seen.add(variant)) {
            queue.add(variant);
          }
        }
      }
    }
    seen.remove(start);
    return List.copyOf(seen);
  }

  private record Occurrence(int start, String member) {
    int end() {
      return start + member.length();
    }
  }

  /**
   * Where members occur in {@code s}, longest first, leaving out an occurrence that lies inside a
   * longer occurrence of a member of the same group (社会建设委 inside 社会建设委员会 is not a second
   * abbreviation to replace).
   */
  private List<Occurrence> occurrences(String s) {
    List<Occurrence> found = new ArrayList<>();
    for (String member : members) {
      for (int at = s.indexOf(member); at >= 0; at = s.indexOf(member, at + 1)) {
        Occurrence candidate = new Occurrence(at, member);
        boolean inside = found.stream().anyMatch(o -> o.start <= candidate.start && o.end() >= candidate.end()
            && groupOf.get(o.member).contains(member));
        if (!inside) {
          found.add(candidate);
        }
      }
    }
    return found;
  }
}
