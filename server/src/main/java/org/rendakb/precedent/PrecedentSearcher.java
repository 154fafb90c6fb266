package org.rendakb.precedent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.QueryBuilder;
import org.rendakb.errors.RefusedException;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;
import org.rendakb.schema.FileBlocks;
import org.rendakb.schema.PassageTexts;
import org.rendakb.schema.StoredFile;
import org.rendakb.search.highlight.Marker;
import org.rendakb.search.reader.FileMetadata;
import org.rendakb.search.reader.ReaderSearcher;

/**
 * Finds where a drafter's sentence, or a close variant, was written before.
 *
 * <p>Two stages. Recall: the passages sharing the most CJK bigrams with the text (BM25, any
 * bigram may match), as typed and in its canonical form. Precision: each candidate is compared
 * with the text in the canonical form of {@link DraftText} (variants, numbers and traditional
 * forms unified), by bigram overlap in both directions, so that a fragment finds its whole
 * sentence and two pasted sentences find each of theirs. Exact occurrences rank first;
 * near-identical passages (versions of one law) are grouped under the newest.
 */
public final class PrecedentSearcher {
  /** Candidates compared closely; enough for the right passage to be among them at corpus scale. */
  static final int CANDIDATES = 150;

  /**
   * Bigrams found in more than this share of passages (的是, 人民 …) barely discriminate but cost
   * the most to score; a long text is searched by its rarer bigrams only.
   */
  static final double COMMON_BIGRAM_SHARE = 0.02;

  /** A text keeps at least this many of its rarest bigrams, however common. */
  static final int MIN_QUERY_TERMS = 12;

  /** Below this similarity a passage is not a variant of the text. */
  static final double NEAR = 0.3;

  /** Texts this short get a phrase timeline (documents using the phrase as written). */
  static final int PHRASE_TIMELINE_MAX_CHARS = 24;

  public static final int MAX_QUERY_CHARS = 2000;
  private static final int MAX_QUERY_TERMS = 400;

  private final Analyzer bigrams = Analyzers.bigrams();

  /**
   * One passage, or a span of consecutive ones from {@code doc} to {@code lastDoc} ({@link Spans});
   * {@code days}: the parent's date as epoch days, or its year's first day, or MIN_VALUE; {@code page}: the
   * page the (first) passage stands on in a paginated file, or null.
   */
  record Candidate(int doc, int lastDoc, String parent, int position, String text, String canonical, double similarity,
      float bm25, boolean exact, Integer year, long days, Integer page) {
    boolean holds(Candidate other) {
      return parent.equals(other.parent) && other.doc >= doc && other.lastDoc <= lastDoc;
    }
  }

  /** Exact occurrences first, then by similarity; ties broken by BM25, then parent and position for stable lists. */
  static final Comparator<Candidate> RANKING = Comparator.comparing(Candidate::exact).reversed()
      .thenComparing(Comparator.comparingDouble(Candidate::similarity).reversed())
      .thenComparing(Comparator.comparingDouble(Candidate::bm25).reversed())
      .thenComparing(Candidate::parent)
      .thenComparingInt(Candidate::position);

  private final boolean spans;

  public PrecedentSearcher() {
    this(true);
  }

  /** {@code spans}: a pasted paragraph may find the run of passages it came from (false: single passages, as before). */
  public PrecedentSearcher(boolean spans) {
    this.spans = spans;
  }

  private record Parent(String id, String path, String title, String type, String date, Integer year, String body,
      String committee) {}

