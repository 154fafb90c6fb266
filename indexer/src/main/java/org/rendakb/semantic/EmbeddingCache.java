package org.rendakb.semantic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rendakb.cache.EntryFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors on disk, one small file each, keyed by the hash of the model and of the exact text
 * embedded: an unchanged, moved or renamed file, a rebuild with --full or a run after an interrupted
 * one finds its vector here and costs no inference. A cache that cannot be written is a warning:
 * the text is embedded again next time.
 */
public final class EmbeddingCache {
  private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);

  private final Path folder;
  private final EntryFiles entries;
  private volatile boolean warned;

  /** @param folder where entries live, or null for no cache */
  public EmbeddingCache(Path folder) {
    this.folder = folder;
    this.entries = folder == null ? null : new EntryFiles(folder, ".f32");
  }

  public Path folder() {
    return folder;
  }

  public static String key(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((Embedder.VECTORS + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The cached vector, or null when there is none (or it is unreadable, which is logged). */
  public float[] get(String key) {
    if (entries == null) {
      return null;
    }
    try {
      byte[] bytes = entries.read(key);
      if (bytes == null) {
        return null;
      }
      if (bytes.length != Embedder.DIMENSIONS * Float.BYTES) {
        log.warn("ignoring a damaged vector cache entry {} ({} bytes)", entries.entry(key), bytes.length);
        return null;
      }
      float[] vector = new float[Embedder.DIMENSIONS];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
      return vector;
    } catch (IOException e) {
      log.warn("ignoring an unreadable vector cache entry {}: {}", entries.entry(key), e.getMessage());
      return null;
    }
  }

  public void put(String key, float[] vector) {
    if (entries == null) {
      return;
    }
    try {
      ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(vector);
      entries.write(key, bytes.array());
    } catch (IOException e) {
      if (!warned) {
        warned = true;
        log.warn("cannot write the vector cache in {} ({}); vectors will be computed again next run", folder, e.getMessage());
      }
    }
  }
}
