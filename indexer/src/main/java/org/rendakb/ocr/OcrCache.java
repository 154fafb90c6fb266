package org.rendakb.ocr;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.rendakb.cache.EntryFiles;
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
  private final EntryFiles entries;

  OcrCache(Path folder) {
    this.folder = folder;
    this.entries = folder == null ? null : new EntryFiles(folder, ".json");
  }

  RecognisedPage get(String key) {
    if (entries == null) {
      return null;
    }
    try {
      byte[] bytes = entries.read(key);
      if (bytes == null) {
        return null;
      }
      Entry e = JSON.readValue(bytes, Entry.class);
      return new RecognisedPage(e.text(), e.confidence() == null ? Double.NaN : e.confidence());
    } catch (IOException e) {
      log.warn("unreadable OCR cache entry {} is ignored: {}", entries.entry(key), e.getMessage());
      return null;
    }
  }

  void put(String key, RecognisedPage page) {
    if (entries == null) {
      return;
    }
    try {
      Double confidence = Double.isNaN(page.confidence()) ? null : page.confidence();
      entries.write(key, JSON.writeValueAsBytes(new Entry(page.text(), confidence)));
    } catch (IOException e) {
      log.warn("cannot write the OCR cache in {} ({}); the page will be recognised again next run", folder, e.getMessage());
    }
  }

  private record Entry(String text, Double confidence) {}
}
