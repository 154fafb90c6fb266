package org.rendakb.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.rendakb.schema.Fields;
import org.rendakb.search.reader.FileMetadata;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.reader.ReaderSearcher;

/**
 * Bodies (issuing organs) and committees as entities: each canonical name with its documents per
 * year, the data behind browsing by year and committee. The totals are the facet counts the reader
 * holds, the years come from its per-segment list of files: no document is read per request.
 */
public final class OrganCatalog {

  /** @param byYear documents per year, in year order; documents without a year are only in total */
  public record Organ(String name, int documents, Map<Integer, Integer> byYear) {}

  private final IndexAccess index;

  public OrganCatalog(IndexAccess index) {
    this.index = index;
  }

  public List<Organ> bodies() throws IOException {
    return index.withSearcher(s -> list(s, Fields.BODY, FileMetadata::body));
  }

  public List<Organ> committees() throws IOException {
    return index.withSearcher(s -> list(s, Fields.COMMITTEE, FileMetadata::committee));
  }

  private static List<Organ> list(ReaderSearcher s, String dim, Function<FileMetadata, String> name)
      throws IOException {
    Map<String, Integer> totals = s.totals(dim);
    Map<String, Map<Integer, Integer>> years = new HashMap<>();
    for (ReaderSearcher.LiveFile live : s.liveFiles()) {
      String organ = name.apply(live.file());
      if (organ != null && live.file().year() != null && totals.containsKey(organ)) {
        years.computeIfAbsent(organ, n -> new TreeMap<>()).merge(live.file().year(), 1, Integer::sum);
      }
    }
    List<Organ> out = new ArrayList<>();
    totals.forEach((organ, n) -> out.add(new Organ(organ, n, years.getOrDefault(organ, Map.of()))));
    out.sort(Comparator.comparingInt(Organ::documents).reversed().thenComparing(Organ::name));
    return out;
  }
}
