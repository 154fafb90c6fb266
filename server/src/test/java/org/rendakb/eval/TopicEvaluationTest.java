package org.rendakb.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rendakb.api.TestCorpus;
import org.rendakb.api.TestMeaning;
import org.rendakb.search.query.Abbreviations;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.SearchService;

/**
 * Topic search over the whole corpus on every query set (1: place+topic known items, 3: hand-judged
 * staff questions, 4: the forms people type, 5: topics described in other words), per group, beside the two plain body baselines, as a
 * regression gate: every product figure (MRR, s@1, s@10, nDCG@10, recall@100) must stay within 0.01
 * of topic-expected.json. Raise the stored values in the commit that improves them: run with
 * {@code -Drendakb.writeExpected=true} to write the current figures there. The table goes to
 * target/topic-evaluation.md.
 */
class TopicEvaluationTest {
  static final Path DIR = Path.of("src/test/resources/eval");
  static final List<String> SETS = List.of("topic-queries", "typed-queries", "staff-questions", "concept-queries");
  static final Path EXPECTED = DIR.resolve("topic-expected.json");
  static final double TOLERANCE = 0.01;

  @Test
  void everyGroupHoldsItsStoredFigures() throws Exception {
    TestCorpus.assumeSharedCorpus();
    Path indexDir = CorpusIndex.get();
    List<TopicEvaluation.Report> reports = new ArrayList<>();
    try (IndexAccess index = IndexAccess.open(indexDir)) {
      SearchService service = new SearchService(index, Abbreviations.bundled(), TestMeaning.search());
      index.withSearcher(searcher -> {
        CorpusDocs docs = new CorpusDocs(searcher, CorpusIndex.CORPUS);
        BodyBaseline smartcn = BodyBaseline.smartcn(searcher, docs);
        BodyBaseline bigrams = BodyBaseline.bigrams(searcher, docs);
        for (String set : SETS) {
          List<TopicQuery> queries = TopicEvaluation.load(DIR.resolve(set + ".jsonl"));
          assertEquals(List.of(), TopicEvaluation.unknownPaths(queries, docs), set + ": judged paths missing from the index");
          reports.add(TopicEvaluation.run(set, service, docs, smartcn, bigrams, queries));
        }
        return null;
      });
    }
    StringBuilder md = new StringBuilder(TopicEvaluation.table(reports));
    reports.forEach(r -> md.append(r.worst()));
    System.out.println(md);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "topic-evaluation.md"), md);

    Map<String, Map<String, Map<String, Double>>> current = new TreeMap<>();
    for (TopicEvaluation.Report r : reports) {
      for (TopicEvaluation.GroupResult g : r.groups()) {
        current.computeIfAbsent(r.set(), s -> new TreeMap<>()).put(g.group(), rounded(g.product().byName()));
      }
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    if (Boolean.getBoolean("rendakb.writeExpected")) {
      json.writeValue(EXPECTED.toFile(), current);
    }
    Map<String, Map<String, Map<String, Double>>> expected = json.readValue(EXPECTED.toFile(), new TypeReference<>() {});
    assertEquals(expected.keySet(), current.keySet(), "sets");
    List<String> drops = new ArrayList<>();
    expected.forEach((set, groups) -> {
      assertEquals(groups.keySet(), current.get(set).keySet(), set + ": groups");
      groups.forEach((group, figures) -> figures.forEach((metric, stored) -> {
        double now = current.get(set).get(group).get(metric);
        if (now < stored - TOLERANCE) {
          drops.add(set + " / " + group + " / " + metric + ": " + stored + " → " + now);
        } else if (now > stored + TOLERANCE) {
          System.out.println("improved, raise the stored value: " + set + " / " + group + " / " + metric + ": " + stored + " → " + now);
        }
      }));
    });
    assertTrue(drops.isEmpty(), "relevance fell by more than " + TOLERANCE + ":\n" + String.join("\n", drops) + "\n" + md);
  }

  private static Map<String, Double> rounded(Map<String, Double> figures) {
    Map<String, Double> out = new TreeMap<>();
    figures.forEach((k, v) -> out.put(k, Math.round(v * 1000) / 1000.0));
    return out;
  }
}
