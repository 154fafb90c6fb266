package org.rendakb.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rendakb.hybrid.SearchMode;
import org.rendakb.search.SearchRequest;
import org.rendakb.search.SearchResult;
import org.rendakb.search.SearchService;

/**
 * Topic search on a query set, per group, for the product (the search service, as /api/search
 * answers) and for two plain baselines on the same queries: BM25 over smartcn words and BM25 over
 * CJK bigrams, both on the body of each document.
 */
public final class TopicEvaluation {
  public static final int DEPTH = 100;
  /** Worst queries listed per group, and documents shown above the one sought for each. */
  static final int WORST = 5;
  static final int ABOVE = 3;

  /**
   * @param product the search as the API answers by default (hybrid where the index has vectors)
   * @param lexical the same search by the words alone ({@code mode=lexical}); null when the product is lexical
   * @param semantic by meaning alone ({@code mode=semantic}); null when the product is lexical
   */
  public record GroupResult(String group, GradedMetrics product, GradedMetrics lexical, GradedMetrics semantic,
      GradedMetrics smartcn, GradedMetrics bigrams) {}

  /**
   * A query whose document sought the product did not rank first: its rank (0: not in the top
   * 100) and the documents ranked above it, as "title (date) path".
   */
  public record Miss(String group, String query, String wanted, int rank, List<String> above) {}

  public record Report(String set, List<GroupResult> groups, List<Miss> misses) {
    public GroupResult group(String name) {
      return groups.stream().filter(g -> g.group().equals(name)).findFirst().orElse(null);
    }

    public String markdown() {
      return table(List.of(this)) + worst();
    }

