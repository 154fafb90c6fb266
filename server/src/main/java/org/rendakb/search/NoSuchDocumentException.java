package org.rendakb.search;

/** No document with that id, or its original file is gone or lies outside its indexed folder. */
public final class NoSuchDocumentException extends Exception {
  public NoSuchDocumentException(String message) {
    super(message);
  }
}
