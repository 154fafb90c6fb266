package org.rendakb.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rendakb.api.TestMeaning;
import org.rendakb.search.query.Abbreviations;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.SearchService;

/**
 * {@code java -cp server/target/server.jar:server/target/test-classes org.rendakb.eval.Evaluate [--versions=all] INDEX CORPUS SET.jsonl...}:
 * per-set and per-group MRR, success@1, success@10, nDCG@10 and recall@100 of topic search beside
 * the two plain baselines, and each set's worst queries with what ranked above the document
 * sought. CORPUS is the folder judgments are relative to (../shared/corpus); a root indexed from
 * outside it (seeds/) is named by its folder name. {@code --versions=all} evaluates the search with
 * every version of a law as a hit of its own instead of folded into one hit.
 */
public final class Evaluate {
  private Evaluate() {}

  public static void main(String[] arguments) throws Exception {
    boolean fold = !java.util.Arrays.asList(arguments).contains("--versions=all");
    String[] args = java.util.Arrays.stream(arguments).filter(a -> !a.equals("--versions=all")).toArray(String[]::new);
    if (args.length < 3) {
      System.err.println("usage: Evaluate [--versions=all] INDEX CORPUS SET.jsonl...   (e.g. index ../shared/corpus "
          + "server/src/test/resources/eval/topic-queries.jsonl)");
      System.exit(2);
    }
    try (IndexAccess index = IndexAccess.open(Path.of(args[0]))) {
      SearchService service = new SearchService(index, Abbreviations.bundled(), TestMeaning.search());
      List<TopicEvaluation.Report> reports = new ArrayList<>();
      StringBuilder worst = new StringBuilder();
      index.withSearcher(searcher -> {
        CorpusDocs docs = new CorpusDocs(searcher, Path.of(args[1]));
        BodyBaseline smartcn = BodyBaseline.smartcn(searcher, docs);
        BodyBaseline bigrams = BodyBaseline.bigrams(searcher, docs);
        for (int i = 2; i < args.length; i++) {
          Path set = Path.of(args[i]);
          List<TopicQuery> queries = TopicEvaluation.load(set);
          List<String> unknown = TopicEvaluation.unknownPaths(queries, docs);
          if (!unknown.isEmpty()) {
            System.err.println(set + ": " + unknown.size() + " judged paths are not in the index, e.g. " + unknown.getFirst());
          }
          TopicEvaluation.Report report = TopicEvaluation.run(name(set), service, docs, smartcn, bigrams, queries, fold);
          reports.add(report);
          worst.append(report.worst());
        }
        return null;
      });
      System.out.println(TopicEvaluation.table(reports));
      System.out.print(worst);
    }
  }

  static String name(Path set) {
    return set.getFileName().toString().replaceFirst("\\.jsonl$", "");
  }
}
