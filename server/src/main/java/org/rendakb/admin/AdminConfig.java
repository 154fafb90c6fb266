package org.rendakb.admin;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/**
 * How the server may change its index.
 *
 * @param data the folder uploaded originals are kept in (one sub-folder per document)
 * @param token the secret admin requests must present, or null: the admin endpoints are off
 * @param maxUploadBytes the largest file an upload may carry
 * @param throttle how repeated wrong tokens from one address are slowed down
 * @param clientAddressHeader the header a trusted reverse proxy puts the client's address in (its
 *     last entry counts), or null: the connection's own address, the default
 * @param clock the time lockouts are measured on
 */
public record AdminConfig(Path data, AdminToken token, long maxUploadBytes, FailureThrottle.Settings throttle,
    String clientAddressHeader, InstantSource clock) {
  public static final long DEFAULT_MAX_UPLOAD_MB = 50;
  public static final String DEFAULT_DATA_FOLDER = "uploads";

  public AdminConfig {
    data = data.toAbsolutePath().normalize();
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("the upload limit must be positive, got " + maxUploadBytes);
    }
    clientAddressHeader = clientAddressHeader == null || clientAddressHeader.isBlank() ? null : clientAddressHeader.strip();
  }

  public AdminConfig(Path data, AdminToken token, long maxUploadBytes, FailureThrottle.Settings throttle) {
    this(data, token, maxUploadBytes, throttle, null, FailureThrottle.MONOTONIC);
  }

  public AdminConfig(Path data, AdminToken token, long maxUploadBytes) {
    this(data, token, maxUploadBytes, FailureThrottle.Settings.defaults());
  }

  /** The data folder beside the index, admin off, the default limit. */
  public static AdminConfig off(Path index) {
    return new AdminConfig(defaultData(index), null, DEFAULT_MAX_UPLOAD_MB << 20);
  }

  /** {@code uploads} beside the index folder. */
  public static Path defaultData(Path index) {
    return index.toAbsolutePath().normalize().resolveSibling(DEFAULT_DATA_FOLDER);
  }

  public boolean enabled() {
    return token != null;
  }

  /**
   * Why this data folder cannot be used with these input folders, or null. Inside an input folder a
   * reindex would index every upload a second time; an input inside it would be served as uploads.
   */
  public String problemWith(List<Path> inputs) {
    for (Path input : inputs) {
      Path in = input.toAbsolutePath().normalize();
      if (data.startsWith(in) || in.startsWith(data)) {
        return "the data folder " + data + " must not lie inside an input folder or contain one (" + in
            + "); choose another with --data DIR";
      }
    }
    return null;
  }
}
