package org.rendakb.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rendakb.search.SearchRequest;
import org.rendakb.search.SearchResult;
import org.rendakb.search.SearchService;

/**
 * Topic search on a query set, per group, for the product (the search service, as /api/search
 * answers) and for two plain baselines on the same queries: BM25 over smartcn words and BM25 over
 * CJK bigrams, both on the raw body of each corpus file.
 */
public final class TopicEvaluation {
  static final int DEPTH = 100;

  public record GroupResult(String group, GradedMetrics product, GradedMetrics smartcn, GradedMetrics bigrams) {}

  /** A query whose document sought the product did not rank first, and what it ranked first. */
  public record Miss(String group, String query, String wanted, int rank, String rankedFirst) {}

  public record Report(List<GroupResult> groups, List<Miss> misses) {
    public String markdown() {
      StringBuilder s = new StringBuilder("| group | queries | system | MRR | s@1 | s@10 | nDCG@10 | recall@100 |\n"
          + "|---|---|---|---|---|---|---|---|\n");
      for (GroupResult g : groups) {
        row(s, g.group(), "rendakb", g.product());
        row(s, g.group(), "smartcn BM25 (body)", g.smartcn());
        row(s, g.group(), "CJK bigram BM25 (body)", g.bigrams());
      }
      if (!misses.isEmpty()) {
        s.append("\nWorst queries (the document sought not first):\n");
        misses.stream().sorted((a, b) -> Integer.compare(b.rank() == 0 ? 999 : b.rank(), a.rank() == 0 ? 999 : a.rank()))
            .limit(15).forEach(m -> s.append(String.format("- [%s] `%s`: wanted %s at %s; first was %s%n", m.group(), m.query(),
                m.wanted(), m.rank() == 0 ? "none of the top 100" : "rank " + m.rank(), m.rankedFirst())));
      }
      return s.toString();
    }

    private static void row(StringBuilder s, String group, String system, GradedMetrics m) {
      s.append(String.format("| %s | %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", group, m.queries(), system, m.mrr(),
          m.successAt1(), m.successAt10(), m.ndcgAt10(), m.recallAt100()));
    }
  }

  public static List<TopicQuery> load(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<TopicQuery> out = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      if (!line.isBlank()) {
        out.add(json.readValue(line, TopicQuery.class));
      }
    }
    return out;
  }

  public static Report run(SearchService service, BodyBaseline smartcn, BodyBaseline bigrams, List<TopicQuery> queries)
      throws IOException {
    Map<String, List<List<String>>> product = new LinkedHashMap<>();
    Map<String, List<List<String>>> words = new LinkedHashMap<>();
    Map<String, List<List<String>>> grams = new LinkedHashMap<>();
    Map<String, List<Map<String, Integer>>> judgments = new LinkedHashMap<>();
    List<Miss> misses = new ArrayList<>();
    for (TopicQuery q : queries) {
      Map<String, List<String>> filters = new LinkedHashMap<>();
      q.filters().forEach((k, v) -> filters.put(k, List.of(v)));
      SearchResult result = service.search(new SearchRequest(q.query(), filters, null, null, null, 1, DEPTH));
      List<String> ranked = new ArrayList<>();
      for (SearchResult.Hit hit : result.hits()) {
        ranked.add(corpusPath(hit.path(), q.relevant()));
      }
      product.computeIfAbsent(q.group(), g -> new ArrayList<>()).add(ranked);
      words.computeIfAbsent(q.group(), g -> new ArrayList<>()).add(smartcn.rank(q.query(), DEPTH));
      grams.computeIfAbsent(q.group(), g -> new ArrayList<>()).add(bigrams.rank(q.query(), DEPTH));
      judgments.computeIfAbsent(q.group(), g -> new ArrayList<>()).add(q.relevant());
      String wanted = q.relevant().entrySet().stream().filter(e -> e.getValue() == 2).map(Map.Entry::getKey).findFirst().orElse("");
      int rank = ranked.indexOf(wanted) + 1;
      if (rank != 1) {
        misses.add(new Miss(q.group(), q.query(), wanted, rank, ranked.isEmpty() ? "nothing" : ranked.get(0)));
      }
    }
    List<GroupResult> groups = new ArrayList<>();
    for (String g : product.keySet()) {
      groups.add(new GroupResult(g, GradedMetrics.of(product.get(g), judgments.get(g)),
          GradedMetrics.of(words.get(g), judgments.get(g)), GradedMetrics.of(grams.get(g), judgments.get(g))));
    }
    return new Report(groups, misses);
  }

  /** A hit's path is relative to the folder it was indexed from; judgments use corpus paths. */
  static String corpusPath(String hitPath, Map<String, Integer> relevant) {
    for (String path : relevant.keySet()) {
      if (path.equals(hitPath) || path.endsWith("/" + hitPath)) {
        return path;
      }
    }
    return hitPath;
  }
}
