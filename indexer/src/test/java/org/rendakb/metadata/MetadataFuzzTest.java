package org.rendakb.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rendakb.SharedCorpus;
import org.rendakb.extract.Block;

/**
 * Random and mutated corpus texts (truncated, lines shuffled, junk characters, huge lines, headers
 * broken), half of them with random layouts (blocks set centred, bold, large, right-aligned,
 * repeated, matching the text's lines or not), through the metadata extractor, date finder and law
 * citations. Nothing may throw, hang or give a value outside its canonical form. A fixed number of
 * inputs from a fixed seed, so every run checks the same inputs whatever the machine's load;
 * {@code -Drendakb.fuzz.seed=N} and {@code -Drendakb.fuzz.inputs=K} run others.
 */
class MetadataFuzzTest {
  static final long SEED = Long.getLong("rendakb.fuzz.seed", 19);
  static final int INPUTS = Integer.getInteger("rendakb.fuzz.inputs", 150);
  /**
   * A hang guard, not a speed bound: an input takes milliseconds, and a regular expression that
   * backtracks without end would otherwise stop the build.
   */
  static final Duration PER_INPUT = Duration.ofSeconds(60);
  static final Path CORPUS = SharedCorpus.CORPUS;

  static final List<String> JUNK = List.of(
      "\u0000", "\u0001", "\u001b[0m", "\r", "\r\n", "\t", "\u3000", "\u00a0", "\u200b", "\ufeff", "\ud800", "\udfff",
      "\ud83d\ude00", "\ufffd", "\u202e", "# ", "## ", "<!-- INFO END -->", "<!--", "-->", "《", "》", "〈", "〉", "《《", "》》",
      "＜", "＞", "年", "月", "日", "二〇二五年", "〇", "十", "第十四届", "人民代表大会常务委员会", "第二次会议", "通过",
      "发布时间：", "日期:", "2025-02-30", "1899年", "2101年", "9999年", "0000-00-00", "２０２４年１３月３２日",
      "市人大常委会", "同志们：", "主任", "《中华人民共和国", "法》", "条例", "记者", "讯（记者", "现将", "今年以来");

  static List<Path> files;

