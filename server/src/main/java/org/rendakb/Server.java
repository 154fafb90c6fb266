package org.rendakb;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.rendakb.admin.AdminConfig;
import org.rendakb.admin.AdminServices;
import org.rendakb.admin.FailureThrottle;
import org.rendakb.admin.IndexWriting;
import org.rendakb.admin.Reindexer;
import org.rendakb.admin.UploadStore;
import org.rendakb.admin.Uploads;
import org.rendakb.api.App;
import org.rendakb.api.HttpConfig;
import org.rendakb.api.Services;
import org.rendakb.compare.CompareService;
import org.rendakb.compare.NewPhrasesService;
import org.rendakb.export.ResultRows;
import org.rendakb.extract.Extractor;
import org.rendakb.extract.ExtractorLimits;
import org.rendakb.hybrid.MeaningSearch;
import org.rendakb.hybrid.QueryVectors;
import org.rendakb.index.DocumentPipeline;
import org.rendakb.index.LuceneDocuments;
import org.rendakb.knowledge.LawCatalog;
import org.rendakb.knowledge.OrganCatalog;
import org.rendakb.metadata.MetadataExtractor;
import org.rendakb.ocr.Ocr;
import org.rendakb.ocr.OcrOptions;
import org.rendakb.ocr.OcrStatus;
import org.rendakb.passages.PassageSplitter;
import org.rendakb.precedent.PrecedentSearcher;
import org.rendakb.precedent.PrecedentService;
import org.rendakb.search.DocumentMarks;
import org.rendakb.search.FacetCounts;
import org.rendakb.search.SearchService;
import org.rendakb.search.query.Abbreviations;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.semantic.Embedder;
import org.rendakb.semantic.SemanticUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every service of a server is built here, over one open index, and handed
 * to the HTTP layer ({@link App}), which only registers routes over them. {@link ServerMain} and
 * the tests build the server here.
 */
public final class Server {
  private static final Logger log = LoggerFactory.getLogger(Server.class);

  private Server() {}

  /**
   * A server over {@code index} with the abbreviations the config names (the bundled ones when it
   * names none), not yet started. Stopping it closes the index.
   */
  public static Javalin create(IndexAccess index, ServerConfig config) throws IOException {
    Abbreviations abbreviations = config.abbreviations() == null
        ? Abbreviations.bundled() : Abbreviations.load(config.abbreviations());
    return create(services(index, abbreviations, config), config);
  }

  /** The HTTP server over services built by {@link #services}, not yet started. */
  public static Javalin create(Services services, ServerConfig config) {
    return App.create(services, new HttpConfig(config.host(), config.port(), config.limits()));
  }

  /**
   * Every service over {@code index}. The admin services exist only when a token is configured;
   * their data folder is created here, and a folder that cannot be used stops the server.
   */
  public static Services services(IndexAccess index, Abbreviations abbreviations, ServerConfig config) {
    SearchService search = new SearchService(index, abbreviations, config.semantic() ? meaning() : null);
    // one OCR for the uploads and the reindexing, sharing the indexer's cache beside the index; its
    // status is the server's to report
    Ocr ocr = Ocr.detect(OcrOptions.defaults(config.index()));
    OcrStatus status = ocr.status();
    log.info("OCR of uploaded scans: {}", status.available() ? status.description() : "off, " + status.description());
    List<AutoCloseable> onStop = new ArrayList<>();
    AdminServices admin = config.admin().enabled() ? admin(index, config, ocr, onStop) : null;
    onStop.add(index);
    return new Services(search, new DocumentMarks(search, index), new FacetCounts(search, index), new ResultRows(search),
        new PrecedentService(index, new PrecedentSearcher()), new LawCatalog(index), new OrganCatalog(index),
        new CompareService(search, index), new NewPhrasesService(search, index), admin, status, onStop);
  }

  /** Search by meaning, or null (lexical only) where the model cannot run: the server serves either way. */
  private static MeaningSearch meaning() {
    try {
      return new MeaningSearch(new QueryVectors(Embedder.load()));
    } catch (SemanticUnavailableException e) {
      log.warn("{}", e.getMessage());
      return null;
    }
  }

  private static AdminServices admin(IndexAccess index, ServerConfig config, Ocr ocr, List<AutoCloseable> onStop) {
    AdminConfig settings = config.admin();
    UploadStore store;
    try {
      store = new UploadStore(settings.data());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the data folder " + settings.data() + ": " + e.getMessage(), e);
    }
    Extractor extractor = new Extractor(ExtractorLimits.defaults(), ocr);
    LuceneDocuments documents = new LuceneDocuments(new PassageSplitter());
    DocumentPipeline pipeline = new DocumentPipeline(extractor, new MetadataExtractor(), documents);
    IndexWriting writing = new IndexWriting(config.index(), index);
    Reindexer reindexer = new Reindexer(config.index(), config.inputs(), pipeline, documents, writing);
    onStop.add(reindexer);
    onStop.add(extractor::close);
    return new AdminServices(settings, store, new Uploads(store, pipeline, documents, writing, index), reindexer,
        new FailureThrottle(settings.throttle(), settings.clock()));
  }
}
