package org.rendakb.admin;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A client's file name made safe to store: its last path segment only, without control or
 * invisible format characters (NUL, bidirectional overrides), without characters that file systems
 * or shells treat specially, without leading dots (no hidden files, no {@code ..}), at most
 * {@link #MAX_BYTES} bytes of UTF-8, and never a sidecar's name. Chinese names stay as they are.
 */
final class FileNames {
  static final int MAX_BYTES = 180;
  static final String FALLBACK = "upload";
  private static final String SPECIAL = "<>:\"/\\|?*";
  private static final String SIDECAR_SUFFIX = ".meta.json";

  private FileNames() {}

  static String sanitise(String clientName) {
    String name = clientName == null ? "" : Normalizer.normalize(clientName, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints().forEach(cp -> {
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        out.append(' ');
      } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
          || Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.PRIVATE_USE
          || Character.getType(cp) == Character.SURROGATE || SPECIAL.indexOf(cp) >= 0) {
        out.append('_');
      } else {
        out.appendCodePoint(cp);
      }
    });
    String clean = out.toString().replaceAll(" {2,}", " ").replaceAll("^[. _-]+", "");
    // judged after shortening: cutting the stem can bring a sidecar's suffix together
    // (AAA….metaBBBB.json) or leave a trailing dot
    clean = shorten(clean.replaceAll("[. ]+$", "")).replaceAll("[. ]+$", "");
    if (clean.endsWith(SIDECAR_SUFFIX)) {
      clean = clean.substring(0, clean.length() - SIDECAR_SUFFIX.length()) + "-meta.json";
    }
    return clean.isEmpty() || clean.chars().allMatch(c -> c == '_') ? FALLBACK : clean;
  }

  /** Cuts the stem, keeping a short extension, until the name fits in MAX_BYTES. */
  private static String shorten(String name) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
    String stem = name.substring(0, name.length() - extension.length());
    while (!stem.isEmpty() && (stem + extension).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
    }
    return stem + extension;
  }
}