    /** The worst queries, with what ranked above the document sought. */
    public String worst() {
      StringBuilder s = new StringBuilder();
      if (!misses.isEmpty()) {
        s.append("\nWorst queries of ").append(set).append(" (the document sought not first; what ranked above it):\n");
        Map<String, List<Miss>> byGroup = new LinkedHashMap<>();
        misses.forEach(m -> byGroup.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m));
        byGroup.values().forEach(group -> group.stream()
            .sorted(Comparator.comparingInt((Miss m) -> m.rank() == 0 ? Integer.MAX_VALUE : m.rank()).reversed())
            .limit(WORST).forEach(m -> {
              s.append(String.format("- [%s] `%s`: %s at %s%n", m.group(), m.query(), m.wanted(),
                  m.rank() == 0 ? "none of the top " + DEPTH : "rank " + m.rank()));
              m.above().forEach(a -> s.append("  - ").append(a).append('\n'));
            }));
      }
      return s.toString();
    }
  }

  /** One table of every group of every report: the product beside both baselines. */
  public static String table(List<Report> reports) {
    StringBuilder s = new StringBuilder(
        "| set | group | queries | system | MRR | s@1 | s@10 | nDCG@10 | recall@100 |\n|---|---|---|---|---|---|---|---|---|\n");
    for (Report r : reports) {
      for (GroupResult g : r.groups()) {
        row(s, r.set(), g.group(), "rendakb", g.product());
        if (g.lexical() != null) {
          row(s, r.set(), g.group(), "rendakb lexical", g.lexical());
          row(s, r.set(), g.group(), "rendakb semantic", g.semantic());
        }
        row(s, r.set(), g.group(), "smartcn BM25 (body)", g.smartcn());
        row(s, r.set(), g.group(), "CJK bigram BM25 (body)", g.bigrams());
      }
    }
    return s.toString();
  }

  private static void row(StringBuilder s, String set, String group, String system, GradedMetrics m) {
    s.append(String.format("| %s | %s | %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", set, group, m.queries(), system,
        m.mrr(), m.successAt1(), m.successAt10(), m.ndcgAt10(), m.recallAt100()));
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

  /** Judged paths that are not documents of the index: a typo in a hand-judged set, or a stale set. */
  public static List<String> unknownPaths(List<TopicQuery> queries, CorpusDocs docs) {
    return queries.stream().flatMap(q -> q.relevant().keySet().stream()).distinct().filter(p -> !docs.hasPath(p)).toList();
  }

  public static Report run(String set, SearchService service, CorpusDocs docs, BodyBaseline smartcn, BodyBaseline bigrams,
      List<TopicQuery> queries) throws IOException {
    return run(set, service, docs, smartcn, bigrams, queries, true);
  }

  /** @param foldVersions as the search API does by default: a law's versions are one hit, the others listed on it */
  public static Report run(String set, SearchService service, CorpusDocs docs, BodyBaseline smartcn, BodyBaseline bigrams,
      List<TopicQuery> queries, boolean foldVersions) throws IOException {
    Map<String, List<List<GradedMetrics.RankedHit>>> product = new LinkedHashMap<>();
    Map<String, List<List<GradedMetrics.RankedHit>>> lexical = new LinkedHashMap<>();
    Map<String, List<List<GradedMetrics.RankedHit>>> semantic = new LinkedHashMap<>();
    Map<String, List<List<String>>> words = new LinkedHashMap<>();
    Map<String, List<List<String>>> grams = new LinkedHashMap<>();
    Map<String, List<Map<String, Integer>>> judgments = new LinkedHashMap<>();
    List<Miss> misses = new ArrayList<>();
    for (TopicQuery q : queries) {
      SearchRequest request = new SearchRequest(q.query(), Map.of(), null, null, null, 1, DEPTH, foldVersions);
      SearchResult result = service.search(request);
      if (!"lexical".equals(result.query().mode())) {
        lexical.computeIfAbsent(q.group(), g -> new ArrayList<>())
            .add(rankedHits(service.search(request.withMode(SearchMode.LEXICAL)), docs));
        semantic.computeIfAbsent(q.group(), g -> new ArrayList<>())
            .add(rankedHits(service.search(request.withMode(SearchMode.SEMANTIC)), docs));
      }
      List<GradedMetrics.RankedHit> hits = new ArrayList<>();
      List<String> ranked = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (SearchResult.Hit hit : result.hits()) {
        List<String> versions = hit.versions().stream().map(v -> docs.byId(v.id()).corpusPath()).toList();
        CorpusDocs.Doc d = docs.byId(hit.id());
        hits.add(new GradedMetrics.RankedHit(d.corpusPath(), versions));
        ranked.add(d.corpusPath());
        ranked.addAll(versions);
        shown.add(d.title() + " (" + (d.date() == null ? "undated" : d.date()) + ") " + d.corpusPath());
        versions.forEach(v -> shown.add("  (another version on that hit) " + v));
      }
      product.computeIfAbsent(q.group(), g -> new ArrayList<>()).add(hits);
      words.computeIfAbsent(q.group(), g -> new ArrayList<>()).add(smartcn.rank(q.query(), DEPTH));
      grams.computeIfAbsent(q.group(), g -> new ArrayList<>()).add(bigrams.rank(q.query(), DEPTH));
      judgments.computeIfAbsent(q.group(), g -> new ArrayList<>()).add(q.relevant());
      int rank = GradedMetrics.firstSought(ranked, q.relevant());
      if (rank != 1) {
        String wanted = q.relevant().entrySet().stream().filter(e -> e.getValue() >= GradedMetrics.SOUGHT)
            .map(Map.Entry::getKey).findFirst().orElseThrow();
        int above = rank == 0 ? ABOVE : Math.min(ABOVE, rank - 1);
        misses.add(new Miss(q.group(), q.query(), wanted, rank, shown.subList(0, Math.min(above, shown.size()))));
      }
    }
    List<GroupResult> groups = new ArrayList<>();
    for (String g : product.keySet()) {
      groups.add(new GroupResult(g, GradedMetrics.ofHits(product.get(g), judgments.get(g)),
          lexical.containsKey(g) ? GradedMetrics.ofHits(lexical.get(g), judgments.get(g)) : null,
          semantic.containsKey(g) ? GradedMetrics.ofHits(semantic.get(g), judgments.get(g)) : null,
          GradedMetrics.of(words.get(g), judgments.get(g)), GradedMetrics.of(grams.get(g), judgments.get(g))));
    }
    return new Report(set, groups, misses);
  }

  private static List<GradedMetrics.RankedHit> rankedHits(SearchResult result, CorpusDocs docs) {
    return result.hits().stream().map(hit -> new GradedMetrics.RankedHit(docs.byId(hit.id()).corpusPath(),
        hit.versions().stream().map(v -> docs.byId(v.id()).corpusPath()).toList())).toList();
  }
}
