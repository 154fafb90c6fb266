package org.rendakb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.api.TestCorpus;
import org.rendakb.metadata.DocumentMetadata;
import org.rendakb.metadata.MetadataExtractor;
import org.rendakb.metadata.MetadataInput;

/** The scale corpus on a slice of the real one: new texts, the same types and regions, and seeded. */
class ScaleCorpusTest {
  private static final Path CORPUS = TestCorpus.shared().resolve("corpus");

  @TempDir static Path dir;
  private static Path slice;
  private static final MetadataExtractor METADATA = new MetadataExtractor();

  @BeforeAll
  static void slice() throws IOException {
    TestCorpus.assumeSharedCorpus();
    slice = dir.resolve("corpus");
    List<String> manifest = Files.readAllLines(CORPUS.resolve("manifest.tsv"));
    List<String> rows = new ArrayList<>(List.of(manifest.getFirst()));
    rows.addAll(manifest.stream().filter(r -> r.contains("\t地方性法规\t") && r.contains("\t山东\t")).limit(6).toList());
    rows.addAll(manifest.stream().filter(r -> r.contains("\t政府工作报告\t")).limit(3).toList());
    for (String row : rows.subList(1, rows.size())) {
      Path relative = Path.of(row.split("\t")[0]);
      Files.createDirectories(slice.resolve(relative).getParent());
      Files.copy(CORPUS.resolve(relative), slice.resolve(relative));
    }
    Files.write(slice.resolve("manifest.tsv"), rows);
  }

  @Test
  void variantsKeepTypeAndRegionButNotTheText() throws IOException {
    Path out = ScaleCorpus.generate(slice, dir.resolve("x3"), 3, 7L);
    List<Path> variants = files(out);
    assertEquals(9 * 2, variants.size());
    for (Path variant : variants) {
      Path relative = out.relativize(variant);
      String name = relative.getFileName().toString();
      Path template = slice.resolve(relative.subpath(1, relative.getNameCount()))
          .resolveSibling(name.replaceFirst("-v[0-9]+", ""));
      assertTrue(Files.isRegularFile(template), "no template for " + relative);
      String text = Files.readString(variant);
      String original = Files.readString(template);
      assertNotEquals(original, text);
      DocumentMetadata expected = METADATA.extract(new MetadataInput(template.toString(), original, Map.of()));
      DocumentMetadata actual = METADATA.extract(new MetadataInput(relative.toString(), text, Map.of()));
      assertEquals(expected.type(), actual.type(), relative.toString());
      assertEquals(expected.region(), actual.region(), relative.toString());
      assertNotEquals(expected.title(), actual.title());
    }
  }

  @Test
  void everyParagraphIsRealAndTheSeedFixesTheOutput() throws IOException {
    Path a = ScaleCorpus.generate(slice, dir.resolve("a"), 2, 11L);
    Path b = ScaleCorpus.generate(slice, dir.resolve("b"), 2, 11L);
    Set<String> realParagraphs = new HashSet<>();
    for (Path f : files(slice)) {
      if (!f.toString().endsWith(".tsv")) {
        Files.readString(f).lines().map(String::strip).forEach(realParagraphs::add);
      }
    }
    for (Path f : files(a)) {
      assertEquals(Files.readString(f), Files.readString(b.resolve(a.relativize(f))));
      List<String> lines = Files.readString(f).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      // the header's first line carries the new title; every other line is a line of a real document
      lines.subList(1, lines.size()).forEach(l -> assertTrue(realParagraphs.contains(l), l));
    }
  }

  @Test
  void theTypeWordStaysLast() {
    assertEquals("上海市养老服务（样本3）条例", ScaleCorpus.variantTitle("上海市养老服务条例", 3));
    assertEquals("1999年国务院（样本1）政府工作报告", ScaleCorpus.variantTitle("1999年国务院政府工作报告", 1));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
