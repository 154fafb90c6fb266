package org.rendakb.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rendakb.api.TestCorpus;

/**
 * The concept set (set 5) is what it claims to be: topics described in a person's own words, none
 * sharing two consecutive characters with the title of any document it wants, and each with all its
 * relevant documents: every corpus title that matches the pattern its note names is judged.
 */
class ConceptQueriesTest {
  static final Path SET = TopicEvaluationTest.DIR.resolve("concept-queries.jsonl");
  private static final Pattern NOTE = Pattern.compile("titles matching /(.+)/");

  @Test
  void atLeastSixtyQueriesNoneSharingABigramWithATitleItWants() throws Exception {
    TestCorpus.assumeSharedCorpus();
    Map<String, String> titles = titles();
    List<TopicQuery> queries = TopicEvaluation.load(SET);
    assertTrue(queries.size() >= 60, "queries: " + queries.size());
    List<String> shared = new ArrayList<>();
    for (TopicQuery q : queries) {
      Set<String> grams = bigrams(q.query());
      for (String path : q.relevant().keySet()) {
        Set<String> common = new TreeSet<>(bigrams(titles.get(path)));
        common.retainAll(grams);
        if (!common.isEmpty()) {
          shared.add(q.query() + " ~ " + titles.get(path) + " " + common);
        }
      }
    }
    assertEquals(List.of(), shared);
  }

  @Test
  void everyTitleOfTheNotedPatternIsJudged() throws Exception {
    TestCorpus.assumeSharedCorpus();
    Map<String, String> titles = titles();
    List<String> problems = new ArrayList<>();
    for (TopicQuery q : TopicEvaluation.load(SET)) {
      Matcher m = NOTE.matcher(q.note() == null ? "" : q.note());
      if (!m.matches()) {
        problems.add(q.query() + ": no title pattern in its note");
        continue;
      }
      Pattern wanted = Pattern.compile(m.group(1));
      Set<String> expected = new TreeSet<>();
      titles.forEach((path, title) -> {
        if (wanted.matcher(title).find()) {
          expected.add(path);
        }
      });
      if (expected.isEmpty() || !expected.equals(new TreeSet<>(q.relevant().keySet()))) {
        problems.add(q.query() + ": judged " + q.relevant().size() + ", pattern matches " + expected.size());
      }
    }
    assertEquals(List.of(), problems);
  }

  /** Corpus path → title, from the manifest. */
  static Map<String, String> titles() throws Exception {
    Map<String, String> out = new java.util.HashMap<>();
    List<String> lines = Files.readAllLines(CorpusIndex.CORPUS.resolve("manifest.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      out.put(f[0], f[1]);
    }
    return out;
  }

  static Set<String> bigrams(String s) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 1 < s.length(); i++) {
      if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN
          && Character.UnicodeScript.of(s.charAt(i + 1)) == Character.UnicodeScript.HAN) {
        out.add(s.substring(i, i + 2));
      }
    }
    return out;
  }
}
