package org.rendakb.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
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

/**
 * A plain baseline for topic search: one Lucene document per corpus file, its raw text in one
 * field, a stock analyzer (SmartChineseAnalyzer or CJKAnalyzer bigrams), BM25, any term may match.
 */
public final class BodyBaseline implements AutoCloseable {
  private final Analyzer analyzer;
  private final Directory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  public static BodyBaseline smartcn(Path corpus) throws IOException {
    return new BodyBaseline(corpus, new SmartChineseAnalyzer());
  }

  public static BodyBaseline bigrams(Path corpus) throws IOException {
    return new BodyBaseline(corpus, new CJKAnalyzer());
  }

  private BodyBaseline(Path corpus, Analyzer analyzer) throws IOException {
    this.analyzer = analyzer;
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(128));
        Stream<Path> files = Files.walk(corpus)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).sorted().toList()) {
        if (f.getFileName().toString().equals("README.md")) {
          continue;
        }
        Document d = new Document();
        d.add(new TextField("body", Files.readString(f), Field.Store.NO));
        d.add(new StoredField("path", corpus.relativize(f).toString().replace('\\', '/')));
        writer.addDocument(d);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  /** Corpus paths ranked for the query, best first. */
  public List<String> rank(String query, int k) throws IOException {
    Query q = new QueryBuilder(analyzer).createBooleanQuery("body", query, BooleanClause.Occur.SHOULD);
    List<String> out = new ArrayList<>();
    if (q == null) {
      return out;
    }
    for (ScoreDoc sd : searcher.search(q, k).scoreDocs) {
      out.add(searcher.storedFields().document(sd.doc).get("path"));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
