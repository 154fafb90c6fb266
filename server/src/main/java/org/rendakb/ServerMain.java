package org.rendakb;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rendakb.api.App;
import org.rendakb.search.Abbreviations;
import org.rendakb.search.IndexAccess;
import org.rendakb.search.IndexNotReadyException;
import org.rendakb.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reads the configuration, opens the index and starts the server; everything else is built in
 * {@link App#create}. Options win over the environment variables KB_INDEX, KB_PORT and KB_HOST.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Serves search over a rendakb index on HTTP; picks up the indexer's commits within a second.")
public final class ServerMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServerMain.class);

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

  public static void main(String[] args) {
    int code = new CommandLine(new ServerMain()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (index == null) {
      log.error("no index given: pass --index DIR or set KB_INDEX");
      return 2;
    }
    ServerConfig config = new ServerConfig(index, host, port, inputs, abbreviations);
    Abbreviations dictionary = abbreviations == null ? Abbreviations.bundled() : Abbreviations.load(abbreviations);
    IndexAccess access;
    try {
      access = IndexAccess.open(index);
    } catch (IndexNotReadyException e) {
      log.error("cannot serve: {}", e.getMessage());
      return 1;
    }
    Javalin app = App.create(new SearchService(access, dictionary), config);
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "server-stop"));
    app.start();
    log.info("serving {} on http://{}:{}/ ({} abbreviation groups)", index, host, app.port(), dictionary.groups());
    return 0;
  }
}
