package org.rendakb.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rendakb.Server;
import org.rendakb.ServerConfig;
import org.rendakb.admin.AdminConfig;
import org.rendakb.admin.AdminToken;
import org.rendakb.admin.FailureThrottle;
import org.rendakb.index.IndexReport;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;
import org.rendakb.search.query.Abbreviations;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index of these files, built on disk by the real Indexer, and the real server over it on a free
 * port, for the test class that registers it on a static field:
 * <pre>{@code @RegisterExtension static final ServerFixture server = ServerFixture.seeds().build();}</pre>
 * Its folder holds one sub-folder per input ({@code seeds/}, {@code corpus/}, …), {@code index/} and,
 * with {@link Builder#admin}, {@code uploads/}; everything is removed after the class. Without a
 * server ({@link Builder#serviceOnly}, {@link Builder#indexOnly}) the same index is searched
 * in-process or left to the test.
 */
public final class ServerFixture implements BeforeAllCallback, AfterAllCallback {
  private static final Logger log = LoggerFactory.getLogger(ServerFixture.class);

  /** What a test needs besides the index: a server, a search service only, or nothing open. */
  enum Serve { HTTP, SERVICE, NOTHING }

  /** Writes one input folder of the index (it may already exist, empty). */
  @FunctionalInterface
  public interface Folder {
    void write(Path folder) throws IOException;
  }

  /** An admin token and upload limit; a null throttle is the server's default. */
  record Admin(String token, long maxUploadBytes, FailureThrottle.Settings throttle) {}

  record Requirement(BooleanSupplier met, String message) {}

  private final Map<String, Folder> folders;
  private final Map<String, Folder> later;
  private final Callable<Path> prebuilt;
  private final int threads;
  private final Serve serve;
  private final Admin admin;
  private final List<Requirement> requirements;

  private Path dir;
  private Path index;
  private List<Path> inputs = List.of();
  private IndexReport report;
  private Javalin app;
  private Http http;
  private IndexAccess access;
  private SearchService service;
  private final List<Javalin> others = new ArrayList<>();
  private FSDirectory directory;
  private DirectoryReader reader;

  private ServerFixture(Builder b) {
    this.folders = new LinkedHashMap<>(b.folders);
    this.later = new LinkedHashMap<>(b.later);
    this.prebuilt = b.prebuilt;
    this.threads = b.threads;
    this.serve = b.serve;
    this.admin = b.admin;
    this.requirements = List.copyOf(b.requirements);
  }

  /** The seeds, one of them with hostile HTML appended ({@link TestCorpus#seeds}), in {@code seeds/}. */
  public static Builder seeds() {
    return new Builder().folder("seeds", TestCorpus::seeds);
  }

  /** The seeds and about 130 files of the shared corpus ({@link TestCorpus#corpusSlice}); skipped without it. */
  public static Builder seedsAndCorpusSlice() {
    return seeds().folder("corpus", TestCorpus::corpusSlice).requires(TestCorpus::sharedCorpusPresent,
        TestCorpus.SHARED_CORPUS_MISSING);
  }

  /** Files the test writes itself, or nothing yet. */
  public static Builder empty() {
    return new Builder();
  }

  /** The index of the whole shared corpus that the evaluations share, built once per run; skipped without it. */
  public static Builder corpusIndex(Callable<Path> index) {
    Builder b = new Builder().requires(TestCorpus::sharedCorpusPresent, TestCorpus.SHARED_CORPUS_MISSING);
    b.prebuilt = index;
    return b;
  }

  public static final class Builder {
    private final Map<String, Folder> folders = new LinkedHashMap<>();
    private final Map<String, Folder> later = new LinkedHashMap<>();
    private Callable<Path> prebuilt;
    private int threads = 2;
    private Serve serve = Serve.HTTP;
    private Admin admin;
    private final List<Requirement> requirements = new ArrayList<>();

    private Builder() {}

    /** One more input folder, {@code name/} in the fixture's folder, or more files written into one already named. */
    public Builder folder(String name, Folder write) {
      folders.merge(name, write, (first, then) -> f -> {
        first.write(f);
        then.write(f);
      });
      return this;
    }

    /**
     * An input folder the server is told of but the first build leaves out, for a test that
     * indexes it itself while the server runs.
     */
    public Builder laterInput(String name, Folder write) {
      later.put(name, write);
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Admin endpoints on, their data in {@code uploads/}; failures throttled as the server does by default. */
    public Builder admin(String token, long maxUploadBytes) {
      return admin(token, maxUploadBytes, null);
    }

    public Builder admin(String token, long maxUploadBytes, FailureThrottle.Settings throttle) {
      this.admin = new Admin(token, maxUploadBytes, throttle);
      return this;
    }

    /** No server: {@link #service()} searches the index in-process. */
    public Builder serviceOnly() {
      this.serve = Serve.SERVICE;
      return this;
    }

    /** No server and nothing open: the test reads or copies {@link #index()} itself. */
    public Builder indexOnly() {
      this.serve = Serve.NOTHING;
      return this;
    }

    /** Skips the class, before anything is indexed, unless {@code met}. */
    public Builder requires(BooleanSupplier met, String message) {
      requirements.add(new Requirement(met, message));
      return this;
    }

    public ServerFixture build() {
      return new ServerFixture(this);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    for (Requirement r : requirements) {
      if (!r.met().getAsBoolean()) {
        // surefire shows a class skipped in beforeAll as "Tests run: 0" without the reason
        log.warn("{} skipped: {}", context.getRequiredTestClass().getSimpleName(), r.message());
      }
      assumeTrue(r.met().getAsBoolean(), r.message());
    }
    dir = Files.createTempDirectory("rendakb-" + context.getRequiredTestClass().getSimpleName() + "-");
    List<Path> indexed = write(folders);
    inputs = Stream.concat(indexed.stream(), write(later).stream()).toList();
    if (prebuilt != null) {
      index = prebuilt.call();
    } else {
      index = dir.resolve("index");
      report = Indexer.run(new IndexerOptions(index, indexed, threads, false));
    }
    if (serve == Serve.HTTP) {
      app = start(config());
      http = new Http(app.port());
    } else if (serve == Serve.SERVICE) {
      access = IndexAccess.open(index);
      service = new SearchService(access, Abbreviations.bundled());
    }
  }

  private List<Path> write(Map<String, Folder> these) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, Folder> f : these.entrySet()) {
      Path folder = Files.createDirectories(dir.resolve(f.getKey()));
      f.getValue().write(folder);
      written.add(folder);
    }
    return written;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try (FSDirectory d = directory; DirectoryReader r = reader; IndexAccess a = access) {
      for (Javalin other : others) {
        other.stop();
      }
      if (app != null) {
        app.stop();
      }
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  /** How the fixture's server runs: its inputs, and the admin endpoints if asked for. */
  public ServerConfig config() {
    if (admin == null) {
      return new ServerConfig(index, "127.0.0.1", 0, inputs, null);
    }
    AdminToken token = AdminToken.of(admin.token());
    Path uploads = dir.resolve("uploads");
    AdminConfig config = admin.throttle() == null ? new AdminConfig(uploads, token, admin.maxUploadBytes())
        : new AdminConfig(uploads, token, admin.maxUploadBytes(), admin.throttle());
    return new ServerConfig(index, "127.0.0.1", 0, inputs, null, config);
  }

  /** Another server over the same index, stopped with the fixture (for servers configured otherwise). */
  public Javalin startAnother(ServerConfig config) throws Exception {
    Javalin other = start(config);
    others.add(other);
    return other;
  }

  private static Javalin start(ServerConfig config) throws Exception {
    return serve(config);
  }

  /**
   * The real server, started, over the index the config names, built by the composition root as
   * {@code main} builds it: for a test that writes its own index and config.
   */
  public static Javalin serve(ServerConfig config) throws Exception {
    return Server.create(IndexAccess.open(config.index()), config).start();
  }

  /** The fixture's folder: the inputs, {@code index/} and {@code uploads/} are in it. */
  public Path dir() {
    return dir;
  }

  public Path index() {
    return index;
  }

  /** The input folder of that name. */
  public Path input(String name) {
    return dir.resolve(name);
  }

  public List<Path> inputs() {
    return inputs;
  }

  /** What the indexer reported on the first build (null over a prebuilt index). */
  public IndexReport report() {
    return report;
  }

  public Javalin app() {
    return running(app);
  }

  public int port() {
    return running(app).port();
  }

  Http http() {
    return running(http);
  }

  public SearchService service() {
    return inProcess(service);
  }

  /** The open index under {@link #service()}. */
  public IndexAccess access() {
    return inProcess(access);
  }

  private static <T> T inProcess(T t) {
    if (t == null) {
      throw new IllegalStateException("the fixture was not built with serviceOnly()");
    }
    return t;
  }

  /** Plain Lucene over the index as it was first committed, for counting what the API should answer. */
  public synchronized IndexSearcher lucene() throws IOException {
    if (reader == null) {
      directory = FSDirectory.open(index);
      reader = DirectoryReader.open(directory);
    }
    return new IndexSearcher(reader);
  }

  private <T> T running(T t) {
    if (t == null) {
      throw new IllegalStateException("the fixture runs no server (serviceOnly or indexOnly)");
    }
    return t;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
