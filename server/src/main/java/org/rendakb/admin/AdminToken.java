package org.rendakb.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secret that allows changing the index. Only its SHA-256 is kept, and a presented token is
 * compared by hash with {@link MessageDigest#isEqual}, which takes the same time wherever the
 * first difference lies: neither the token's length nor a matching prefix shows in the timing.
 */
public final class AdminToken {
  /** Shorter secrets are refused at startup: throttling slows guessing down, length makes it hopeless. */
  public static final int MIN_LENGTH = 16;

  private final byte[] hash;

  private AdminToken(byte[] hash) {
    this.hash = hash;
  }

  /** A token from its text (surrounding white space, such as a file's final newline, is ignored). */
  public static AdminToken of(String secret) {
    String token = secret.strip();
    if (token.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("the admin token must have at least " + MIN_LENGTH
          + " characters (make one with: openssl rand -hex 32)");
    }
    return new AdminToken(sha256(token));
  }

  /**
   * The token from {@code file} when given, else from {@code environment} (the value of
   * KB_ADMIN_TOKEN), else null: the admin endpoints are off.
   */
  public static AdminToken configured(Path file, String environment) throws IOException {
    if (file != null) {
      return of(Files.readString(file, StandardCharsets.UTF_8));
    }
    return environment == null || environment.isBlank() ? null : of(environment);
  }

  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(hash, sha256(presented));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Never the secret, so that logging a configuration cannot leak it. */
  @Override
  public String toString() {
    return "AdminToken[set]";
  }
}
