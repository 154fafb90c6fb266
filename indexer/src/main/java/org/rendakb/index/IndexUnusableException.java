package org.rendakb.index;

/** The index itself cannot be used (wrong schema, locked, unwritable, disk full): exit code 1. */
public final class IndexUnusableException extends Exception {
  public IndexUnusableException(String message) {
    super(message);
  }

  public IndexUnusableException(String message, Throwable cause) {
    super(message, cause);
  }
}
