package org.rendakb.index;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files done out of the total, throughput and time left, logged every few seconds. Log lines
 * rather than a terminal progress bar, because runs mostly end up in CI logs and cron mails.
 */
public final class Progress {
  private static final Logger log = LoggerFactory.getLogger(Progress.class);

  private final int totalFiles;
  private final long totalBytes;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger files = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final java.util.function.IntSupplier ocrPages;

  /** @param ocrPages pages OCR has read so far in this run (its slowest work, so it shows) */
  Progress(int totalFiles, long totalBytes, java.util.function.IntSupplier ocrPages) {
    this.totalFiles = totalFiles;
    this.totalBytes = totalBytes;
    this.ocrPages = ocrPages;
  }

  public int filesDone() {
    return files.get();
  }

  public int filesTotal() {
    return totalFiles;
  }

  void done(long fileBytes) {
    files.incrementAndGet();
    bytes.addAndGet(fileBytes);
  }

  void log() {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long doneBytes = bytes.get();
    double mbPerSecond = doneBytes / 1e6 / seconds;
    String eta = doneBytes == 0 ? "?" : format(Duration.ofSeconds((long) ((totalBytes - doneBytes) / (doneBytes / seconds))));
    int pages = ocrPages.getAsInt();
    log.info(
        "{}/{} files ({}%), {} MB/s, {} files/s, ETA {}{}",
        files.get(),
        totalFiles,
        totalFiles == 0 ? 100 : files.get() * 100 / totalFiles,
        String.format("%.2f", mbPerSecond),
        String.format("%.1f", files.get() / seconds),
        eta,
        pages == 0 ? "" : String.format("; OCR %d pages (%.1f pages/min)", pages, pages * 60 / seconds));
  }

  static String format(Duration d) {
    return d.toHours() > 0
        ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
        : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }
}
