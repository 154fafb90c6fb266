package org.rendakb.cache;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A cache's entries as small files under a folder, one per key, fanned out by the key's first two
 * characters so that no folder holds a corpus' worth of files. An entry is written beside its
 * place and moved there, so a reader never sees half of one and a killed run leaves none.
 *
 * @param folder where the entries live
 * @param suffix the entries' file name ending (".json", ".f32")
 */
public record EntryFiles(Path folder, String suffix) {
  public Path entry(String key) {
    return folder.resolve(key.substring(0, 2)).resolve(key + suffix);
  }

  /** The entry's bytes, or null when there is none. */
  public byte[] read(String key) throws IOException {
    Path file = entry(key);
    return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
  }

  public void write(String key, byte[] bytes) throws IOException {
    Path file = entry(key);
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), key, ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
