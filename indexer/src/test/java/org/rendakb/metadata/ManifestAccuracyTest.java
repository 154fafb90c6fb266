package org.rendakb.metadata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rendakb.SharedCorpus;

/**
 * The extractor against the corpus manifest (metadata read from ~3,300 real files' headers and
 * paths): per-field accuracy over the rows where the manifest fills the field, target ≥ 0.97.
 */
class ManifestAccuracyTest {
  static final Path CORPUS = SharedCorpus.CORPUS;
  static final double TARGET = 0.97;

  record Row(String path, String title, String type, String region, String body, String term, String date, String year) {}

  @Test
  void everyFieldTheManifestFillsIsRightAtLeast97PercentOfTheTime() throws IOException {
    Path manifest = CORPUS.resolve("manifest.tsv");
    SharedCorpus.assume();
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(manifest).subList(1, Files.readAllLines(manifest).size())) {
      String[] c = line.split("\t", -1);
      rows.add(new Row(c[0], c[1], c[2], c[4], c[5], c[6], c[8], c[9]));
    }
    MetadataExtractor extractor = new MetadataExtractor();
    Map<String, Function<Row, String>> expected = new LinkedHashMap<>();
    expected.put("title", Row::title);
    expected.put("type", Row::type);
    expected.put("body", Row::body);
    expected.put("region", Row::region);
    expected.put("term", Row::term);
    expected.put("date", Row::date);
    expected.put("year", Row::year);
    Map<String, int[]> score = new LinkedHashMap<>();
    Map<String, List<String>> misses = new LinkedHashMap<>();
    for (Row row : rows) {
      String text = Files.readString(CORPUS.resolve(row.path()));
      DocumentMetadata m = extractor.extract(new MetadataInput(row.path(), text, Map.of()));
      Map<String, String> got = Map.of(
          "title", Objects.toString(m.title(), ""),
          "type", m.type().label,
          "body", Objects.toString(m.body(), ""),
          "region", Objects.toString(m.region(), ""),
          "term", Objects.toString(m.term(), ""),
          "date", Objects.toString(m.date(), ""),
          "year", Objects.toString(m.year(), ""));
      for (var e : expected.entrySet()) {
        String want = e.getValue().apply(row);
        if (want.isEmpty()) {
          continue;
        }
        int[] s = score.computeIfAbsent(e.getKey(), k -> new int[2]);
        s[0]++;
        if (normalise(want).equals(normalise(got.get(e.getKey())))) {
          s[1]++;
        } else {
          misses.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(row.path() + ": want " + want + ", got " + got.get(e.getKey()));
        }
      }
    }
    StringBuilder table = new StringBuilder("| field | scored | correct | accuracy |\n|---|---|---|---|\n");
    score.forEach((field, s) -> table.append(String.format("| %s | %d | %d | %.4f |%n", field, s[0], s[1], s[1] / (double) s[0])));
    System.out.println(table);
    misses.forEach((field, list) -> list.stream().limit(8).forEach(m -> System.out.println("  miss " + field + " " + m)));
    Path out = Path.of("target", "metadata-accuracy.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table.toString());
    score.forEach((field, s) -> assertTrue(s[1] / (double) s[0] >= TARGET,
        field + " accuracy " + s[1] / (double) s[0] + " is below " + TARGET + "\n" + table));
  }

  /** Only trivially equivalent forms are equal: full/half-width brackets and spaces in titles. */
  private static String normalise(String s) {
    return s.replace('（', '(').replace('）', ')').replaceAll("\\s+", "");
  }
}
