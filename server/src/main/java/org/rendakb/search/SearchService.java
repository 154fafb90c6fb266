package org.rendakb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.rendakb.hybrid.MeaningSearch;
import org.rendakb.hybrid.SearchMode;
import org.rendakb.schema.Fields;
import org.rendakb.schema.FileBlocks;
import org.rendakb.schema.IndexSchema;
import org.rendakb.schema.StoredFile;
import org.rendakb.extract.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rendakb.search.query.Abbreviations;
import org.rendakb.search.query.ParsedQuery;
import org.rendakb.search.query.PartialQuery;
import org.rendakb.search.query.StaffQueryParser;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.reader.ReaderSearcher;
import org.rendakb.search.reader.Suggestions;
import org.rendakb.search.reader.Versions;

/**
 * Search, browsing, documents, similar documents and suggestions over the open index; knows
 * nothing of HTTP. Immutable and safe to share between threads: all per-reader state lives in the
 * {@link ReaderSearcher} of the moment.
 */
public final class SearchService {
  private static final Logger log = LoggerFactory.getLogger(SearchService.class);

  /** A search that runs longer than this returns what it found so far (and says so in the log). */
  public static final long TIMEOUT_MILLIS = 5_000;
  /** Values listed per facet dimension other than years (years are all listed). */
  public static final int FACET_VALUES = 20;
  /** The deepest result a page may reach: page × size. */
  public static final int MAX_DEPTH = 10_000;
  /**
   * Partial matches listed after the full ones, at most: the best of them are worth a look, the rest
   * is noise. When nothing matches every word, all partial matches are listed (and faceted).
   */
  public static final int PARTIAL_MAX = 100;
  /** Candidates the partial matches are ranked among (see {@link #tail}). */
  static final int CANDIDATES = 300;

