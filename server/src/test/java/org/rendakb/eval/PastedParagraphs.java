package org.rendakb.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.rendakb.passages.Passage;
import org.rendakb.passages.PassageSplitter;

/**
 * Multi-sentence pastes drawn from the corpus, seeded so every run draws the same: two to four
 * consecutive sentences of one document, pasted as they are ({@code paste}) or with one officialese
 * word of each swapped the way a drafter rewords ({@code reworded}).
 */
final class PastedParagraphs {
  static final int PER_KIND = 60;

  /** {@code sentences}: the source sentences, in order; a hit is right when it holds them all. */
  record Paste(String kind, String text, List<String> sentences, String source) {}

  private final Random random = new Random(20261204L);

  List<Paste> draw(Path corpus) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt"))
          .filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
    }
    PassageSplitter splitter = new PassageSplitter();
    Map<String, Integer> counts = new HashMap<>();
    Map<Path, List<Passage>> byFile = new LinkedHashMap<>();
    for (Path f : files) {
      List<Passage> passages = splitter.split(Files.readString(f));
      byFile.put(f, passages);
      passages.forEach(p -> counts.merge(p.text(), 1, Integer::sum));
    }
    List<Path> order = new ArrayList<>(byFile.keySet());
    List<Paste> out = new ArrayList<>();
    for (String kind : List.of("paste", "reworded")) {
      int made = 0;
      for (int attempt = 0; made < PER_KIND && attempt < 200_000; attempt++) {
        Path file = order.get(random.nextInt(order.size()));
        List<Passage> passages = byFile.get(file);
        int n = 2 + random.nextInt(3);
        if (passages.size() < n) {
          continue;
        }
        int at = random.nextInt(passages.size() - n + 1);
        List<String> sentences = passages.subList(at, at + n).stream().map(Passage::text).toList();
        if (!sentences.stream().allMatch(s -> PrecedentQueryGenerator.goodSentence(s) && counts.get(s) <= 3)) {
          continue;
        }
        String text = kind.equals("paste") ? String.join("", sentences) : reworded(sentences);
        if (text == null) {
          continue;
        }
        out.add(new Paste(kind, text, sentences, corpus.relativize(file).toString()));
        made++;
      }
    }
    return out;
  }

  /** One synonym swapped in each sentence that has one; null when fewer than two could be. */
  private String reworded(List<String> sentences) {
    StringBuilder b = new StringBuilder();
    int swapped = 0;
    for (String s : sentences) {
      String out = s;
      for (String[] pair : PrecedentQueryGenerator.SYNONYMS) {
        if (s.contains(pair[0])) {
          out = s.replaceFirst(pair[0], pair[1]);
          swapped++;
          break;
        }
      }
      b.append(out);
    }
    return swapped >= 2 ? b.toString() : null;
  }
}
