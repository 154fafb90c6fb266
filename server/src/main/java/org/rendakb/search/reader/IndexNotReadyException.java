package org.rendakb.search.reader;

/** The index cannot be served: missing, empty, or of another schema version. The message says what to do. */
public final class IndexNotReadyException extends Exception {
  public IndexNotReadyException(String message) {
    super(message);
  }
}
