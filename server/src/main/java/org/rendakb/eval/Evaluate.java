package org.rendakb.eval;

import java.nio.file.Path;
import org.rendakb.search.Abbreviations;
import org.rendakb.search.IndexAccess;
import org.rendakb.search.SearchService;

/**
 * {@code java -cp server/target/server.jar org.rendakb.eval.Evaluate INDEX CORPUS TOPIC_SET.jsonl...}:
 * per-set MRR, success@1, success@10, nDCG@10 and recall@100 of topic search beside the two plain
 * baselines, and the worst queries with what ranked above the document sought.
 */
public final class Evaluate {
  private Evaluate() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: Evaluate INDEX CORPUS TOPIC_SET.jsonl...");
      System.exit(2);
    }
    Path corpus = Path.of(args[1]);
    try (IndexAccess index = IndexAccess.open(Path.of(args[0]));
        BodyBaseline smartcn = BodyBaseline.smartcn(corpus);
        BodyBaseline bigrams = BodyBaseline.bigrams(corpus)) {
      SearchService service = new SearchService(index, Abbreviations.bundled());
      for (int i = 2; i < args.length; i++) {
        System.out.println("## " + Path.of(args[i]).getFileName());
        System.out.println(TopicEvaluation.run(service, smartcn, bigrams, TopicEvaluation.load(Path.of(args[i]))).markdown());
      }
    }
  }
}