  public PrecedentResult search(ReaderSearcher searcher, String text, Query filter, int size) throws IOException {
    long start = System.nanoTime();
    String folded = DraftText.folded(text);
    if (folded.isEmpty()) {
      throw RefusedException.invalid("the text to look for has no letters or digits");
    }
    String canonical = DraftText.canonical(text);
    Set<String> queryGrams = DraftText.bigrams(canonical);

    List<Candidate> candidates = candidates(searcher, text, canonical, folded, queryGrams, filter);
    if (spans) {
      candidates = Spans.grow(searcher.getIndexReader(), candidates, folded, queryGrams);
    }
    // group identical passages (after canonical folding) under the newest document holding one
    Map<String, List<Candidate>> groups = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      if (c.exact() || c.similarity() >= NEAR) {
        groups.computeIfAbsent(c.canonical(), k -> new ArrayList<>()).add(c);
      }
    }
    Set<String> markGrams = DraftText.bigrams(folded);
    List<PrecedentHit> hits = new ArrayList<>();
    for (List<Candidate> group : groups.values()) {
      if (hits.size() == size) {
        break;
      }
      Candidate best = group.get(0);
      Candidate newest = group.stream()
          .filter(c -> c.exact() == best.exact())
          .max(Comparator.comparingLong(Candidate::days).thenComparing(c -> -c.doc()))
          .orElse(best);
      Parent p = parent(searcher, newest);
      hits.add(new PrecedentHit(p.id(), p.path(), p.title(), p.type(), p.date(), p.year(), p.body(), p.committee(),
          Marker.mark(newest.text(), SharedBigrams.in(newest.text(), markGrams)), newest.position(),
          newest.position() + newest.lastDoc() - newest.doc(), round(best.similarity()),
          best.exact() ? "exact" : "near", group.size() - 1,
          Articles.of(searcher.getIndexReader(), newest.doc(), newest.position()), newest.page()));
    }
    List<PrecedentResult.YearCount> timeline = folded.length() <= PHRASE_TIMELINE_MAX_CHARS
        ? phraseTimeline(searcher, text, filter)
        : variantTimeline(groups);
    return new PrecedentResult(groups.size(), (System.nanoTime() - start) / 1_000_000, hits, timeline);
  }

  private List<Candidate> candidates(IndexSearcher searcher, String text, String canonical, String folded,
      Set<String> queryGrams, Query filter) throws IOException {
    Set<String> terms = new LinkedHashSet<>();
    addTerms(text, terms);
    addTerms(canonical, terms);
    BooleanQuery.Builder anyBigram = new BooleanQuery.Builder();
    for (TermQuery t : discriminating(searcher, terms)) {
      anyBigram.add(t, Occur.SHOULD);
    }
    // only passages have passage bigrams: a filter on the kind would be leapfrogged through millions
    // of postings for nothing (a third of a request's CPU at 10x the corpus)
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(anyBigram.build(), Occur.MUST);
    if (filter != null) {
      query.add(filter, Occur.FILTER);
    }
    TopDocs top = searcher.search(query.build(), CANDIDATES);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<Candidate> out = new ArrayList<>(top.scoreDocs.length);
    // read in index order (they are ranked below): doc values iterate forward, one set per segment;
    // no stored fields (a block of tens of KB decompressed for each passage was a third of a search)
    ScoreDoc[] byDoc = top.scoreDocs.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(sd -> sd.doc));
    LeafReaderContext leaf = null;
    SortedNumericDocValues years = null;
    SortedNumericDocValues dates = null;
    SortedNumericDocValues positions = null;
    SortedSetDocValues parents = null;
    BinaryDocValues texts = null;
    NumericDocValues pages = null;
    for (ScoreDoc sd : byDoc) {
      if (leaf == null || sd.doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
        years = leaf.reader().getSortedNumericDocValues(Fields.YEAR);
        dates = leaf.reader().getSortedNumericDocValues(Fields.DATE_DAYS);
        positions = leaf.reader().getSortedNumericDocValues(Fields.POSITION);
        parents = leaf.reader().getSortedSetDocValues(Fields.PARENT);
        texts = leaf.reader().getBinaryDocValues(Fields.PASSAGE);
        pages = leaf.reader().getNumericDocValues(Fields.PAGE);
      }
      int local = sd.doc - leaf.docBase;
      Integer year = (int) longValue(years, local, Long.MIN_VALUE);
      long days = longValue(dates, local, Long.MIN_VALUE);
      if (year == (int) Long.MIN_VALUE) {
        year = null;
      } else if (days == Long.MIN_VALUE) {
        days = java.time.LocalDate.of(year, 1, 1).toEpochDay();
      }
      String passage = PassageTexts.of(texts, local);
      if (passage == null || parents == null || !parents.advanceExact(local)) {
        continue; // not a passage
      }
      String parent = parents.lookupOrd(parents.nextOrd()).utf8ToString();
      int position = (int) longValue(positions, local, 0);
      Integer page = pages != null && pages.advanceExact(local) ? (int) pages.longValue() : null;
      out.add(scored(sd.doc, sd.doc, parent, position, passage, folded, queryGrams, sd.score, year, days, page));
    }
    out.sort(RANKING);
    return out;
  }

  /** A span of passages {@code first..last} of the seed's document, whose texts joined are {@code text}. */
  static Candidate candidate(int first, int last, Candidate seed, String text, String folded, Set<String> queryGrams) {
    return scored(first, last, seed.parent(), seed.position() - (seed.doc() - first), text, folded, queryGrams,
        seed.bm25(), seed.year(), seed.days(), seed.page());
  }

  /** Similarity in both directions: a fragment finds its whole sentence, and two pasted sentences each of theirs. */
  private static Candidate scored(int first, int last, String parent, int position, String passage, String folded,
      Set<String> queryGrams, float bm25, Integer year, long days, Integer page) {
    String passageFolded = DraftText.folded(passage);
    String passageCanonical = DraftText.canonicalOfFolded(passageFolded);
    Set<String> grams = DraftText.bigrams(passageCanonical);
    int shared = 0;
    for (String g : queryGrams) {
      if (grams.contains(g)) {
        shared++;
      }
    }
    double coversQuery = shared / (double) Math.max(1, queryGrams.size());
    double coversPassage = shared / (double) Math.max(1, grams.size());
    double dice = 2.0 * shared / Math.max(1, queryGrams.size() + grams.size());
    double similarity = 0.5 * dice + 0.25 * coversQuery + 0.25 * coversPassage;
    boolean exact = passageFolded.contains(folded);
    return new Candidate(first, last, parent, position, passage, passageCanonical, similarity, bm25, exact, year, days, page);
  }

  /**
   * The query's bigrams without the very common ones, keeping at least the rarest few, as term
   * queries that keep the term states looked up to count them (looked up once, not again for scoring).
   */
  private static List<TermQuery> discriminating(IndexSearcher searcher, Set<String> bigrams) throws IOException {
    var reader = searcher.getIndexReader();
    long passages = Math.max(1, reader.docFreq(new Term(Fields.KIND, Fields.KIND_PASSAGE)));
    record Df(Term term, TermStates states) {}
    List<Df> dfs = new ArrayList<>();
    for (String b : bigrams) {
      Term t = new Term(Fields.PASSAGE_BIGRAMS, b);
      TermStates states = TermStates.build(searcher, t, true);
      if (states.docFreq() > 0) {
        dfs.add(new Df(t, states));
      }
    }
    dfs.sort(Comparator.comparingInt(d -> d.states().docFreq()));
    List<TermQuery> out = new ArrayList<>();
    for (Df d : dfs) {
      if (out.size() >= MAX_QUERY_TERMS || (out.size() >= MIN_QUERY_TERMS && d.states().docFreq() > COMMON_BIGRAM_SHARE * passages)) {
        break;
      }
      out.add(new TermQuery(d.term(), d.states()));
    }
    return out;
  }

  private static long longValue(SortedNumericDocValues values, int doc, long missing) throws IOException {
    return values != null && values.advanceExact(doc) ? values.nextValue() : missing;
  }

  private void addTerms(String text, Set<String> terms) throws IOException {
    try (TokenStream ts = bigrams.tokenStream(Fields.PASSAGE_BIGRAMS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
  }

  private static Parent parent(ReaderSearcher searcher, Candidate passage) {
    String id = passage.parent();
    // the passage's file is the block's file (FileBlocks), and the served reader keeps what a hit
    // shows of it: no stored fields to decompress, no search (a search per hit was 15% of a request)
    int file = searcher.fileOf(passage.doc());
    if (file >= 0 && searcher.file(file) instanceof FileMetadata f && f.id().equals(id)) {
      return new Parent(id, f.path(), f.title(), f.type(), f.date(), f.year(), f.body(), f.committee());
    }
    // an index whose blocks are not as written (never made by this indexer): find the file by id
    try {
      int doc = FileBlocks.file(searcher, id);
      if (doc < 0) {
        return new Parent(id, null, null, null, null, null, null, null);
      }
      StoredFile d = StoredFile.read(searcher.storedFields(), doc, StoredFile.Part.SUMMARY);
      return new Parent(id, d.path(), d.title(), d.type(), d.date(), d.year(), d.body(), d.committee());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Documents using the phrase as written (bigram phrase on passages), per year. */
  private List<PrecedentResult.YearCount> phraseTimeline(IndexSearcher searcher, String text, Query filter) throws IOException {
    Query phrase = new QueryBuilder(bigrams).createPhraseQuery(Fields.PASSAGE_BIGRAMS, text);
    if (phrase == null) {
      return List.of();
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(phrase, Occur.FILTER);
    if (filter != null) {
      q.add(filter, Occur.FILTER);
    }
    Query query = searcher.rewrite(q.build());
    Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1);
    Map<Integer, Set<String>> parentsByYear = new TreeMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      SortedNumericDocValues years = leaf.reader().getSortedNumericDocValues(Fields.YEAR);
      SortedSetDocValues parentIds = leaf.reader().getSortedSetDocValues(Fields.PARENT);
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (years == null || !years.advanceExact(doc) || parentIds == null || !parentIds.advanceExact(doc)) {
          continue;
        }
        int year = (int) years.nextValue();
        String parent = parentIds.lookupOrd(parentIds.nextOrd()).utf8ToString();
        parentsByYear.computeIfAbsent(year, y -> new HashSet<>()).add(parent);
      }
    }
    List<PrecedentResult.YearCount> timeline = new ArrayList<>();
    parentsByYear.forEach((year, parents) -> timeline.add(new PrecedentResult.YearCount(year, parents.size())));
    return timeline;
  }

  /** For a sentence: the years of the documents holding its close variants. */
  private static List<PrecedentResult.YearCount> variantTimeline(Map<String, List<Candidate>> groups) {
    Map<Integer, Set<String>> parentsByYear = new TreeMap<>();
    for (List<Candidate> group : groups.values()) {
      for (Candidate c : group) {
        if (c.year() != null) {
          parentsByYear.computeIfAbsent(c.year(), y -> new HashSet<>()).add(c.parent());
        }
      }
    }
    List<PrecedentResult.YearCount> timeline = new ArrayList<>();
    parentsByYear.forEach((year, ids) -> timeline.add(new PrecedentResult.YearCount(year, ids.size())));
    return timeline;
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }
}
