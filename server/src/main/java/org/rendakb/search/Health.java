package org.rendakb.search;

import org.rendakb.ocr.OcrStatus;

/**
 * What {@code /api/health} reports.
 *
 * @param ocr whether uploads of scans are read by OCR here (Tesseract and its Chinese data), and in words
 */
public record Health(String status, long documents, long passages, String indexedAt, OcrStatus ocr) {
  public Health(String status, long documents, long passages, String indexedAt) {
    this(status, documents, passages, indexedAt, null);
  }

  public Health withOcr(OcrStatus status) {
    return new Health(this.status, documents, passages, indexedAt, status);
  }
}
