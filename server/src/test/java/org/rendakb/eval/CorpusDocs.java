package org.rendakb.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.rendakb.schema.Fields;
import org.rendakb.schema.StoredFile;

/**
 * The file documents of an index by id, each named by its corpus path. A hit's {@code path} is
 * relative to the folder it was indexed from (laws/, reports/, pdf/ and seeds/ are separate
 * roots), while judgments name files relative to the corpus folder: {@code laws/…}, and
 * {@code seeds/…} for a root outside the corpus, by the root's own folder name.
 */
public final class CorpusDocs {
  public record Doc(String id, String corpusPath, String title, String date) {}

  private final Map<String, Doc> byId = new HashMap<>();
  private final Map<Integer, Doc> byLuceneDoc = new HashMap<>();

  public CorpusDocs(IndexSearcher searcher, Path corpus) throws IOException {
    Path corpusReal = corpus.toAbsolutePath().normalize();
    TermQuery documents = new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT));
    for (ScoreDoc sd : searcher.search(documents, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
      StoredFile d = StoredFile.read(searcher.storedFields(), sd.doc, StoredFile.Part.METADATA);
      Doc doc = new Doc(d.id(), corpusPath(corpusReal, d.root(), d.path()), d.title(), d.date());
      byId.put(doc.id(), doc);
      byLuceneDoc.put(sd.doc, doc);
    }
  }

  static String corpusPath(Path corpus, String root, String path) {
    Path r = Path.of(root).toAbsolutePath().normalize();
    String prefix = r.startsWith(corpus) ? corpus.relativize(r).toString() : r.getFileName().toString();
    return (prefix.isEmpty() ? "" : prefix.replace('\\', '/') + "/") + path;
  }

  public Doc byId(String id) {
    return byId.get(id);
  }

  /** The document at a Lucene doc id of the searcher this was built from. */
  public Doc byLuceneDoc(int doc) {
    return byLuceneDoc.get(doc);
  }

  public int size() {
    return byId.size();
  }

  public boolean hasPath(String corpusPath) {
    return byId.values().stream().anyMatch(d -> d.corpusPath().equals(corpusPath));
  }
}