  private static final Query DOCUMENTS = new TermQuery(new Term(Fields.KIND, Fields.KIND_DOCUMENT));
  private static final Query PASSAGES = new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE));
  private static final SortField BY_ID = IndexSchema.byId();

  private final IndexAccess index;
  private final StaffQueryParser parser;
  private final SimilarDocuments similar = new SimilarDocuments();
  private final HitReader hitReader = new HitReader();
  private final HybridListing hybrid;

  /** A lexical search service: no model loaded, searches by the words typed only. */
  public SearchService(IndexAccess index, Abbreviations abbreviations) {
    this(index, abbreviations, null);
  }

  /** @param meaning how queries find files by meaning; null for none (every search lexical) */
  public SearchService(IndexAccess index, Abbreviations abbreviations, MeaningSearch meaning) {
    this.index = index;
    this.parser = new StaffQueryParser(abbreviations);
    this.hybrid = meaning == null ? null : new HybridListing(meaning);
  }

  public StaffQueryParser parser() {
    return parser;
  }

  public Health health() throws IOException {
    return index.withSearcher(s -> {
      int documents = s.count(DOCUMENTS);
      return new Health("ok", documents, s.count(PASSAGES), s.commitData().get(IndexSchema.COMMIT_INDEXED_AT),
          new Health.Semantic(hybrid != null, s.count(MeaningSearch.VECTORS), documents));
    });
  }

  /**
   * How a search runs: lexical unless it is ordered by relevance, has words, the request does not
   * ask for lexical, this service has a model and the index has vectors; then as asked (hybrid by
   * default).
   */
  private SearchMode mode(ReaderSearcher shared, SearchRequest request, ParsedQuery parsed, SortOrder order)
      throws IOException {
    SearchMode asked = request.mode() == null ? SearchMode.HYBRID : request.mode();
    if (asked == SearchMode.LEXICAL || hybrid == null || parsed.browse() || order != SortOrder.RELEVANCE
        || parsed.description().text().isBlank() || !shared.hasVectors()) {
      return SearchMode.LEXICAL;
    }
    return asked;
  }

  private HybridListing.Listing listing(ReaderSearcher shared, SearchRequest request, ParsedQuery parsed, SortOrder order)
      throws IOException {
    SearchMode mode = mode(shared, request, parsed, order);
    return mode == SearchMode.LEXICAL ? HybridListing.Listing.lexical(parsed.query())
        : hybrid.list(shared, request, parsed, mode);
  }

  /**
   * The filtered query over file documents that a search with this request lists (the fused list
   * when meaning joins in), for the features that count what the page lists: all values of a facet,
   * the count table.
   */
  Query listed(ReaderSearcher shared, SearchRequest request) throws IOException {
    ParsedQuery parsed = parser.parse(request.q());
    SortOrder order = request.sort() != null ? request.sort() : parsed.browse() ? SortOrder.DATE_DESC : SortOrder.RELEVANCE;
    return filtered(shared, request, listing(shared, request, parsed, order).query(), parsed.browse());
  }

  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    ParsedQuery parsed = parser.parse(request.q());
    SortOrder order = request.sort() != null ? request.sort() : parsed.browse() ? SortOrder.DATE_DESC : SortOrder.RELEVANCE;
    boolean byRelevance = order == SortOrder.RELEVANCE;
    return index.withSearcher(shared -> {
      HybridListing.Listing listing = listing(shared, request, parsed, order);
      Query listed = listing.query();
      Versions versions = request.foldVersions() ? shared.versions() : Versions.NONE;
      // versions folded into a hit take no place in the list: reach that much further
      int reach = request.page() * request.size() + versions.foldable();
      Matches matches = match(shared, request, order, parsed, listed, reach);
      long total = matches.top().totalHits.value();
      boolean allFull = matches.top().scoreDocs.length == total;
      // the laws among the full matches, and how many of their versions fold: read off the list when
      // it holds every full match, else one search over the few documents that have versions
      VersionFolding.Matched laws = allFull ? VersionFolding.matched(matches.top().scoreDocs, versions)
          : VersionFolding.matched(shared, filtered(shared, request, listed, parsed.browse()), versions);
      Tail tail = Tail.NONE;
      if (parsed.parts() > 0 && byRelevance) {
        if (total == 0) {
          // nothing holds every word: the partial matches are the result, counted and faceted in full
          PartialQuery partial = parsed.partial();
          if (partial != null) {
            Matches partials = match(shared, request, order, parsed, partial.excluding(parsed.query()), reach);
            boolean allPartial = partials.top().scoreDocs.length == partials.top().totalHits.value();
            VersionFolding.Matched partialLaws = allPartial ? VersionFolding.matched(partials.top().scoreDocs, versions)
                : VersionFolding.matched(shared, filtered(shared, request, partial.excluding(parsed.query()), false), versions);
            tail = new Tail(partials.top().scoreDocs, partials.top().totalHits.value(), partialLaws.folded());
            matches = new Matches(new TopFieldDocs(matches.top().totalHits, new ScoreDoc[0], matches.top().fields),
                partials.facets());
          }
        } else if (total - laws.folded() < request.page() * request.size()) {
          PartialQuery partial = parsed.partial();
          tail = partial == null ? Tail.NONE : tail(shared, request, partial, listed, versions, laws.laws());
        } else {
          // the page does not reach them: not ranked, not counted (partial is null), which saves
          // most of the cost of a search that has enough full matches
          tail = Tail.UNRANKED;
        }
      }
      // the folded list: full matches, then (once they are all in the list) the partial ones
      List<VersionFolding.Hit> folded = new ArrayList<>(VersionFolding.fold(ranked(matches.top().scoreDocs, listing.partial()),
          versions, parsed.years(), byRelevance, Set.of()));
      if (allFull) {
        folded.addAll(VersionFolding.fold(ranked(tail.hits(), null), versions, parsed.years(), byRelevance, laws.laws()));
      }
      int from = Math.min(folded.size(), (request.page() - 1) * request.size());
      int to = Math.min(folded.size(), request.page() * request.size());
      List<SearchResult.Hit> hits = hitReader.read(shared, folded.subList(from, to), byRelevance, parsed.description(),
          tail.hits().length > 0 || !listing.partial().isEmpty() ? parsed.partial() : null, listing.meaningOnly());
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResult(total, tail.total(), laws.folded() + tail.folded(), request.page(), request.size(), tookMs,
          parsed.description().ranBy(listing.mode().label()), hits, matches.facets());
    });
  }

  /** @param partial the partial matches among {@code docs}; null when all of them are */
  private static List<VersionFolding.Ranked> ranked(ScoreDoc[] docs, Set<Integer> partial) {
    return java.util.Arrays.stream(docs)
        .map(d -> new VersionFolding.Ranked(d, partial == null || partial.contains(d.doc))).toList();
  }

  /**
   * The partial matches listed after the full ones, best first; how many there are, and how many of
   * those are versions folded into another hit.
   */
  private record Tail(ScoreDoc[] hits, Long total, int folded) {
    static final Tail NONE = new Tail(new ScoreDoc[0], 0L, 0);
    static final Tail UNRANKED = new Tail(new ScoreDoc[0], null, 0);
  }

  /**
   * The best {@link #PARTIAL_MAX} partial matches after the full ones, without facets, in two
   * passes: the {@link #CANDIDATES} documents that best match the query's bigrams as plain terms
   * (which Lucene finds without scoring every document that holds a common piece such as 管理),
   * then those of them that are partial matches, ranked by the partial query. Ranking the partial
   * query over all its matches cost more than the rest of a search together. A partial match of a
   * law already listed (among the full matches, or higher in the tail) is folded into that law's hit.
   */
  private Tail tail(ReaderSearcher shared, SearchRequest request, PartialQuery partial, Query full, Versions versions,
      Set<Integer> fullLaws) throws IOException {
    ScoreDoc[] ranked = partialMatches(shared, request, partial, full);
    Set<Integer> laws = new java.util.HashSet<>(fullLaws);
    int folded = 0;
    for (ScoreDoc sd : ranked) {
      int law = versions.group(sd.doc);
      if (law >= 0 && !laws.add(law)) {
        folded++;
      }
    }
    return new Tail(ranked, (long) ranked.length, folded);
  }

  /**
   * The best {@link #PARTIAL_MAX} partial matches, best first: of the {@link #CANDIDATES} documents
   * that best match the query's bigrams as plain terms (found without scoring every document that
   * holds a common piece such as 管理), those that match the partial query, ranked by it.
   */
  static ScoreDoc[] partialMatches(ReaderSearcher shared, SearchRequest request, PartialQuery partial, Query full)
      throws IOException {
    IndexSearcher timed = timed(shared);
    Query first = new BooleanQuery.Builder().add(partial.candidates(), Occur.MUST).add(full, Occur.MUST_NOT).build();
    TopDocs pool = timed.search(filtered(shared, request, first, false), CANDIDATES);
    return PartialRanking.rank(timed, partial.query(), pool.scoreDocs, PARTIAL_MAX);
  }

  /** The ranked documents of one reading of the query and the facet counts beside them. */
  private record Matches(TopFieldDocs top, Map<String, List<SearchResult.FacetValue>> facets) {}

  private Matches match(ReaderSearcher shared, SearchRequest request, SortOrder order, ParsedQuery parsed, Query query,
      int depth) throws IOException {
    DrillDownQuery drill = filtered(shared, request, query, parsed.browse());
    // DrillSideways scoring (any facet filter) cannot run under a timeout in Lucene 10, so those
    // searches are bounded by the parser's limits on terms and variants alone.
    IndexSearcher timed = request.filters().isEmpty() ? timed(shared) : shared;
    TopFieldCollectorManager collector = new TopFieldCollectorManager(sort(order), depth, null, Integer.MAX_VALUE);
    TopFieldDocs top;
    Map<String, List<SearchResult.FacetValue>> facets;
    if (shared.facetState() == null) {
      top = timed.search(drill, collector);
      facets = emptyFacets();
    } else {
      DrillSideways.ConcurrentDrillSidewaysResult<TopFieldDocs> result =
          new DrillSideways(timed, shared.facetsConfig(), shared.facetState()).search(drill, collector);
      top = result.collectorResult;
      facets = facets(shared, result.facets, request.filters());
    }
    if (timed.timedOut()) {
      log.warn("search timed out after {} ms, partial results: {}", TIMEOUT_MILLIS, parsed.description().parsed());
    }
    return new Matches(top, facets);
  }

  /** The query over file documents, within the request's dates and facet filters. */
  static DrillDownQuery filtered(ReaderSearcher shared, SearchRequest request, Query query, boolean browse) {
    return filtered(shared, request, query, browse, DOCUMENTS);
  }

  /** The query over documents of a kind (files, or their vectors, which carry the same filter fields). */
  static DrillDownQuery filtered(ReaderSearcher shared, SearchRequest request, Query query, boolean browse, Query kind) {
    BooleanQuery.Builder base = new BooleanQuery.Builder()
        .add(query, browse ? Occur.FILTER : Occur.MUST)
        .add(kind, Occur.FILTER);
    if (request.from() != null || request.to() != null) {
      long lo = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
      long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
      base.add(LongField.newRangeQuery(Fields.DATE_DAYS, lo, hi), Occur.FILTER);
    }
    DrillDownQuery drill = new DrillDownQuery(shared.facetsConfig(), base.build());
    request.filters().forEach((dim, values) -> values.forEach(v -> drill.add(dim, v)));
    return drill;
  }

  /** A searcher of the same reader with this request's own timeout. */
  private static IndexSearcher timed(ReaderSearcher shared) {
    IndexSearcher timed = new IndexSearcher(shared.getIndexReader());
    timed.setTimeout(new QueryTimeoutImpl(TIMEOUT_MILLIS));
    return timed;
  }

  static Sort sort(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, BY_ID);
      // undated documents come last in both directions
      case DATE_DESC -> new Sort(
          LongField.newSortField(Fields.DATE_DAYS, true, SortedNumericSelector.Type.MAX, Long.MIN_VALUE), BY_ID);
      case DATE_ASC -> new Sort(
          LongField.newSortField(Fields.DATE_DAYS, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE), BY_ID);
    };
  }

  private static Map<String, List<SearchResult.FacetValue>> emptyFacets() {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    IndexSchema.FACET_DIMENSIONS.forEach(dim -> out.put(dim, List.of()));
    return out;
  }

  /**
   * Counts per dimension. DrillSideways counts a dimension that has a filter as if that filter were
   * off, so a user can widen as well as narrow; a selected value is always listed, even with a
   * count too small for the top list.
   */
  private static Map<String, List<SearchResult.FacetValue>> facets(ReaderSearcher s, Facets facets,
      Map<String, List<String>> filters) throws IOException {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    for (String dim : IndexSchema.FACET_DIMENSIONS) {
      if (!s.hasDim(dim)) {
        out.put(dim, List.of());
        continue;
      }
      boolean years = dim.equals(Fields.YEAR);
      FacetResult result = years ? facets.getAllChildren(dim) : facets.getTopChildren(FACET_VALUES, dim);
      List<SearchResult.FacetValue> values = new ArrayList<>();
      if (result != null) {
        for (LabelAndValue lv : result.labelValues) {
          values.add(new SearchResult.FacetValue(lv.label, lv.value.longValue()));
        }
      }
      for (String selected : filters.getOrDefault(dim, List.of())) {
        if (values.stream().noneMatch(v -> v.value().equals(selected))) {
          Number n = facets.getSpecificValue(dim, selected);
          values.add(new SearchResult.FacetValue(selected, n == null || n.longValue() < 0 ? 0 : n.longValue()));
        }
      }
      if (years) {
        values.sort(Comparator.comparing(SearchResult.FacetValue::value));
      } else {
        values.sort(Comparator.comparingLong(SearchResult.FacetValue::count).reversed()
            .thenComparing(SearchResult.FacetValue::value));
      }
      out.put(dim, List.copyOf(values));
    }
    return out;
  }

  public DocumentView document(String id) throws IOException, NoSuchDocumentException {
    return index.withSearcher(s -> {
      int doc = find(s, id);
      if (doc < 0) {
        return null;
      }
      StoredFile d = StoredFile.read(s.storedFields(), doc, StoredFile.Part.WHOLE);
      int passages = s.count(new TermQuery(new Term(Fields.PARENT, id)));
      return new DocumentView(d.id(), d.path(), d.title(), d.type(), d.date(), d.year(), d.body(), d.committee(),
          d.region(), d.place(), d.term(), d.meeting(), d.speaker(), d.laws(), d.contentType(), d.size(), d.hash(),
          d.truncated(), d.note(), passages, DocumentText.of(id, d.text(), 0, DocumentText.DEFAULT_LENGTH).text(),
          lengthOf(d.text()), d.extraction() == null ? "text" : d.extraction(), d.ocrConfidence(),
          d.ocrPages() == null ? 0 : d.ocrPages(), Pages.parse(d.pageStarts()), d.docNumber(), d.addressee(),
          d.signer(), d.published(), d.sources());
    }) instanceof DocumentView view ? view : notFound(id);
  }

  /** A page of a document's text: a very large text is sent in parts, never as one answer. */
  public DocumentText text(String id, int offset, int length) throws IOException, NoSuchDocumentException {
    return index.withSearcher(s -> {
      int doc = find(s, id);
      return doc < 0 ? null : DocumentText.of(id, StoredFile.read(s.storedFields(), doc, StoredFile.Part.TEXT).text(),
          offset, length);
    }) instanceof DocumentText page ? page : notFound(id);
  }

  private static int lengthOf(String text) {
    return text == null ? 0 : text.length();
  }

  /**
   * The original file of a document. Only a regular file whose real path (symbolic links resolved)
   * lies inside the real path of the folder it was indexed from is returned: a path stored in the
   * index, or a link placed in the folder since, cannot lead elsewhere on the disk.
   */
  public OriginalFile file(String id) throws IOException, NoSuchDocumentException {
    StoredFile d = index.withSearcher(s -> {
      int doc = find(s, id);
      return doc < 0 ? null : StoredFile.read(s.storedFields(), doc, StoredFile.Part.METADATA);
    });
    if (d == null || d.root() == null || d.path() == null) {
      throw notFoundException(id);
    }
    try {
      Path root = Path.of(d.root()).toRealPath();
      Path relative = Path.of(d.path());
      if (relative.isAbsolute()) {
        throw new NoSuchDocumentException("the file of document " + id + " is not available");
      }
      Path file = root.resolve(relative).normalize().toRealPath();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        throw new NoSuchDocumentException("the file of document " + id + " is not available");
      }
      String type = d.contentType();
      return new OriginalFile(file, type == null || type.isBlank() ? "application/octet-stream" : type,
          relative.getFileName().toString());
    } catch (java.nio.file.NoSuchFileException | java.nio.file.InvalidPathException e) {
      throw new NoSuchDocumentException("the file of document " + id + " is no longer where it was indexed");
    }
  }

  public List<SimilarDocument> similar(String id, int size) throws IOException, NoSuchDocumentException {
    List<SimilarDocument> out = index.withSearcher(s -> {
      int doc = find(s, id);
      return doc < 0 ? null : similar.find(s, doc, id, size);
    });
    return out != null ? out : notFound(id);
  }

  public List<Suggestions.Suggestion> suggest(String prefix) throws IOException {
    return index.withSearcher(s -> s.suggestions().suggest(prefix));
  }

  /** The Lucene doc id of the file document with this id, or -1. */
  static int find(IndexSearcher s, String id) throws IOException {
    return FileBlocks.file(s, id);
  }

  private static <T> T notFound(String id) throws NoSuchDocumentException {
    throw notFoundException(id);
  }

  private static NoSuchDocumentException notFoundException(String id) {
    return new NoSuchDocumentException("no document with id " + id);
  }
}
