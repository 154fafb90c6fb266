package org.rendakb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file found under an input, with the content hash that sync compares.
 *
 * @param root absolute, normalised folder the file was found under (its parent for a file input)
 * @param path path relative to root, '/' separators
 * @param hash SHA-256 of the file and of its sidecar, if any
 */
public record SourceFile(String root, String path, Path file, long size, String hash) {

  /** {@code file} under {@code root}, sized and hashed as a scan would (file and sidecar). */
  public static SourceFile at(Path root, Path file) throws IOException {
    String relative = root.relativize(file).toString().replace('\\', '/');
    return new SourceFile(root.toString(), relative, file, Files.size(file), SourceScanner.hash(file));
  }

  /** The sidecar that overrides metadata: {@code NAME.meta.json} beside the file. */
  public static Path sidecarOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".meta.json");
  }

  public static boolean isSidecar(Path file) {
    return file.getFileName().toString().endsWith(".meta.json");
  }
}
