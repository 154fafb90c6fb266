package org.rendakb.api;

/** An answer other than 200 with a message a person understands; the error mapper turns it into JSON. */
public final class ApiException extends RuntimeException {
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }
}
