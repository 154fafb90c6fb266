package org.rendakb.ocr;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognised pages on disk, one small JSON file each, keyed by the content hash of the file they
 * come from, the page and the recognition settings: a re-run, a rebuild with --full, a moved or
 * renamed file find their pages here, and an interrupted run keeps every page it finished. A
 * cache that cannot be written is not an error: the page is recognised again next time.
 */
final class OcrCache {
  private static final Logger log = LoggerFactory.getLogger(OcrCache.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;

  OcrCache(Path folder) {
    this.folder = folder;
  }

  private Path entry(String key) {
    return folder.resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  RecognisedPage get(String key) {
    if (folder == null) {
      return null;
    }
    Path file = entry(key);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      Entry e = JSON.readValue(file.toFile(), Entry.class);
      return new RecognisedPage(e.text(), e.confidence() == null ? Double.NaN : e.confidence());
    } catch (IOException e) {
      log.warn("unreadable OCR cache entry {} is ignored: {}", file, e.getMessage());
      return null;
    }
  }

  void put(String key, RecognisedPage page) {
    if (folder == null) {
      return;
    }
    Path file = entry(key);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), key, ".tmp");
      Double confidence = Double.isNaN(page.confidence()) ? null : page.confidence();
      JSON.writeValue(tmp.toFile(), new Entry(page.text(), confidence));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      log.warn("cannot write the OCR cache in {} ({}); the page will be recognised again next run", folder, e.getMessage());
    }
  }

  private record Entry(String text, Double confidence) {}
}
