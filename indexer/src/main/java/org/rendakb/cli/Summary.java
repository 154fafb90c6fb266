package org.rendakb.cli;

import org.rendakb.index.IndexReport;

/** The one-screen summary printed at the end of a run. */
final class Summary {
  private Summary() {}

  private static final int MAX_FAILURES_SHOWN = 20;

  static String format(IndexReport r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format("%nIndexing finished in %.1f s", r.seconds()));
    s.append(r.mergeSeconds() > 0 ? String.format(" (merging the index into fewer segments: %.1f s)", r.mergeSeconds()) : "");
    s.append(System.lineSeparator());
    s.append(String.format("  added %d, updated %d, moved %d, deleted %d, unchanged %d, failed %d%n",
        r.added(), r.updated(), r.moved(), r.deleted(), r.unchanged(), r.failed().size()));
    s.append(String.format("  the index now holds %d documents and %d passages%n", r.documents(), r.passages()));
    if (!r.ocr().isEmpty() || r.ocrPagesFromCache() > 0) {
      s.append(String.format("  OCR read %d files: %d pages recognised, %d from the OCR cache%n", r.ocr().size(),
          r.ocrPagesRead(), r.ocrPagesFromCache()));
    }
    var v = r.vectors();
    if (v.off() != null) {
      s.append(String.format("  search by meaning: %s (%d of %d documents have vectors)%n", v.off(), v.documentsEmbedded(),
          r.documents()));
    } else {
      s.append(String.format("  meaning vectors: %d of %d documents; %d computed, %d from the cache (%.1f s)%n",
          v.documentsEmbedded(), r.documents(), v.embedded(), v.fromCache(), v.seconds()));
    }
    var gaps = r.gaps();
    if (r.added() + r.updated() > 0) {
      s.append(String.format("  of the %d documents read: %d with no title found, %d with no date, %d with no organ%n",
          r.added() + r.updated(), gaps.noTitle(), gaps.noDate(), gaps.noOrgan()));
    }
    if (!r.failed().isEmpty()) {
      s.append("  not indexed:\n");
      r.failed().stream().limit(MAX_FAILURES_SHOWN)
          .forEach(f -> s.append("    ").append(f.path()).append(": ").append(f.reason()).append('\n'));
      if (r.failed().size() > MAX_FAILURES_SHOWN) {
        s.append(String.format("    … and %d more (see --report)%n", r.failed().size() - MAX_FAILURES_SHOWN));
      }
    }
    return s.toString();
  }
}
