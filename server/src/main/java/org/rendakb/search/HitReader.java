package org.rendakb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.rendakb.extract.Pages;
import org.rendakb.schema.StoredFile;
import org.rendakb.search.highlight.PassageSnippets;
import org.rendakb.search.highlight.QueryMarks;
import org.rendakb.search.highlight.Snippet;
import org.rendakb.search.highlight.Snippets;
import org.rendakb.search.query.PartialQuery;
import org.rendakb.search.query.QueryDescription;
import org.rendakb.search.query.QueryPart;
import org.rendakb.search.reader.FileMetadata;
import org.rendakb.search.reader.ReaderSearcher;
import org.rendakb.semantic.EmbeddingInput;

/**
 * The hits of one page, from the folded ranked list: what the reader keeps of each file (no stored
 * fields read), snippets from the best passages, the parts a partial match lacks, and the law's
 * other versions. Snippets of a partial match also mark the pieces of a one-word query it holds.
 */
final class HitReader {
  private final PassageSnippets passageSnippets = new PassageSnippets();
  private final Snippets snippets = new Snippets();

  /**
   * @param query how the query was read: snippets mark its terms
   * @param partial the partial matches' query, or null when the page holds none
   * @param meaningOnly the documents found by meaning alone (no word of the query in them)
   */
  List<SearchResult.Hit> read(ReaderSearcher searcher, List<VersionFolding.Hit> page, boolean byRelevance,
      QueryDescription query, PartialQuery partial, Set<Integer> meaningOnly) throws IOException {
    List<VersionFolding.Hit> meant = page.stream().filter(h -> meaningOnly.contains(h.shown())).toList();
    List<VersionFolding.Hit> fulls = page.stream().filter(h -> !h.ranked().partial() && !meant.contains(h)).toList();
    List<VersionFolding.Hit> partials = page.stream().filter(h -> h.ranked().partial() && !meant.contains(h)).toList();
    List<SearchResult.Hit> byDoc = new ArrayList<>(page.size());
    byDoc.addAll(hits(searcher, fulls, byRelevance, QueryMarks.of(query, List.of()), null, false));
    if (!partials.isEmpty()) {
      byDoc.addAll(hits(searcher, partials, byRelevance, QueryMarks.of(query, partial.marked()), partial.parts(), false));
    }
    // nothing to mark: their snippets open the text, the part whose meaning the vector holds
    byDoc.addAll(hits(searcher, meant, byRelevance, QueryMarks.of(query, List.of()), null, true));
    // the page's own order (fused lists interleave the three kinds)
    List<SearchResult.Hit> hits = new ArrayList<>(page.size());
    for (VersionFolding.Hit h : page) {
      String id = searcher.file(h.shown()).id();
      byDoc.stream().filter(x -> x.id().equals(id)).findFirst().ifPresent(hits::add);
    }
    return hits;
  }

  private List<SearchResult.Hit> hits(ReaderSearcher searcher, List<VersionFolding.Hit> page, boolean byRelevance,
      QueryMarks marks, List<QueryPart> parts, boolean meaning) throws IOException {
    int[] docIds = page.stream().mapToInt(VersionFolding.Hit::shown).toArray();
    List<List<Snippet>> marked = meaning ? openings(searcher, marks, docIds) : snippets(searcher, marks, docIds);
    List<List<String>> missing = parts == null ? null : MissingParts.of(searcher, parts, docIds);
    List<SearchResult.Hit> hits = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      FileMetadata d = searcher.file(docIds[i]);
      VersionFolding.Hit hit = page.get(i);
      // a sorted search keeps the score among the sort values, not in ScoreDoc.score; a folded law
      // ranks, and scores, as its best-matching version
      Float score = !byRelevance ? null
          : hit.ranked().doc() instanceof FieldDoc fd ? (fd.fields[0] instanceof Float f ? f : null) : hit.ranked().doc().score;
      List<SearchResult.OtherVersion> versions = hit.others().stream()
          .map(v -> new SearchResult.OtherVersion(v.id(), v.date(), v.path())).toList();
      hits.add(new SearchResult.Hit(d.id(), d.path(), d.title(), d.type(), d.date(), d.year(), d.body(), d.committee(),
          d.region(), d.place(), score, marked.get(i).stream().map(Snippet::html).toList(), parts != null,
          missing == null ? List.of() : missing.get(i), versions,
          marked.get(i).stream().map(Snippet::page).collect(java.util.stream.Collectors.toList()), meaning));
    }
    return hits;
  }

  /**
   * The opening prose of each document, the part its meaning vector was made from (with nothing to
   * mark, the best passage for the query cannot be told).
   */
  private List<List<Snippet>> openings(ReaderSearcher searcher, QueryMarks marks, int[] docIds) throws IOException {
    List<List<Snippet>> out = new ArrayList<>(docIds.length);
    StoredFields stored = searcher.storedFields();
    for (int doc : docIds) {
      String text = StoredFile.read(stored, doc, StoredFile.Part.TEXT).text();
      out.add(snippets.withPages(marks, EmbeddingInput.opening(searcher.file(doc).title(), text), List.of()));
    }
    return out;
  }

  /** From the passages where they hold the marks, else from the whole stored text. */
  private List<List<Snippet>> snippets(ReaderSearcher searcher, QueryMarks marks, int[] docIds) throws IOException {
    List<List<Snippet>> out = new ArrayList<>(passageSnippets.of(searcher, marks, docIds));
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < docIds.length; i++) {
      if (out.get(i) == null) {
        StoredFile d = StoredFile.read(stored, docIds[i], StoredFile.Part.TEXT);
        String text = d.text();
        out.set(i, snippets.withPages(marks, text == null ? "" : text, Pages.parse(d.pageStarts())));
      }
    }
    return out;
  }
}
