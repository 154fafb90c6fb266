package org.rendakb.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.rendakb.passages.Passage;
import org.rendakb.passages.PassageSplitter;

/**
 * Writes the precedent query set: real corpus sentences changed the way a drafter changes them.
 * Seeded, so the file it writes is reproducible: {@code ./mvnw -q -pl server -am test-compile} then
 * run this class with the test classpath and arguments {@code CORPUS_DIR OUT_FILE}.
 *
 * <p>Kinds: exact; swap (one word for a synonym); drop (a few chars gone); reorder (clauses in
 * another order); fragment (a part only); multi (several of these at once); paraphrase (several
 * officialese substitutions); concat (two consecutive sentences pasted together); traditional;
 * numerals (三十日 / 30日 / ３０日).
 */
public final class PrecedentQueryGenerator {
  static final int PER_KIND = 25;

  /** Officialese pairs a drafter swaps either way. */
  static final String[][] SYNONYMS = {
    {"应当", "应"}, {"加强", "强化"}, {"建立", "构建"}, {"推进", "推动"}, {"依法", "依照法律"},
    {"人民政府", "政府"}, {"完善", "健全"}, {"提高", "提升"}, {"开展", "进行"}, {"促进", "推动"},
    {"保障", "保证"}, {"规定", "规范"}, {"组织", "组织开展"}, {"有关部门", "相关部门"}, {"必须", "应当"},
    {"及时", "尽快"}, {"采取", "采用"}, {"落实", "贯彻落实"}, {"制定", "制订"}, {"监督管理", "监管"},
  };

  private static final String CN_DIGITS = "零一二三四五六七八九";

  /** {@code alternatives}: other passages that are equally right (the second of two pasted sentences). */
  record Query(String kind, String query, String expected, List<String> alternatives, String source) {}

