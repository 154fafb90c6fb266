package org.rendakb.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.rendakb.passages.PassageSplitter;

/**
 * The plain baseline for precedent search: one Lucene document per sentence, Lucene's stock
 * CJKAnalyzer (bigrams), BM25, any term may match. Built in memory from the same files and the
 * same sentence splitter as the product, so the two differ only in how they search.
 */
public final class BigramSentenceBaseline implements AutoCloseable {
  private final Analyzer analyzer = new CJKAnalyzer();
  private final Directory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  public BigramSentenceBaseline(Path corpus) throws IOException {
    PassageSplitter splitter = new PassageSplitter();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(128));
        Stream<Path> files = Files.walk(corpus)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).sorted().toList()) {
        for (var passage : splitter.split(Files.readString(f))) {
          Document d = new Document();
          d.add(new TextField("text", passage.text(), Field.Store.NO));
          d.add(new StoredField("raw", passage.text()));
          writer.addDocument(d);
        }
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  /** The passages ranked for a query, best first. */
  public List<String> rank(String query, int k) throws IOException {
    Query q = new QueryBuilder(analyzer).createBooleanQuery("text", query, BooleanClause.Occur.SHOULD);
    List<String> out = new ArrayList<>();
    if (q == null) {
      return out;
    }
    var stored = searcher.storedFields();
    for (ScoreDoc sd : searcher.search(q, k).scoreDocs) {
      out.add(stored.document(sd.doc).get("raw"));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