  @BeforeAll
  static void list() throws IOException {
    SharedCorpus.assume();
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      files = walk.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).sorted().toList();
    }
    System.out.println("MetadataFuzzTest seed " + SEED + " (replay with -Drendakb.fuzz.seed=" + SEED + ")");
  }

  @Test
  void mutatedTextsGiveCanonicalMetadata() throws Exception {
    MetadataExtractor extractor = new MetadataExtractor();
    LawCitations citations = new LawCitations();
    Random random = new Random(SEED);
    for (int n = 1; n <= INPUTS; n++) {
      Path file = files.get(random.nextInt(files.size()));
      String name = CORPUS.relativize(file).toString().replace('\\', '/');
      String text = mutate(random, Files.readString(file));
      Map<String, String> properties = random.nextInt(4) == 0 ? Map.of("dc:title", junk(random, 1 + random.nextInt(8))) : Map.of();
      String fileName = random.nextInt(5) == 0 ? mutate(random, name) : name;
      List<Block> blocks = random.nextBoolean() ? layout(random, text) : List.of();
      int input = n;
      try {
        assertTimeoutPreemptively(PER_INPUT, () -> {
          DocumentMetadata m = extractor.extract(new MetadataInput(fileName, text, properties, blocks));
          assertCanonical(m);
          String folded = DateFinder.foldDigits(text);
          for (DateFinder.Found f : DateFinder.all(folded)) {
            assertPlausible(f.date());
            assertTrue(f.start() >= 0 && f.start() < f.end() && f.end() <= folded.length());
          }
          for (String law : citations.extract(text, m.title())) {
            assertLaw(law);
          }
        });
      } catch (Throwable t) {
        throw new AssertionError("seed " + SEED + ", input " + input + " (" + name + ", " + text.length() + " chars, "
            + blocks.size() + " blocks, starting " + quoted(text) + "): " + t, t);
      }
    }
  }

  /**
   * Blocks for the text's first and last lines, each set at random, and some of junk: whatever the
   * extract stage hands on, the rules that weigh it must hold.
   */
  static List<Block> layout(Random r, String text) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    List<String> chosen = new ArrayList<>(lines.subList(0, Math.min(lines.size(), 40)));
    chosen.addAll(lines.subList(Math.max(chosen.size(), lines.size() - 20), lines.size()));
    List<Block> out = new ArrayList<>();
    for (String line : chosen) {
      String t = r.nextInt(10) == 0 ? junk(r, 1 + r.nextInt(20)) : r.nextInt(8) == 0 ? line.substring(0, r.nextInt(line.length() + 1)) : line;
      Block.Align align = Block.Align.values()[r.nextInt(Block.Align.values().length)];
      float size = r.nextInt(4) == 0 ? 0 : 0.5f + r.nextFloat() * 2;
      out.add(new Block(t, r.nextInt(3), out.size() * (1 + r.nextInt(3)), r.nextInt(4) == 0 ? r.nextInt(7) : 0, align, r.nextBoolean(),
          size, r.nextBoolean(), r.nextInt(6) == 0));
    }
    return out;
  }

  private static String quoted(String text) {
    String head = text.length() > 200 ? text.substring(0, 200) : text;
    StringBuilder b = new StringBuilder("\"");
    head.chars().forEach(c -> b.append(c < 0x20 || (c >= 0xd800 && c < 0xe000) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b.append('"').toString();
  }

  /** What the fuzz found with seed 29933759244099: a title line whose text starts with U+001D, in a header without its end marker. */
  @Test
  void aTitleLineStartingWithAControlSeparatorIsStripped() {
    DocumentMetadata m = new MetadataExtractor().extract(new MetadataInput("laws/司法解释/x.md",
        "# \u001d最高人民法院关于办理袭警刑事案件适用法律若干问题的解释\n\n正文第一条。\n", Map.of()));
    assertEquals("最高人民法院关于办理袭警刑事案件适用法律若干问题的解释", m.title());
    assertCanonical(m);
  }

  static void assertCanonical(DocumentMetadata m) {
    assertNotNull(m.type());
    assertTrue(Arrays.asList(DocType.values()).contains(m.type()));
    assertEquals(m.type(), DocType.fromLabel(m.type().label).orElseThrow());
    if (m.date() != null) {
      assertPlausible(m.date());
      assertEquals(m.date().getYear(), m.year(), "year is the date's year");
      assertEquals(m.date().toString(), LocalDate.parse(m.date().toString()).toString(), "ISO date");
    }
    if (m.year() != null) {
      assertTrue(m.year() >= 1900 && m.year() <= 2100, "plausible year " + m.year());
    }
    for (String value : Arrays.asList(m.title(), m.body(), m.committee(), m.region(), m.place(), m.term(), m.meeting(), m.speaker())) {
      if (value != null) {
        assertFalse(value.isBlank(), "a value is null or says something");
        assertEquals(value.strip(), value, "stripped: " + quoted(value));
        assertFalse(value.contains("\n"), "one line: " + quoted(value));
      }
    }
    if (m.term() != null) {
      assertTrue(m.term().matches("第[一二三四五六七八九十]+届"), m.term());
    }
    m.laws().forEach(MetadataFuzzTest::assertLaw);
  }

  static void assertLaw(String law) {
    assertTrue(LawCitations.isLaw(law), law);
    assertFalse(law.contains("《") || law.contains("》") || law.isBlank(), law);
  }

  static void assertPlausible(LocalDate d) {
    assertTrue(d.getYear() >= 1900 && d.getYear() <= 2100, "plausible date " + d);
  }

  /** One or more of: truncation, shuffled lines, junk inserted, a huge line, a broken header, deletions. */
  static String mutate(Random r, String text) {
    String s = text;
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      s = switch (r.nextInt(7)) {
        case 0 -> s.substring(0, r.nextInt(s.length() + 1)); // may cut a surrogate pair
        case 1 -> {
          List<String> lines = new ArrayList<>(s.lines().toList());
          Collections.shuffle(lines, r);
          yield String.join("\n", lines);
        }
        case 2 -> {
          StringBuilder b = new StringBuilder(s);
          for (int k = 1 + r.nextInt(50); k > 0; k--) {
            b.insert(r.nextInt(b.length() + 1), junk(r, 1));
          }
          yield b.toString();
        }
        case 3 -> {
          // a huge line: a stretch of the text repeated without a line break (a PDF without breaks)
          String line = s.replace('\n', ' ');
          int start = line.isEmpty() ? 0 : r.nextInt(line.length());
          String stretch = line.substring(start, Math.min(line.length(), start + 1 + r.nextInt(200)));
          int at = r.nextInt(s.length() + 1);
          yield s.substring(0, at) + stretch.repeat(1 + r.nextInt(Math.max(1, 400_000 / Math.max(1, stretch.length())))) + s.substring(at);
        }
        case 4 -> JUNK.get(r.nextInt(JUNK.size())) + (r.nextBoolean() ? "\n" : "") + s;
        case 5 -> {
          StringBuilder b = new StringBuilder(s);
          for (int k = 1 + r.nextInt(20); k > 0 && !b.isEmpty(); k--) {
            int at = r.nextInt(b.length());
            b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(40)));
          }
          yield b.toString();
        }
        default -> junk(r, 1 + r.nextInt(300));
      };
    }
    return s;
  }

  static String junk(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(4)) {
        case 0 -> b.append(JUNK.get(r.nextInt(JUNK.size())));
        case 1 -> b.append((char) (0x4e00 + r.nextInt(0x9fa5 - 0x4e00)));
        case 2 -> b.append((char) r.nextInt(0x80));
        default -> b.append((char) r.nextInt(0x10000)); // lone surrogates included
      }
    }
    return b.toString();
  }
}
