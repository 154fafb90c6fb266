package org.rendakb.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;
import org.rendakb.schema.Analyzers;
import org.rendakb.schema.Fields;
import org.rendakb.schema.IndexSchema;
import org.rendakb.schema.PassageTexts;
import org.rendakb.schema.StoredFile;
import org.rendakb.search.reader.IndexAccess;

/**
 * Cited laws as entities: which laws the collection cites and how often, the documents citing a
 * law with the citing sentence, and the law's own text where the collection holds it (its newest
 * version), plus local measures that implement it (北京市实施《中华人民共和国气象法》办法).
 */
public final class LawCatalog {
  static final String NATIONAL_PREFIX = "中华人民共和国";

  public record LawSummary(String name, int documents) {}

  public record CitingDocument(String id, String path, String title, String type, String date, Integer year, String body,
      String sentence) {}

  /** The law's own document in the collection: its newest version, and how many versions there are. */
  public record LawText(String id, String title, String date, int versions) {}

  public record LawPage(String name, int total, List<CitingDocument> citing, LawText text, List<CitingDocument> implementations) {}

  private final QueryBuilder bigrams = new QueryBuilder(Analyzers.bigrams());
  private final IndexAccess index;

  public LawCatalog(IndexAccess index) {
    this.index = index;
  }

  /**
   * Laws cited by at least one document, most cited first; {@code q} filters by substring. The
   * counts are the law facet's over the whole index, which the reader counts once.
   */
  public List<LawSummary> list(String q, int size) throws IOException {
    return index.withSearcher(s -> list(s.totals(Fields.LAW), q, size));
  }

  private static List<LawSummary> list(Map<String, Integer> counts, String q, int size) {
    String needle = q == null ? "" : q.strip().replace("《", "").replace("》", "");
    return counts.entrySet().stream()
        .filter(e -> e.getKey().contains(needle))
        .map(e -> new LawSummary(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingInt(LawSummary::documents).reversed().thenComparing(LawSummary::name))
        .limit(size)
        .toList();
  }

  /** The canonical name under which the index knows a law: 《残疾人保障法》 finds the full title. */
  static String resolve(IndexReader reader, String name) throws IOException {
    String bare = name.strip().replace("《", "").replace("》", "").replaceAll("\\s+", "");
    if (reader.docFreq(new Term(Fields.LAW, bare)) == 0 && reader.docFreq(new Term(Fields.LAW, NATIONAL_PREFIX + bare)) > 0) {
      return NATIONAL_PREFIX + bare;
    }
    return bare;
  }

  public LawPage law(String name, int size) throws IOException {
    return index.withSearcher(s -> law(s, name, size));
  }

  private LawPage law(IndexSearcher searcher, String name, int size) throws IOException {
    String law = resolve(searcher.getIndexReader(), name);
    Query citing = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.LAW, law)), Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), Occur.FILTER)
        .build();
    TopDocs top = searcher.search(citing, size, newestFirst());
    String shortName = law.startsWith(NATIONAL_PREFIX) ? law.substring(NATIONAL_PREFIX.length()) : law;
    List<CitingDocument> docs = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      StoredFile d = StoredFile.read(searcher.storedFields(), sd.doc, StoredFile.Part.SUMMARY);
      docs.add(citingDocument(d, citingSentence(searcher, d.id(), shortName)));
    }
    return new LawPage(law, Math.toIntExact(top.totalHits.value()), docs, lawText(searcher, law), implementations(searcher, law, size));
  }

  private static Sort newestFirst() {
    return new Sort(new SortedNumericSortField(Fields.DATE_DAYS, SortField.Type.LONG, true),
        IndexSchema.byId());
  }

  private static CitingDocument citingDocument(StoredFile d, String sentence) {
    return new CitingDocument(d.id(), d.path(), d.title(), d.type(), d.date(), d.year(), d.body(), sentence);
  }

  /** The first passage of a document that names the law (full or short form). */
  private String citingSentence(IndexSearcher searcher, String docId, String shortName) throws IOException {
    Query phrase = bigrams.createPhraseQuery(Fields.PASSAGE_BIGRAMS, shortName);
    if (phrase == null) {
      return null;
    }
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.PARENT, docId)), Occur.FILTER)
        .add(phrase, Occur.FILTER)
        .build();
    TopDocs top = searcher.search(q, 1, new Sort(new SortedNumericSortField(Fields.POSITION, SortField.Type.INT)));
    if (top.scoreDocs.length == 0) {
      return null;
    }
    return PassageTexts.of(searcher.getIndexReader(), top.scoreDocs[0].doc);
  }

  /** The law's own text: file documents titled exactly with its name, the newest version first. */
  private LawText lawText(IndexSearcher searcher, String law) throws IOException {
    List<StoredFile> versions = titled(searcher, law, t -> t.equals(law));
    if (versions.isEmpty()) {
      return null;
    }
    StoredFile newest = versions.get(0);
    return new LawText(newest.id(), newest.title(), newest.date(), versions.size());
  }

  private List<CitingDocument> implementations(IndexSearcher searcher, String law, int size) throws IOException {
    String shortName = law.startsWith(NATIONAL_PREFIX) ? law.substring(NATIONAL_PREFIX.length()) : law;
    return titled(searcher, shortName, t -> !t.equals(law) && t.contains("实施") && t.contains(shortName)).stream()
        .limit(size).map(d -> citingDocument(d, null)).toList();
  }

  private List<StoredFile> titled(IndexSearcher searcher, String words, java.util.function.Predicate<String> accept)
      throws IOException {
    Query phrase = bigrams.createPhraseQuery(Fields.TITLE_BIGRAMS, words);
    if (phrase == null) {
      return List.of();
    }
    Query q = new BooleanQuery.Builder()
        .add(phrase, Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), Occur.FILTER)
        .build();
    List<StoredFile> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(q, 200, newestFirst()).scoreDocs) {
      StoredFile d = StoredFile.read(searcher.storedFields(), sd.doc, StoredFile.Part.SUMMARY);
      String title = d.title().replaceAll("\\s+", "").replace("《", "").replace("》", "");
      if (accept.test(title)) {
        out.add(d);
      }
    }
    return out;
  }
}