  private final Random random = new Random(20261122L);
  private final Transliterator toTraditional = Transliterator.getInstance("Simplified-Traditional");

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<Query> queries = new PrecedentQueryGenerator().generate(corpus);
    ObjectMapper json = new ObjectMapper();
    Files.createDirectories(out.getParent());
    try (Writer w = Files.newBufferedWriter(out)) {
      for (Query q : queries) {
        w.write(json.writeValueAsString(q));
        w.write('\n');
      }
    }
    System.out.println(queries.size() + " queries written to " + out);
  }

  List<Query> generate(Path corpus) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt"))
          .filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
    }
    PassageSplitter splitter = new PassageSplitter();
    Map<String, Integer> counts = new HashMap<>();
    Map<Path, List<Passage>> passagesByFile = new LinkedHashMap<>();
    for (Path f : files) {
      List<Passage> passages = splitter.split(Files.readString(f));
      passagesByFile.put(f, passages);
      for (Passage p : passages) {
        counts.merge(p.text(), 1, Integer::sum);
      }
    }
    List<Path> order = new ArrayList<>(passagesByFile.keySet());
    Map<String, Function<String, String>> kinds = new LinkedHashMap<>();
    kinds.put("exact", s -> s);
    kinds.put("swap", this::swapOne);
    kinds.put("drop", this::dropChars);
    kinds.put("reorder", this::reorder);
    kinds.put("fragment", this::fragment);
    kinds.put("multi", this::multi);
    kinds.put("paraphrase", this::paraphrase);
    kinds.put("traditional", this::traditional);
    kinds.put("numerals", this::numerals);
    List<Query> queries = new ArrayList<>();
    for (var kind : kinds.entrySet()) {
      int made = 0;
      for (int attempt = 0; made < PER_KIND && attempt < 200_000; attempt++) {
        Path file = order.get(random.nextInt(order.size()));
        List<Passage> passages = passagesByFile.get(file);
        if (passages.isEmpty()) {
          continue;
        }
        Passage p = passages.get(random.nextInt(passages.size()));
        String s = p.text();
        if (!goodSentence(s) || counts.get(s) > 3) {
          continue;
        }
        String q = kind.getValue().apply(s);
        if (q == null || (!kind.getKey().equals("exact") && q.equals(s))) {
          continue;
        }
        queries.add(new Query(kind.getKey(), q, s, List.of(), corpus.relativize(file).toString()));
        made++;
      }
    }
    // two consecutive sentences pasted together: either one is a right answer
    int made = 0;
    for (int attempt = 0; made < PER_KIND && attempt < 200_000; attempt++) {
      Path file = order.get(random.nextInt(order.size()));
      List<Passage> passages = passagesByFile.get(file);
      if (passages.size() < 2) {
        continue;
      }
      int i = random.nextInt(passages.size() - 1);
      String a = passages.get(i).text();
      String b = passages.get(i + 1).text();
      if (!goodSentence(a) || !goodSentence(b) || counts.get(a) > 3 || a.length() + b.length() > 160) {
        continue;
      }
      queries.add(new Query("concat", a + b, a, List.of(b), corpus.relativize(file).toString()));
      made++;
    }
    return queries;
  }

  static boolean goodSentence(String s) {
    if (s.length() < 20 || s.length() > 120 || s.startsWith("#") || s.contains("|")) {
      return false;
    }
    long cjk = s.chars().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    return cjk >= 0.75 * s.length();
  }

  private String swapOne(String s) {
    List<String[]> applicable = Arrays.stream(SYNONYMS).filter(pair -> s.contains(pair[0]) || s.contains(pair[1])).toList();
    if (applicable.isEmpty()) {
      return null;
    }
    String[] pair = applicable.get(random.nextInt(applicable.size()));
    return s.contains(pair[0]) ? s.replaceFirst(pair[0], pair[1]) : s.replaceFirst(pair[1], pair[0]);
  }

  private String paraphrase(String s) {
    String out = s;
    int done = 0;
    for (String[] pair : SYNONYMS) {
      if (out.contains(pair[0])) {
        out = out.replace(pair[0], pair[1]);
        done++;
      } else if (out.contains(pair[1])) {
        out = out.replace(pair[1], pair[0]);
        done++;
      }
    }
    return done >= 3 ? out : null;
  }

  private String dropChars(String s) {
    StringBuilder b = new StringBuilder(s);
    int n = 2 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      int at = random.nextInt(b.length());
      if (Character.UnicodeScript.of(b.charAt(at)) == Character.UnicodeScript.HAN) {
        b.deleteCharAt(at);
      }
    }
    return b.toString();
  }

  private String reorder(String s) {
    String body = s.replaceAll("[。；！？]+$", "");
    String[] clauses = body.split("，");
    if (clauses.length < 2) {
      return null;
    }
    List<String> list = new ArrayList<>(Arrays.asList(clauses));
    int i = random.nextInt(list.size() - 1);
    String tmp = list.get(i);
    list.set(i, list.get(i + 1));
    list.set(i + 1, tmp);
    return String.join("，", list) + "。";
  }

  private String fragment(String s) {
    int len = (int) (s.length() * (0.25 + 0.2 * random.nextDouble()));
    if (len < 8) {
      return null;
    }
    int start = random.nextInt(s.length() - len + 1);
    return s.substring(start, start + len);
  }

  /** A swapped word, clauses in another order and a few chars dropped, all at once. */
  private String multi(String s) {
    String swapped = swapOne(s);
    String reordered = swapped == null ? null : reorder(swapped);
    if (reordered == null) {
      return null;
    }
    return dropChars(dropChars(reordered));
  }

  /** Only sentences where at least a third of the chars have another traditional form. */
  private String traditional(String s) {
    String t = toTraditional.transliterate(s);
    int changed = 0;
    for (int i = 0; i < Math.min(s.length(), t.length()); i++) {
      changed += s.charAt(i) != t.charAt(i) ? 1 : 0;
    }
    return changed * 3 >= s.length() ? t : null;
  }

  /** Chinese numerals before a counter become Arabic digits, Arabic digits become full-width. */
  private String numerals(String s) {
    var m = java.util.regex.Pattern.compile("[一二三四五六七八九十百]+(?=[日天个年月条项人万元倍%])").matcher(s);
    if (m.find()) {
      Integer value = chineseNumber(m.group());
      if (value != null) {
        return s.substring(0, m.start()) + value + s.substring(m.end());
      }
    }
    if (s.matches(".*[0-9].*")) {
      StringBuilder b = new StringBuilder();
      for (char c : s.toCharArray()) {
        b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
      }
      return b.toString();
    }
    return null;
  }

  static Integer chineseNumber(String s) {
    int total = 0;
    int current = 0;
    for (char c : s.toCharArray()) {
      int d = CN_DIGITS.indexOf(c);
      if (d >= 0) {
        current = d;
      } else if (c == '十') {
        total += (current == 0 ? 1 : current) * 10;
        current = 0;
      } else if (c == '百') {
        total += (current == 0 ? 1 : current) * 100;
        current = 0;
      } else {
        return null;
      }
    }
    return total + current;
  }
}
