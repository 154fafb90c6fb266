package org.rendakb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.rendakb.hybrid.Fusion;
import org.rendakb.hybrid.FusedQuery;
import org.rendakb.hybrid.MeaningSearch;
import org.rendakb.hybrid.SearchMode;
import org.rendakb.search.query.ParsedQuery;
import org.rendakb.search.query.PartialQuery;
import org.rendakb.search.reader.ReaderSearcher;

/**
 * What a relevance-ordered search lists when meaning joins in: the lexical list's head (full
 * matches by BM25, then, when they are few, the best partial matches, as the lexical search lists
 * them) fused with the files nearest in meaning, as one query ({@link FusedQuery}) that the search
 * then counts, folds and pages like any other.
 */
final class HybridListing {
  /** How deep each list counts in the fusion: beyond it a rank adds less than 1/(60+100). */
  static final int LEXICAL_DEPTH = 100;
  /** Files taken from the meaning side; they join the list (and its counts) even without a word in common. */
  static final int MEANING_DEPTH = 50;

  private final MeaningSearch meaning;

  HybridListing(MeaningSearch meaning) {
    this.meaning = meaning;
  }

  /**
   * @param query the filtered query the search lists
   * @param mode how the search ran
   * @param partial listed documents that lack part of the query (and are flagged so)
   * @param meaningOnly listed documents found by meaning alone: no word of the query is in them
   */
  record Listing(Query query, SearchMode mode, Set<Integer> partial, Set<Integer> meaningOnly) {
    static Listing lexical(Query query) {
      return new Listing(query, SearchMode.LEXICAL, Set.of(), Set.of());
    }
  }

  Listing list(ReaderSearcher shared, SearchRequest request, ParsedQuery parsed, SearchMode mode) throws IOException {
    Query lexicalQuery = SearchService.filtered(shared, request, parsed.query(), false);
    TopDocs full = mode == SearchMode.SEMANTIC ? null : shared.search(lexicalQuery, LEXICAL_DEPTH);
    boolean description = parsed.description().all().size() >= Fusion.DESCRIPTION_WORDS;
    if (full != null && !description && full.scoreDocs.length > 0) {
      // one or two words that documents hold whole: they are what is wanted, and meaning adds
      // nothing to them (Fusion); no vector is computed
      return Listing.lexical(parsed.query());
    }
    Query vectorFilter = SearchService.filtered(shared, request, MatchAllDocsQuery.INSTANCE, true, MeaningSearch.VECTORS);
    List<ScoreDoc> near = meaning.nearest(shared, parsed.description().text(), vectorFilter, MEANING_DEPTH);
    List<Integer> nearDocs = near.stream().map(sd -> sd.doc).toList();
    Set<Integer> fullMatches = matching(shared, lexicalQuery, near);
    // found by meaning alone: not even a piece of the query in it, so nothing in it is marked
    Set<Integer> meaningOnly = new HashSet<>(nearDocs);
    PartialQuery partialQuery = parsed.partial();
    meaningOnly.removeAll(partialQuery == null ? fullMatches
        : matching(shared, SearchService.filtered(shared, request, partialQuery.candidates(), false), near));
    if (mode == SearchMode.SEMANTIC) {
      Map<Integer, Float> scores = new LinkedHashMap<>();
      near.forEach(sd -> scores.put(sd.doc, sd.score));
      return new Listing(new FusedQuery(null, scores), mode, Set.of(), meaningOnly);
    }
    List<ScoreDoc> lexical = new ArrayList<>(List.of(full.scoreDocs));
    Set<Integer> partial = new HashSet<>();
    for (ScoreDoc sd : full.scoreDocs) {
      fullMatches.add(sd.doc);
    }
    if (lexical.size() < LEXICAL_DEPTH && partialQuery != null) {
      for (ScoreDoc sd : SearchService.partialMatches(shared, request, partialQuery, parsed.query())) {
        if (lexical.size() == LEXICAL_DEPTH) {
          break;
        }
        lexical.add(sd);
        partial.add(sd.doc);
      }
    }
    Map<Integer, Float> fused = Fusion.fuse(lexical, near, fullMatches, parsed.description().all().size(),
        !parsed.years().isEmpty());
    lexical.forEach(sd -> meaningOnly.remove(sd.doc));
    return new Listing(new FusedQuery(parsed.query(), fused), mode, partial, meaningOnly);
  }

  /** Which of these documents the lexical query matches. */
  private static Set<Integer> matching(IndexSearcher searcher, Query lexical, List<ScoreDoc> docs) throws IOException {
    Set<Integer> out = new HashSet<>();
    for (ScoreDoc sd : PartialRanking.rank(searcher, lexical, docs.toArray(ScoreDoc[]::new), docs.size())) {
      out.add(sd.doc);
    }
    return out;
  }
}
