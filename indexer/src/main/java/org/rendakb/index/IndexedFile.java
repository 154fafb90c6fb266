package org.rendakb.index;

/** A source file as the index knows it: enough to decide whether it changed, moved or vanished. */
record IndexedFile(String id, String root, String path, String hash, int luceneDocId) {
  String key() {
    return root + "\u0000" + path;
  }
}
