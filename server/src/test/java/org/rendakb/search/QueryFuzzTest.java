package org.rendakb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.api.ServerFixture;
import org.rendakb.api.TestCorpus;
import org.rendakb.errors.RefusedException;
import org.rendakb.precedent.PrecedentResult;
import org.rendakb.precedent.PrecedentSearcher;
import org.rendakb.schema.Fields;
import org.rendakb.search.query.ParsedQuery;
import org.rendakb.search.query.QueryDescription;
import org.rendakb.search.query.StaffQueryParser;
import org.rendakb.search.reader.IndexAccess;

/**
 * Random and mutated staff queries, for a bounded time, through the parser and the real search
 * (query, facets, snippets, JSON) on a real index of the seeds; and mutated drafts through
 * precedent search. Nothing may throw except precedent search's documented
 * refusal ({@link RefusedException}, invalid) of a text without letters. Seeded: the seed is printed, and
 * {@code -Drendakb.fuzz.seed=N} replays a run ({@code -Drendakb.fuzz.seconds=S} sets its length).
 */
class QueryFuzzTest {
  static final long SEED = Long.getLong("rendakb.fuzz.seed", System.nanoTime());
  static final long MILLIS = Long.getLong("rendakb.fuzz.seconds", 6) * 1000;
  /**
   * Inputs each loop runs at the least, however long they take: a loop bounded by time alone ran 48
   * queries on a loaded machine instead of hundreds, and failed its count.
   */
  static final int MIN_QUERIES = 100;
  static final int MIN_DRAFTS = 20;
  private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  /** Syntax and awkward characters that staff paste, Lucene users try, or a broken client sends. */
  static final List<String> PIECES = List.of(
      "\"", "“", "”", "「", "」", "『", "』", "„", "(", ")", "（", "）", "【", "】", "《", "》", "〈", "〉", "[", "]", "{", "}",
      " OR ", "OR", " or ", "-", "--", "- ", "title:", "TITLE:", "标题:", "标题：", "title:\"", ":", "*", "?", "~", "~2", "/",
      "/.*/", "\\", "^", "+", "&&", "||", "!", " ", "\u3000", "\u00a0", "\t", "\n", "\u0000", "\u0001", "\u001b", "\u007f",
      "\u200b", "\ufeff", "\ud800", "\udc00", "\ud83d\ude00", "\u0301", "\u202e", "\ufffd", "ｔｉｔｌｅ：", "（（", "＂",
      "人大常委会", "社建委", "法工委", "財經委", "北京大学", "第一条", "２０２４年", "a", "的", "了");

  @RegisterExtension static final ServerFixture seeds = ServerFixture.empty()
      .folder("seeds", TestCorpus::plainSeeds).serviceOnly().build();
  static IndexAccess index;
  static SearchService service;
  static List<String> pool;
  static List<String> drafts;
  static int documents;

