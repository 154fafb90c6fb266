package org.rendakb.search;

import org.rendakb.ocr.OcrStatus;

/**
 * What {@code /api/health} reports.
 *
 * @param ocr whether uploads of scans are read by OCR here (Tesseract and its Chinese data), and in words
 * @param semantic how far search by meaning reaches
 */
public record Health(String status, long documents, long passages, String indexedAt, Semantic semantic, OcrStatus ocr) {
  public Health(String status, long documents, long passages, String indexedAt, Semantic semantic) {
    this(status, documents, passages, indexedAt, semantic, null);
  }

  public Health withOcr(OcrStatus status) {
    return new Health(this.status, documents, passages, indexedAt, semantic, status);
  }

  /**
   * @param available this server has the model and answers hybrid searches where the index has vectors
   * @param documentsEmbedded files of the index with a meaning vector (the indexer adds them after
   *     the lexical commit, so the number grows while a run goes on)
   * @param of files in the index
   */
  public record Semantic(boolean available, long documentsEmbedded, long of) {}
}
