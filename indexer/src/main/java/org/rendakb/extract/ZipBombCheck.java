package org.rendakb.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Rejects a zip container (docx, odt, zip) whose entries would inflate far beyond what a document
 * needs, from the sizes in its central directory, before any parser inflates them. Tika's
 * SecureContentHandler catches the same bombs only once their text reaches it, and Tika's docx
 * reader first gathers a whole text run in memory: a 1 MB file can hold a 1 GB run.
 */
final class ZipBombCheck {
  /** Deflate reaches about 1000:1 on runs of one byte; real office XML stays below 30:1. */
  private static final long MAX_RATIO = 100;
  /** Small entries may compress well (empty styles); only large ones are judged by ratio. */
  private static final long RATIO_FROM_BYTES = 10L << 20;

  private final long maxEntryBytes;

  ZipBombCheck(long maxEntryBytes) {
    this.maxEntryBytes = maxEntryBytes;
  }

  /** Throws with a reason for a bomb; returns quietly for anything else, including non-zips (the parser judges those). */
  void check(Path file) throws ExtractionException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        long size = e.getSize();
        long packed = Math.max(1, e.getCompressedSize());
        if (size > maxEntryBytes || (size > RATIO_FROM_BYTES && size / packed > MAX_RATIO)) {
          throw new ExtractionException(String.format("zip bomb: entry %s inflates from %,d bytes to %,d bytes",
              e.getName(), e.getCompressedSize(), size));
        }
      }
    } catch (IOException e) {
      // not a readable zip: the parser will say what is wrong with it
    }
  }
}
