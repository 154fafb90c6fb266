package org.rendakb.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the known-item topic query set from the corpus manifest, seeded: a place and the topic
 * words of a local regulation as staff type them (青岛 燃气管理), the same in traditional
 * characters, and a national law's short name with a year, where that year's version must come
 * first. Relevant: every version of the title (the one sought graded 2, the others 1).
 * Run with the test classpath: {@code TopicQueryGenerator CORPUS_DIR OUT_FILE}.
 */
public final class TopicQueryGenerator {
  record Row(String path, String title, String type, String date) {}

  private static final Pattern LOCAL = Pattern.compile("^(.{2,4}?)(省|市)(.+?)(实施办法|若干规定|条例|办法|规定)$");

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(corpus.resolve("manifest.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      rows.add(new Row(c[0], c[1], c[2], c[8]));
    }
    Map<String, List<Row>> byTitle = new LinkedHashMap<>();
    for (Row r : rows) {
      byTitle.computeIfAbsent(r.title(), t -> new ArrayList<>()).add(r);
    }
    Random random = new Random(20261122L);
    Transliterator traditional = Transliterator.getInstance("Simplified-Traditional");
    List<TopicQuery> out = new ArrayList<>();
    List<Row> local = new ArrayList<>(rows.stream().filter(r -> r.type().equals("地方性法规") && LOCAL.matcher(r.title()).matches()).toList());
    Collections.shuffle(local, random);
    int made = 0;
    for (Row r : local) {
      if (made == 200) {
        break;
      }
      Matcher m = LOCAL.matcher(r.title());
      m.matches();
      String topic = m.group(3).replaceFirst("^(实施|促进|加强)", "");
      if (topic.length() < 2 || topic.contains("《")) {
        continue;
      }
      String words = topic.length() <= 6 ? topic : topic.substring(topic.length() - 4);
      String query = m.group(1) + " " + words;
      out.add(new TopicQuery("place+topic", query, Map.of(), judgments(byTitle.get(r.title()), r)));
      if (made % 4 == 0) {
        out.add(new TopicQuery("traditional", traditional.transliterate(query), Map.of(), judgments(byTitle.get(r.title()), r)));
      }
      made++;
    }
    // a law's short name and a year: that year's version first among the law's versions
    List<List<Row>> versioned = new ArrayList<>(byTitle.values().stream()
        .filter(v -> v.size() >= 2 && v.get(0).type().equals("法律") && v.stream().allMatch(r -> r.date().length() == 10)).toList());
    Collections.shuffle(versioned, random);
    for (List<Row> versions : versioned.subList(0, Math.min(30, versioned.size()))) {
      Row pick = versions.get(random.nextInt(versions.size()));
      String shortName = pick.title().replaceFirst("^中华人民共和国", "");
      out.add(new TopicQuery("title+year", shortName + " " + pick.date().substring(0, 4), Map.of(), judgments(versions, pick)));
    }
    ObjectMapper json = new ObjectMapper();
    try (Writer w = Files.newBufferedWriter(Path.of(args[1]))) {
      for (TopicQuery q : out.stream().sorted(Comparator.comparing(TopicQuery::group)).toList()) {
        w.write(json.writeValueAsString(q));
        w.write('\n');
      }
    }
    System.out.println(out.size() + " queries written to " + args[1]);
  }

  private static Map<String, Integer> judgments(List<Row> versions, Row sought) {
    Map<String, Integer> rel = new LinkedHashMap<>();
    for (Row v : versions) {
      rel.put(v.path(), v == sought ? 2 : 1);
    }
    return rel;
  }
}
