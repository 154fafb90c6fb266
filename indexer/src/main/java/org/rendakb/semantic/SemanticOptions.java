package org.rendakb.semantic;

import java.nio.file.Path;

/**
 * Whether and how files get meaning vectors.
 *
 * @param enabled false with {@code --no-semantic}: the run writes no vectors (those already in the
 *     index stay, and a server answers with what the index holds)
 * @param cache folder of vectors by the hash of the text embedded; null for none
 */
public record SemanticOptions(boolean enabled, Path cache) {
  /** The cache's default folder name, beside the index folder. */
  public static final String DEFAULT_CACHE_FOLDER = "vector-cache";

  public static SemanticOptions defaults(Path index) {
    return new SemanticOptions(true, index == null ? null : defaultCache(index));
  }

  public static SemanticOptions off() {
    return new SemanticOptions(false, null);
  }

  public static Path defaultCache(Path index) {
    return index.toAbsolutePath().normalize().resolveSibling(DEFAULT_CACHE_FOLDER);
  }
}
