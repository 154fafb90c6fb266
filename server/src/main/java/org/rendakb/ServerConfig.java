package org.rendakb;

import java.nio.file.Path;
import java.util.List;
import org.rendakb.admin.AdminConfig;
import org.rendakb.api.RequestLimits;

/**
 * How a server runs.
 *
 * @param index the Lucene index folder
 * @param host the interface to listen on
 * @param port 0 for any free port
 * @param inputs the folders the index was built from, kept for reindexing from the server
 * @param abbreviations a staff-maintained abbreviation file replacing the bundled one, or null
 * @param admin whether and how the index may be changed over HTTP
 * @param limits how many expensive requests are served at once
 * @param semantic load the embedding model, so that searches use the index's meaning vectors
 *     (hybrid by default); the command line's default, off only with {@code --no-semantic}
 */
public record ServerConfig(Path index, String host, int port, List<Path> inputs, Path abbreviations, AdminConfig admin,
    RequestLimits limits, boolean semantic) {
  public ServerConfig {
    inputs = List.copyOf(inputs);
  }

  /** Lexical only: no model loaded (the tests that do not search by meaning). */
  public ServerConfig(Path index, String host, int port, List<Path> inputs, Path abbreviations, AdminConfig admin,
      RequestLimits limits) {
    this(index, host, port, inputs, abbreviations, admin, limits, false);
  }

  /** The same server with the embedding model loaded. */
  public ServerConfig withSemantic() {
    return new ServerConfig(index, host, port, inputs, abbreviations, admin, limits, true);
  }

  public ServerConfig(Path index, String host, int port, List<Path> inputs, Path abbreviations, AdminConfig admin) {
    this(index, host, port, inputs, abbreviations, admin, RequestLimits.defaults());
  }

  /** Read-only: the admin endpoints are off. */
  public ServerConfig(Path index, String host, int port, List<Path> inputs, Path abbreviations) {
    this(index, host, port, inputs, abbreviations, AdminConfig.off(index));
  }
}
