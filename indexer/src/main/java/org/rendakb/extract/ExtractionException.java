package org.rendakb.extract;

/** A file that could not be read, with a reason a person understands (it goes into the report). */
public final class ExtractionException extends Exception {
  public ExtractionException(String reason) {
    super(reason);
  }

  public ExtractionException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
