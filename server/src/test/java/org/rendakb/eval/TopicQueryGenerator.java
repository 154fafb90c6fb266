package org.rendakb.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.rendakb.schema.Analyzers;

/**
 * Writes the seeded known-item topic query sets from the corpus manifest and text.
 *
 * <p>Set 1 ({@code topic-queries.jsonl}, group place+topic): a place and the topic words of a local
 * regulation as staff type them (青岛 燃气管理).
 *
 * <p>Set 4 ({@code typed-queries.jsonl}), the forms people really type: body words absent from the
 * title (what a document is about, not what it is called), abbreviations over documents that use
 * the full form, traditional characters, full-width digits, a character dropped from the topic
 * word, and a law's name with a year, where that year's version must come first.
 *
 * <p>Judgments: the document sought is graded 2 together with every file of the same title and
 * the same date (the corpus files some laws under two folders); other versions of the title are 1.
 * Without a year the newest version is the one sought; with a year, every version of that year.
 * Run with the test classpath: {@code TopicQueryGenerator CORPUS_DIR OUT_DIR}.
 */
public final class TopicQueryGenerator {
  record Row(String path, String title, String type, String date) {
    String version() {
      if (!date.isEmpty()) {
        return date;
      }
      Matcher m = FILE_DATE.matcher(path);
      return m.find() ? m.group(1) : "";
    }

    String year() {
      return version().length() >= 4 ? version().substring(0, 4) : "";
    }
  }

