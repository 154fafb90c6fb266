package org.rendakb.semantic;

/** Meaning search cannot run here; the message says why in plain words. */
public final class SemanticUnavailableException extends Exception {
  public SemanticUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
