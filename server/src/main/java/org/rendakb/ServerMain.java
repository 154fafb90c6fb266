package org.rendakb;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rendakb.admin.AdminConfig;
import org.rendakb.admin.AdminToken;
import org.rendakb.admin.FailureThrottle;
import org.rendakb.api.RequestLimits;
import org.rendakb.api.Services;
import org.rendakb.search.query.Abbreviations;
import org.rendakb.search.reader.IndexAccess;
import org.rendakb.search.reader.IndexNotReadyException;
import org.rendakb.search.WarmUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reads the configuration, opens the index and starts the server; every service is built in the
 * composition root, {@link Server}. Options win over the environment variables KB_INDEX, KB_PORT, KB_HOST, KB_DATA,
 * KB_MAX_UPLOAD_MB and KB_ADMIN_TOKEN (the token is read from the environment only, never from the
 * command line, where other users of the machine could see it).
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Serves search over a rendakb index on HTTP; picks up the indexer's commits within a second.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:serving (until stopped)",
      "1:the index is missing, empty, damaged or of another schema version",
      "2:usage error",
      "3:cannot listen on the host and port"
    })
public final class ServerMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServerMain.class);
  /** The index is missing, empty, damaged or of another schema version: the message says what to run. */
  public static final int EXIT_INDEX = 1;
  /** The options are wrong (picocli's code for usage errors). */
  public static final int EXIT_USAGE = 2;
  /** The port is taken or the host is not this machine's. */
  public static final int EXIT_LISTEN = 3;

  @Option(names = "--index", defaultValue = "${env:KB_INDEX}", description = "index folder (env KB_INDEX)")
  Path index;

  @Option(names = "--port", defaultValue = "${env:KB_PORT:-7070}", description = "port, 0 for any free one (env KB_PORT; default 7070)")
  int port;

  @Option(names = "--host", defaultValue = "${env:KB_HOST:-127.0.0.1}", description = "interface to listen on (env KB_HOST; default 127.0.0.1)")
  String host;

  @Option(names = "--input", arity = "1..*", description = "folders the index is built from (kept for reindexing)")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--abbreviations", description = "abbreviation file (one group per line, comma-separated) replacing the bundled one")
  Path abbreviations;

  @Option(names = "--data", defaultValue = "${env:KB_DATA}",
      description = "folder for uploaded originals (env KB_DATA; default: uploads beside the index folder)")
  Path data;

  @Option(names = "--admin-token-file", description = "file holding the admin token that allows changing the index "
      + "over HTTP (else env KB_ADMIN_TOKEN; without either, those endpoints are off)")
  Path adminTokenFile;

  @Option(names = "--max-upload-mb", defaultValue = "${env:KB_MAX_UPLOAD_MB:-50}",
      description = "largest upload in MB (env KB_MAX_UPLOAD_MB; default 50)")
  long maxUploadMb;

  @Option(names = "--client-address-header", defaultValue = "${env:KB_CLIENT_ADDRESS_HEADER}",
      description = "behind a reverse proxy: the header it puts the client's address in, e.g. X-Forwarded-For "
          + "(its last entry counts); for the admin throttle (env KB_CLIENT_ADDRESS_HEADER; default: none, "
          + "the connection's address)")
  String clientAddressHeader;

  @Option(names = "--max-parallel-requests", defaultValue = "${env:" + RequestLimits.PARALLEL_ENV + "}",
      description = "searches, exports, documents, similar documents and comparisons worked on at once, server-wide (env "
          + RequestLimits.PARALLEL_ENV + "; default twice the processors, at least 4)")
  Integer maxParallelRequests;

  @Option(names = "--max-queued-requests", defaultValue = "${env:" + RequestLimits.QUEUED_ENV + ":-"
      + RequestLimits.DEFAULT_QUEUED + "}",
      description = "such requests waiting at most (up to 10 s each) before 503 (env " + RequestLimits.QUEUED_ENV
          + "; default " + RequestLimits.DEFAULT_QUEUED + ")")
  int maxQueuedRequests;

  @Option(names = "--no-semantic",
      description = "do not load the embedding model: every search is lexical, even where the index has vectors")
  boolean noSemantic;

  public static void main(String[] args) {
    int code = command().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The command line as {@code main} runs it: an unexpected failure is one logged line and exit 1, not a stack trace. */
  public static CommandLine command() {
    return new CommandLine(new ServerMain()).setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      log.error("the server failed to start: {}", e.toString());
      return EXIT_INDEX;
    });
  }

  @Override
  public Integer call() throws Exception {
    if (index == null) {
      log.error("no index given: pass --index DIR or set KB_INDEX");
      return EXIT_USAGE;
    }
    AdminConfig admin;
    RequestLimits limits;
    try {
      admin = new AdminConfig(data == null ? AdminConfig.defaultData(index) : data,
          AdminToken.configured(adminTokenFile, System.getenv("KB_ADMIN_TOKEN")), maxUploadMb << 20,
          FailureThrottle.Settings.defaults(), clientAddressHeader, FailureThrottle.MONOTONIC);
    } catch (IOException | IllegalArgumentException e) {
      log.error("cannot enable the admin endpoints: {}", e.getMessage());
      return 2;
    }
    try {
      limits = new RequestLimits(maxParallelRequests == null ? RequestLimits.defaultParallel() : maxParallelRequests,
          maxQueuedRequests, RequestLimits.DEFAULT_WAIT);
    } catch (IllegalArgumentException e) {
      log.error("cannot bound the requests: {}", e.getMessage());
      return EXIT_USAGE;
    }
    String problem = admin.enabled() ? admin.problemWith(inputs) : null;
    if (problem != null) {
      log.error("{}", problem);
      return 2;
    }
    ServerConfig config = new ServerConfig(index, host, port, inputs, abbreviations, admin, limits, !noSemantic);
    Abbreviations dictionary = abbreviations == null ? Abbreviations.bundled() : Abbreviations.load(abbreviations);
    IndexAccess access;
    try {
      access = IndexAccess.open(index);
    } catch (IndexNotReadyException e) {
      log.error("cannot serve: {}", e.getMessage());
      return EXIT_INDEX;
    } catch (IOException e) {
      log.error("cannot serve: the index at {} cannot be read ({}); rebuild it: java -jar indexer/target/indexer.jar --full"
          + " --index {} FOLDER...", index, e.toString(), index);
      return EXIT_INDEX;
    }
    Services services = Server.services(access, dictionary, config);
    Javalin app = Server.create(services, config);
    try {
      app.start();
    } catch (RuntimeException e) {
      log.error("cannot listen on {}:{}: {}", host, port, e.getMessage());
      app.stop();
      access.close(); // closing twice is harmless; a server that never started may not fire its stop event
      return EXIT_LISTEN;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "server-stop"));
    WarmUp.start(services.search());
    log.info("serving {} on http://{}:{}/ ({} abbreviation groups)", index, host, app.port(), dictionary.groups());
    return 0;
  }
}