  private static final Pattern FILE_DATE = Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2})\\)\\.md$");
  private static final Pattern LOCAL = Pattern.compile("^(.{2,4}?)(省|市)(.+?)(实施办法|若干规定|条例|办法|规定)$");
  private static final Pattern CJK_WORD = Pattern.compile("^\\p{IsHan}{2,4}$");
  private static final int PER_GROUP = 36;

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, List<Row>> byTitle = new LinkedHashMap<>();
  private final Map<String, String> texts = new HashMap<>();
  /** Row numbers of the files holding each character bigram: candidates for a substring, checked after. */
  private final Map<String, BitSet> bigramFiles = new HashMap<>();
  private final Random random = new Random(20261122L);
  private final Analyzer words = Analyzers.words();

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    Path out = Path.of(args[1]);
    TopicQueryGenerator g = new TopicQueryGenerator(corpus);
    List<TopicQuery> set1 = new ArrayList<>();
    List<TopicQuery> set4 = new ArrayList<>();
    g.placeTopic(set1, set4);
    g.titleYear(set4);
    g.fullWidth(set4);
    g.abbreviations(set4);
    g.bodyWords(set4);
    write(set1, out.resolve("topic-queries.jsonl"));
    write(set4, out.resolve("typed-queries.jsonl"));
  }

  TopicQueryGenerator(Path corpus) throws IOException {
    List<String> lines = Files.readAllLines(corpus.resolve("manifest.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      Row r = new Row(c[0], c[1], c[2], c[8]);
      rows.add(r);
      byTitle.computeIfAbsent(r.title(), t -> new ArrayList<>()).add(r);
      String text = Files.readString(corpus.resolve(r.path()));
      texts.put(r.path(), text);
      for (int i = 0; i + 2 <= text.length(); i++) {
        bigramFiles.computeIfAbsent(text.substring(i, i + 2), b -> new BitSet()).set(rows.size() - 1);
      }
    }
  }

  /** The rows whose text holds every one of the words. */
  private List<Row> containing(List<String> words) {
    return containing(words, Integer.MAX_VALUE);
  }

  /**
   * The rows whose text holds every one of the words, or null when more than {@code max} files
   * hold all their bigrams (then more than {@code max} files may hold the words: not checked).
   */
  private List<Row> containing(List<String> words, int max) {
    BitSet candidates = null;
    for (String w : words) {
      for (String b : bigrams(w)) {
        BitSet files = bigramFiles.getOrDefault(b, new BitSet());
        if (candidates == null) {
          candidates = (BitSet) files.clone();
        } else {
          candidates.and(files);
        }
      }
    }
    List<Row> out = new ArrayList<>();
    if (candidates != null && candidates.cardinality() > max) {
      return null;
    }
    if (candidates != null) {
      candidates.stream().mapToObj(rows::get)
          .filter(r -> words.stream().allMatch(texts.get(r.path())::contains)).forEach(out::add);
    }
    return out;
  }

  /** Set 1, and from the same draws the traditional and dropped-character groups of set 4. */
  void placeTopic(List<TopicQuery> set1, List<TopicQuery> set4) {
    Transliterator traditional = Transliterator.getInstance("Simplified-Traditional");
    List<Row> local = new ArrayList<>(newest(rows.stream()
        .filter(r -> r.type().equals("地方性法规") && LOCAL.matcher(r.title()).matches()).toList()));
    Collections.shuffle(local, random);
    int made = 0;
    int typos = 0;
    for (Row r : local) {
      Matcher m = LOCAL.matcher(r.title());
      m.matches();
      String topic = m.group(3).replaceFirst("^(实施|促进|加强)", "");
      if (topic.length() < 2 || topic.contains("《") || topic.contains("“")) {
        continue;
      }
      String place = m.group(1);
      String topicWords = topic.length() <= 6 ? topic : lastWords(topic);
      if (made < 210) {
        String query = place + " " + topicWords;
        set1.add(new TopicQuery("place+topic", query, versions(r.title(), r.version()), null));
        if (made % 4 == 0) {
          set4.add(new TopicQuery("traditional", traditional.transliterate(query), versions(r.title(), r.version()), null));
        }
        made++;
      } else if (typos < PER_GROUP && topicWords.length() >= 4) {
        // alternately a character dropped inside the word (a typo) and at its end (a partial word)
        int drop = typos % 2 == 0 ? 1 + random.nextInt(topicWords.length() - 2) : topicWords.length() - 1;
        String typo = topicWords.substring(0, drop) + topicWords.substring(drop + 1);
        set4.add(new TopicQuery("dropped-char", place + " " + typo, versions(r.title(), r.version()), null));
        typos++;
      }
    }
  }

  /** A national law's name without 中华人民共和国 and a year: that year's versions are sought. */
  void titleYear(List<TopicQuery> set4) {
    for (List<Row> versions : lawsWithVersions().subList(0, PER_GROUP)) {
      Row pick = versions.get(random.nextInt(versions.size()));
      String shortName = pick.title().replaceFirst("^中华人民共和国", "");
      set4.add(new TopicQuery("title+year", shortName + " " + pick.year(), ofYear(pick.title(), pick.year()), null));
    }
  }

  /** Years in full-width digits: a law's version (other laws than title+year) and a year's government work report. */
  void fullWidth(List<TopicQuery> set4) {
    List<List<Row>> laws = lawsWithVersions();
    for (List<Row> versions : laws.subList(PER_GROUP, Math.min(laws.size(), PER_GROUP + PER_GROUP / 2))) {
      Row pick = versions.get(random.nextInt(versions.size()));
      String shortName = pick.title().replaceFirst("^中华人民共和国", "");
      set4.add(new TopicQuery("full-width", shortName + " " + fullWidth(pick.year()), ofYear(pick.title(), pick.year()), null));
    }
    List<Row> reports = new ArrayList<>(rows.stream().filter(r -> r.type().equals("政府工作报告")).toList());
    Collections.shuffle(reports, random);
    for (Row r : reports.subList(0, PER_GROUP / 2)) {
      String year = r.title().substring(0, 4);
      String query = random.nextBoolean() ? fullWidth(year) + "年 政府工作报告" : "政府工作报告 " + fullWidth(year);
      set4.add(new TopicQuery("full-width", query, Map.of(r.path(), 2), null));
    }
  }

  /**
   * Abbreviations over titles that use the full form: the body's name written short
   * (北京市人民代表大会常务委员会议事规则 → 北京市人大常委会 议事规则, 上海市人民代表大会关于代表建议、批评和意见的规定
   * → 上海市人大 代表建议批评和意见).
   */
  void abbreviations(List<TopicQuery> set4) {
    List<Row> titled = new ArrayList<>(newest(rows.stream().filter(r -> r.title().contains("人民代表大会")).toList()));
    Collections.shuffle(titled, random);
    int made = 0;
    for (Row r : titled) {
      boolean standing = r.title().contains("人民代表大会常务委员会");
      String full = standing ? "人民代表大会常务委员会" : "人民代表大会";
      int at = r.title().indexOf(full);
      String place = r.title().substring(0, at).replace("中华人民共和国", "").replace("各级", "").replaceFirst("^关于", "");
      String rest = r.title().substring(at + full.length())
          .replaceFirst("^关于", "").replaceFirst("的(决定|决议|规定)$", "");
      String topic = rest.replaceAll("[、，“”《》\\s]", "");
      topic = topic.length() <= 8 ? topic : lastWords(topic);
      if (topic.length() < 2 || place.length() > 4 || topic.startsWith("第")) {
        continue;
      }
      set4.add(new TopicQuery("abbreviation", place + (standing ? "人大常委会 " : "人大 ") + topic,
          versions(r.title(), r.version()), null));
      if (++made == PER_GROUP) {
        break;
      }
    }
  }

  /**
   * Words a document's body uses often and few other documents use, none sharing two characters
   * with its title; kept when the corpus holds no other title whose text has them all.
   */
  void bodyWords(List<TopicQuery> set4) {
    List<Row> pool = new ArrayList<>(newest(rows.stream().filter(r -> texts.get(r.path()).length() >= 3000).toList()));
    Collections.shuffle(pool, random);
    int made = 0;
    for (Row r : pool) {
      if (made == PER_GROUP) {
        break;
      }
      String text = texts.get(r.path());
      Set<String> titleBigrams = bigrams(r.title());
      Map<String, Integer> tf = new HashMap<>();
      for (String w : segment(text)) {
        if (CJK_WORD.matcher(w).matches() && Collections.disjoint(bigrams(w), titleBigrams)) {
          tf.merge(w, 1, Integer::sum);
        }
      }
      List<String> candidates = tf.entrySet().stream().filter(e -> e.getValue() >= 3)
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(40).map(Map.Entry::getKey).toList();
      Map<String, Double> weight = new HashMap<>();
      for (String w : candidates) {
        List<Row> holding = containing(List.of(w), 40);
        long df = holding == null ? Long.MAX_VALUE : holding.size();
        if (df >= 3 && df <= 40) {
          weight.put(w, tf.get(w) * Math.log(rows.size() / (double) df));
        }
      }
      List<String> best = weight.entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(6).map(Map.Entry::getKey).toList();
      if (best.size() < 3) {
        continue;
      }
      List<String> query = pickInOrder(best, random.nextBoolean() ? 2 : 3);
      boolean unique = containing(query).stream().allMatch(o -> o.title().equals(r.title()));
      if (unique) {
        set4.add(new TopicQuery("body-words", String.join(" ", query), versions(r.title(), r.version()), null));
        made++;
      }
    }
  }

  /** The title's files: those of the date sought 2, the other versions 1. */
  private Map<String, Integer> versions(String title, String sought) {
    Map<String, Integer> rel = new LinkedHashMap<>();
    for (Row v : byTitle.get(title)) {
      rel.put(v.path(), v.version().equals(sought) ? 2 : 1);
    }
    return rel;
  }

  private Map<String, Integer> ofYear(String title, String year) {
    Map<String, Integer> rel = new LinkedHashMap<>();
    for (Row v : byTitle.get(title)) {
      rel.put(v.path(), v.year().equals(year) ? 2 : 1);
    }
    return rel;
  }

  /** One row per title: its newest version (ISO dates compare as strings; undated comes first). */
  private List<Row> newest(List<Row> candidates) {
    Map<String, Row> out = new LinkedHashMap<>();
    for (Row r : candidates) {
      out.merge(r.title(), r, (a, b) -> b.version().compareTo(a.version()) > 0 ? b : a);
    }
    return new ArrayList<>(out.values());
  }

  /**
   * National laws and administrative regulations with versions in at least two different years,
   * shuffled; not the Civil Code, whose books are files of one title.
   */
  private List<List<Row>> lawsWithVersions() {
    List<List<Row>> versioned = new ArrayList<>(byTitle.values().stream()
        .filter(v -> (v.get(0).type().equals("法律") || v.get(0).type().equals("行政法规")) && v.size() <= 5
            && v.stream().allMatch(r -> r.version().length() == 10)
            && v.stream().map(Row::year).distinct().count() >= 2)
        .toList());
    Collections.shuffle(versioned, new Random(20261123L));
    return versioned;
  }

  /** The last words of a long topic, at least four characters: 城市房地产开发经营管理 → 经营管理. */
  private String lastWords(String topic) {
    List<String> w = segment(topic);
    String out = "";
    for (int i = w.size() - 1; i >= 0 && out.length() < 4; i--) {
      out = w.get(i) + out;
    }
    return out;
  }

  private List<String> pickInOrder(List<String> from, int n) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < from.size(); i++) {
      idx.add(i);
    }
    Collections.shuffle(idx, random);
    return idx.subList(0, n).stream().sorted().map(from::get).toList();
  }

  private List<String> segment(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = words.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static Set<String> bigrams(String s) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 2 <= s.length(); i++) {
      out.add(s.substring(i, i + 2));
    }
    return out;
  }

  static String fullWidth(String digits) {
    StringBuilder s = new StringBuilder();
    digits.chars().forEach(c -> s.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : (char) c));
    return s.toString();
  }

  private static void write(List<TopicQuery> queries, Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Writer w = Files.newBufferedWriter(file)) {
      for (TopicQuery q : queries) {
        w.write(json.writeValueAsString(q));
        w.write('\n');
      }
    }
    System.out.println(queries.size() + " queries written to " + file);
  }
}
