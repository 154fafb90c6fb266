package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.ocr.OcrOptions;
import org.rendakb.schema.Fields;
import org.rendakb.semantic.Embedder;
import org.rendakb.semantic.SemanticOptions;

/**
 * Meaning vectors written by the real indexer with the real model: one per file after the lexical
 * commit, none computed twice for the same text (a re-run, a move, a rebuild take them from the
 * cache), gone with their file, and none with --no-semantic.
 */
class VectorPhaseTest {
  @TempDir Path work;

  private Path seeds() throws IOException {
    Path in = work.resolve("in");
    Files.createDirectories(in);
    try (Stream<Path> files = Files.list(IndexerSyncTest.SEEDS)) {
      for (Path f : files.toList()) {
        Files.copy(f, in.resolve(f.getFileName()));
      }
    }
    return in;
  }

  private IndexReport run(Path index, Path in, boolean full, SemanticOptions semantic) throws Exception {
    return Indexer.run(new IndexerOptions(index, List.of(in), 2, full), OcrOptions.defaults(index), semantic);
  }

  @Test
  void everyFileGetsOneVectorAndNoTextIsEmbeddedTwice() throws Exception {
    Path in = seeds();
    Path index = work.resolve("index");
    SemanticOptions semantic = SemanticOptions.defaults(index);

    IndexReport first = run(index, in, false, semantic);
    assertEquals(5, first.vectors().embedded(), "every file embedded once");
    assertEquals(5, first.vectors().documentsEmbedded());
    assertNull(first.vectors().off());
    assertEquals(Set.of(), filesWithoutVector(index));

    IndexReport again = run(index, in, false, semantic);
    assertEquals(0, again.vectors().embedded() + again.vectors().fromCache(), "an unchanged index needs no vector");

    Files.move(in.resolve("000_69be07e9666b7acf.txt"), in.resolve("moved.txt"));
    Files.delete(in.resolve("002_056d75d49a5fde5e.txt"));
    IndexReport moved = run(index, in, false, semantic);
    assertEquals(1, moved.moved());
    assertEquals(0, moved.vectors().embedded(), "a moved file's vector comes from the cache");
    assertEquals(1, moved.vectors().fromCache());
    assertEquals(4, moved.vectors().documentsEmbedded(), "a deleted file's vector goes with it");
    assertEquals(Set.of(), filesWithoutVector(index));

    IndexReport rebuilt = run(index, in, true, semantic);
    assertEquals(0, rebuilt.vectors().embedded(), "a rebuild embeds nothing anew");
    assertEquals(4, rebuilt.vectors().fromCache());
  }

  @Test
  void noSemanticWritesNoVectorAndSaysSo() throws Exception {
    Path index = work.resolve("index");
    IndexReport report = run(index, seeds(), false, SemanticOptions.off());
    assertEquals(0, report.vectors().documentsEmbedded());
    assertNotNull(report.vectors().off());
    assertEquals(5, filesWithoutVector(index).size());
  }

  @Test
  void theNearestFileToAQueryInOtherWordsIsTheOneAboutIt() throws Exception {
    Path index = work.resolve("index");
    Path in = seeds();
    run(index, in, false, SemanticOptions.defaults(index));
    Map<String, String> titles = titlesById(index);
    try (Embedder embedder = Embedder.load(); var reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      // no two consecutive characters in common with the title sought (…履职赋能社会建设新实践)
      float[] query = embedder.embed("民生 社会领域 委员会 一年来的工作");
      ScoreDoc[] top = searcher.search(new KnnFloatVectorQuery(Fields.EMBEDDING, query, 5), 5).scoreDocs;
      String nearest = titles.get(searcher.storedFields().document(top[0].doc, Set.of(Fields.OWNER)).get(Fields.OWNER));
      assertTrue(nearest.contains("社会建设"), "nearest: " + nearest);
      // the vector carries its file's filter fields: the same search within a type finds only that type
      var reports = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_VECTOR)), Occur.FILTER)
          .add(new TermQuery(new Term(Fields.TYPE, "讲话")), Occur.FILTER).build();
      ScoreDoc[] speeches = searcher.search(new KnnFloatVectorQuery(Fields.EMBEDDING, query, 5, reports), 5).scoreDocs;
      assertEquals(1, speeches.length);
      assertTrue(titles.get(searcher.storedFields().document(speeches[0].doc, Set.of(Fields.OWNER)).get(Fields.OWNER))
          .contains("讲话"));
    }
  }

  private static Set<String> filesWithoutVector(Path index) throws IOException {
    try (var reader = DirectoryReader.open(FSDirectory.open(index))) {
      Set<String> out = new java.util.HashSet<>();
      for (var m : VectorPhase.missing(reader)) {
        out.add(reader.storedFields().document(m.doc(), Set.of(Fields.ID)).get(Fields.ID));
      }
      return out;
    }
  }

  private static Map<String, String> titlesById(Path index) throws IOException {
    try (var reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Map<String, String> out = new HashMap<>();
      for (ScoreDoc sd : searcher.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT)), 100).scoreDocs) {
        var d = searcher.storedFields().document(sd.doc);
        out.put(d.get(Fields.ID), d.get(Fields.TITLE));
      }
      return out;
    }
  }
}
