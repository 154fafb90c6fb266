package org.rendakb.metadata;

/**
 * A value read from a document and where it was read (the evidence a person would check: "header",
 * "题注", "落款", "署名", "heading", "page meta" …), so that whoever finds it wrong knows what a sidecar
 * must fix.
 */
record Sourced<T>(T value, String source) {
  static <T> Sourced<T> of(T value, String source) {
    return value == null ? null : new Sourced<>(value, source);
  }
}