  @BeforeAll
  static void open() throws Exception {
    index = seeds.access();
    service = seeds.service();
    documents = index.withSearcher(s -> s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT))));
    pool = queries("eval/topic-queries.jsonl");
    drafts = queries("eval/precedent-queries.jsonl");
    try (Stream<Path> files = Files.list(TestCorpus.seedsSource())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        // short stretches of real text, as if copied from a document into the search box
        String text = Files.readString(f);
        Random r = new Random(f.getFileName().hashCode());
        for (int i = 0; i < 30; i++) {
          int start = r.nextInt(Math.max(1, text.length() - 20));
          drafts.add(text.substring(start, Math.min(text.length(), start + 1 + r.nextInt(120))));
          pool.add(text.substring(start, Math.min(text.length(), start + 1 + r.nextInt(8))));
        }
      }
    }
    System.out.println("QueryFuzzTest seed " + SEED + " (replay with -Drendakb.fuzz.seed=" + SEED + ")");
  }

  private static List<String> queries(String resource) throws IOException {
    List<String> out = new ArrayList<>();
    try (var in = QueryFuzzTest.class.getClassLoader().getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line).get("query").asText());
        }
      }
    }
    return out;
  }

  @Test
  void staffQueriesNeverBreakTheParserOrTheSearch() throws Exception {
    Random random = new Random(SEED);
    long end = System.currentTimeMillis() + MILLIS;
    int n = 0;
    // at least the inputs asserted below, however busy the machine; more while the time lasts
    while (n <= MIN_QUERIES || System.currentTimeMillis() < end) {
      String q = query(random);
      n++;
      try {
        checkSearch(q);
      } catch (Throwable t) {
        throw new AssertionError("seed " + SEED + ", input " + n + ": " + JSON.writeValueAsString(q) + " → " + t, t);
      }
    }
    System.out.println("QueryFuzzTest: " + n + " staff queries parsed and searched (seed " + SEED + ")");
  }

  private static void checkSearch(String q) throws IOException {
    ParsedQuery parsed = service.parser().parse(q);
    QueryDescription d = parsed.description();
    assertTrue(d.text().length() <= StaffQueryParser.MAX_QUERY_CHARS, "cut to the limit");
    int terms = d.all().stream().mapToInt(List::size).sum() + d.none().size();
    assertTrue(terms <= StaffQueryParser.MAX_TERMS, "at most MAX_TERMS terms: " + terms);
    assertEquals(d.browse(), d.all().isEmpty() && d.none().isEmpty());
    SearchResult r = service.search(new SearchRequest(q, Map.of(), null, null, null, 1, 10, true));
    assertTrue(r.total() >= 0 && r.total() <= documents, "total " + r.total());
    assertTrue(r.hits().size() <= 10);
    // the answer must serialise: a lone surrogate cut out of a pair would fail here, as a 500 would over HTTP
    JsonNode json = JSON.readTree(JSON.writeValueAsBytes(r));
    assertNotNull(json.get("query"));
  }

  @Test
  void pastedDraftsNeverBreakPrecedentSearch() throws Exception {
    Random random = new Random(SEED + 1);
    PrecedentSearcher precedents = new PrecedentSearcher();
    long end = System.currentTimeMillis() + MILLIS / 2;
    int n = 0;
    int refused = 0;
    while (n <= MIN_DRAFTS || System.currentTimeMillis() < end) {
      String text = mutate(random, drafts.get(random.nextInt(drafts.size())), random.nextInt(4));
      if (text.length() > PrecedentSearcher.MAX_QUERY_CHARS) {
        text = text.substring(0, PrecedentSearcher.MAX_QUERY_CHARS);
      }
      n++;
      String t = text;
      try {
        PrecedentResult r = index.withSearcher(s -> precedents.search(s, t, null, 10));
        assertTrue(r.hits().size() <= 10);
        JSON.writeValueAsBytes(r);
      } catch (RefusedException documented) {
        assertEquals(RefusedException.Reason.INVALID, documented.reason());
        refused++;
      } catch (Throwable e) {
        throw new AssertionError("seed " + SEED + ", draft " + n + ": " + JSON.writeValueAsString(t) + " → " + e, e);
      }
    }
    System.out.println("QueryFuzzTest: " + n + " drafts through precedent search, " + refused + " refused as documented (seed "
        + SEED + ")");
  }

  /** A real query, random pieces, or a real query mutated a few times; now and then a very long token. */
  static String query(Random r) {
    String base = switch (r.nextInt(4)) {
      case 0 -> pool.get(r.nextInt(pool.size()));
      case 1 -> {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(12); i >= 0; i--) {
          b.append(r.nextBoolean() ? PIECES.get(r.nextInt(PIECES.size())) : pool.get(r.nextInt(pool.size())));
          if (r.nextInt(3) == 0) {
            b.append(' ');
          }
        }
        yield b.toString();
      }
      case 2 -> randomChars(r, 1 + r.nextInt(40));
      default -> mutate(r, pool.get(r.nextInt(pool.size())), 1 + r.nextInt(6));
    };
    if (r.nextInt(20) == 0) {
      String token = pool.get(r.nextInt(pool.size())).replaceAll("\\s", "");
      base += " " + (token.isEmpty() ? "代表" : token).repeat(1 + r.nextInt(500));
    }
    return base;
  }

  static String mutate(Random r, String s, int times) {
    StringBuilder b = new StringBuilder(s);
    for (int i = 0; i < times; i++) {
      int at = b.isEmpty() ? 0 : r.nextInt(b.length() + 1);
      switch (r.nextInt(6)) {
        case 0 -> b.insert(at, PIECES.get(r.nextInt(PIECES.size())));
        case 1 -> {
          if (!b.isEmpty() && at < b.length()) {
            b.deleteCharAt(at); // may split a surrogate pair
          }
        }
        case 2 -> b.insert(at, randomChars(r, 1 + r.nextInt(5)));
        case 3 -> b.setLength(Math.min(b.length(), at));
        case 4 -> b.insert(at, b.substring(0, Math.min(b.length(), r.nextInt(30))));
        default -> b.reverse();
      }
    }
    return b.toString();
  }

  /** Any UTF-16 code units, lone surrogates included, weighted towards CJK and ASCII punctuation. */
  static String randomChars(Random r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(switch (r.nextInt(5)) {
        case 0 -> (char) (0x4e00 + r.nextInt(0x9fa5 - 0x4e00));
        case 1 -> (char) (0x20 + r.nextInt(0x5f));
        case 2 -> (char) r.nextInt(0x20);
        case 3 -> (char) (0x3000 + r.nextInt(0x100));
        default -> (char) r.nextInt(0x10000);
      });
    }
    return b.toString();
  }
}
