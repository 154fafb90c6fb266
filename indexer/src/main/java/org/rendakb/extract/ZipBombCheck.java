package org.rendakb.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Rejects a zip container (docx, odt, zip) whose entries would inflate far beyond what a document
 * needs, before any parser inflates them. Tika's SecureContentHandler catches the same bombs only
 * once their text reaches it, and Tika's docx reader first gathers a whole text run in memory: a
 * 1 MB file can hold a 1 GB run. The sizes a zip declares are not believed: each entry is inflated
 * here into a small buffer that is thrown away, and refused as soon as it gives more bytes than it
 * declares or than the bounds allow, so the check costs at most the bounds in time and one buffer
 * in memory.
 */
final class ZipBombCheck {
  /** Deflate reaches about 1000:1 on runs of one byte; real office XML stays below 30:1. */
  private static final long MAX_RATIO = 100;
  /** Small entries may compress well (empty styles); only large ones are judged by ratio. */
  private static final long RATIO_FROM_BYTES = 10L << 20;
  private static final int BUFFER_BYTES = 1 << 16;

  private final long maxEntryBytes;
  private final long maxTotalBytes;

  ZipBombCheck(long maxEntryBytes) {
    this.maxEntryBytes = maxEntryBytes;
    // a document's parts together: its text, styles and a few images, never many times one part
    this.maxTotalBytes = 4 * maxEntryBytes;
  }

  /** Throws with a reason for a bomb; returns quietly for anything else, including non-zips (the parser judges those). */
  void check(Path file) throws ExtractionException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long total = 0;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        long declared = e.getSize();
        judge(e, declared);
        long inflated = inflate(zip, e, buffer, declared < 0 ? maxEntryBytes : declared);
        if (declared >= 0 && inflated > declared) {
          throw new ExtractionException(String.format(
              "zip bomb: entry %s inflates to more than the %,d bytes it declares", e.getName(), declared));
        }
        judge(e, inflated);
        total += inflated;
        if (total > maxTotalBytes) {
          throw new ExtractionException(String.format("zip bomb: the entries inflate to more than %,d bytes together",
              maxTotalBytes));
        }
      }
    } catch (IOException e) {
      // not a readable zip: the parser will say what is wrong with it
    }
  }

  private void judge(ZipEntry e, long size) throws ExtractionException {
    long packed = Math.max(1, e.getCompressedSize());
    if (size > maxEntryBytes || (size > RATIO_FROM_BYTES && size / packed > MAX_RATIO)) {
      throw new ExtractionException(String.format("zip bomb: entry %s inflates from %,d bytes to %,d bytes",
          e.getName(), e.getCompressedSize(), size));
    }
  }

  /** The bytes the entry really inflates to, counted up to one more than {@code limit}. */
  private static long inflate(ZipFile zip, ZipEntry e, byte[] buffer, long limit) throws IOException {
    long count = 0;
    try (InputStream in = zip.getInputStream(e)) {
      for (int n; count <= limit && (n = in.read(buffer)) > 0; ) {
        count += n;
      }
    }
    return count;
  }
}
