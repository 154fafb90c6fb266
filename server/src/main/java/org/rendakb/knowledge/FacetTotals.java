package org.rendakb.knowledge;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.rendakb.search.reader.ReaderSearcher;

/** The documents per value of one facet dimension over the whole index, as the reader's facet state counts them. */
final class FacetTotals {
  private FacetTotals() {}

  /** Value to documents; empty when the index holds no value of the dimension. */
  static Map<String, Integer> of(ReaderSearcher searcher, String dim) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    Facets all = searcher.allCounts();
    FacetResult result = all == null || !searcher.hasDim(dim) ? null : all.getAllChildren(dim);
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        out.put(lv.label, lv.value.intValue());
      }
    }
    return out;
  }
}
