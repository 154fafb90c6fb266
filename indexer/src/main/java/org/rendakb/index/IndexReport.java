package org.rendakb.index;

import java.util.List;

/**
 * The outcome of one run, written as JSON by {@code --report}.
 *
 * @param documents source documents in the index after the run
 * @param passages passages in the index after the run
 * @param seconds the whole run
 * @param mergeSeconds of those, the final merge (0 when the run merged nothing)
 * @param ocr the files of this run read (in part) by OCR, and why
 * @param ocrPagesRead pages Tesseract recognised in this run
 * @param ocrPagesFromCache pages of this run's scans found in the OCR cache instead
 * @param gaps of the documents read in this run, how many have no title, date or organ found
 * @param vectors the meaning vectors of this run
 */
public record IndexReport(
    int added,
    int updated,
    int unchanged,
    int moved,
    int deleted,
    List<Failure> failed,
    int documents,
    int passages,
    double seconds,
    double mergeSeconds,
    List<OcrFile> ocr,
    int ocrPagesRead,
    int ocrPagesFromCache,
    MetadataGaps gaps,
    Vectors vectors) {

  public IndexReport {
    failed = List.copyOf(failed);
    ocr = List.copyOf(ocr);
  }

  /** A file whose text OCR read: how many pages, and why ({@code no text layer|unreadable text layer}). */
  public record OcrFile(String path, int pages, String reason) {}

  /**
   * Documents whose metadata lacks what people filter on, so that an archive's gaps show before
   * anyone searches: no title (none found, the opening sentence stands in), no date, no organ.
   */
  public record MetadataGaps(int noTitle, int noDate, int noOrgan) {}

  /**
   * Meaning vectors: computed by the model in this run, found in the cache, the files of the index
   * that have one after the run, the phase's seconds, and why there are none when the model could
   * not run ({@code --no-semantic}, or no model on this machine), else null.
   */
  public record Vectors(int embedded, int fromCache, int documentsEmbedded, double seconds, String off) {}

  /** A file that was not indexed, and why, in words a person understands. */
  public record Failure(String path, String reason) {}
}
