package org.rendakb.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.rendakb.schema.Fields;
import org.rendakb.search.reader.IndexAccess;

/**
 * Bodies (issuing organs) and committees as entities: each canonical name with its documents per
 * year, the data behind browsing by year and committee. Read from doc values, so a listing over
 * hundreds of thousands of documents costs milliseconds.
 */
public final class OrganCatalog {

  /** @param byYear documents per year, in year order; documents without a year are only in total */
  public record Organ(String name, int documents, Map<Integer, Integer> byYear) {}

  private final IndexAccess index;

  public OrganCatalog(IndexAccess index) {
    this.index = index;
  }

  public List<Organ> bodies() throws IOException {
    return index.withSearcher(s -> list(s.getIndexReader(), Fields.BODY));
  }

  public List<Organ> committees() throws IOException {
    return index.withSearcher(s -> list(s.getIndexReader(), Fields.COMMITTEE));
  }

  private static List<Organ> list(IndexReader reader, String field) throws IOException {
    Map<String, int[]> totals = new HashMap<>();
    Map<String, Map<Integer, Integer>> years = new HashMap<>();
    FileDocuments.forEach(reader, leaf -> {
      SortedSetDocValues names = leaf.reader().getSortedSetDocValues(field);
      SortedNumericDocValues year = leaf.reader().getSortedNumericDocValues(Fields.YEAR);
      return doc -> {
        if (names == null || !names.advanceExact(doc)) {
          return;
        }
        String name = names.lookupOrd(names.nextOrd()).utf8ToString();
        totals.computeIfAbsent(name, n -> new int[1])[0]++;
        if (year != null && year.advanceExact(doc)) {
          years.computeIfAbsent(name, n -> new TreeMap<>()).merge((int) year.nextValue(), 1, Integer::sum);
        }
      };
    });
    List<Organ> out = new ArrayList<>();
    totals.forEach((name, n) -> out.add(new Organ(name, n[0], years.getOrDefault(name, Map.of()))));
    out.sort(Comparator.comparingInt(Organ::documents).reversed().thenComparing(Organ::name));
    return out;
  }
}
