package org.rendakb.errors;

/**
 * A service refuses what it was asked, for a reason the person who asked can act on. Services
 * know nothing of HTTP: they say why ({@link Reason}), and the API's one error mapper turns the
 * reason into a status and the message into the answer.
 */
public final class RefusedException extends RuntimeException {
  /** Why a request is refused. */
  public enum Reason {
    /** What was asked cannot be done as asked (a text with nothing to look for, a document too long to compare). */
    INVALID,
    /** Something else holds what the request would change (a reindex running, another program writing the index). */
    CONFLICT,
    /** A file sent could not be read as a document. */
    UNREADABLE,
    /** Not now: the service is busy or stopping; the same request may succeed later. */
    UNAVAILABLE
  }

  private final Reason reason;

  public RefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static RefusedException invalid(String message) {
    return new RefusedException(Reason.INVALID, message);
  }

  public static RefusedException conflict(String message) {
    return new RefusedException(Reason.CONFLICT, message);
  }

  public static RefusedException unavailable(String message) {
    return new RefusedException(Reason.UNAVAILABLE, message);
  }
}
