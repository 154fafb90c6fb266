package org.rendakb.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;

/**
 * Offsets from the postings by weight matches, as Lucene's {@link PostingsOffsetStrategy} finds
 * them, but with the query rewritten and its weight built once per segment of a request instead
 * of once per highlighted document: a staff query has a dozen phrase clauses over words and
 * bigrams, and looking their terms up again for each of ten hits was most of the time the
 * snippets took (a profile of topic searches). Not thread-safe; the highlighter makes one per
 * field and request.
 */
final class SegmentWeightOffsets extends PostingsOffsetStrategy {
  private LeafReader segment;
  private LeafReader fieldMapped;
  private Weight weight;

  SegmentWeightOffsets(UHComponents components) {
    super(components);
  }

  @Override
  protected void createOffsetsEnumsWeightMatcher(LeafReader leaf, int docId, List<OffsetsEnum> results) throws IOException {
    if (leaf != segment) {
      // the same field mapping as Lucene's: a masked field's matches count for the highlighted one
      fieldMapped = new FilterLeafReader(leaf) {
        @Override
        public Terms terms(String field) throws IOException {
          return super.terms(components.fieldMatcher().test(field) ? components.field() : field);
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
          return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
          return null;
        }
      };
      IndexSearcher searcher = new IndexSearcher(fieldMapped);
      searcher.setQueryCache(null);
      weight = searcher.rewrite(components.query()).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1.0f);
      segment = leaf;
    }
    Matches matches = weight.matches(fieldMapped.getContext(), docId);
    if (matches == null) {
      return;
    }
    for (String field : matches) {
      if (components.fieldMatcher().test(field)) {
        MatchesIterator iterator = matches.getMatches(field);
        if (iterator != null) {
          results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
        }
      }
    }
  }
}
