package org.rendakb.search;

import java.util.List;
import java.util.Map;

/**
 * Everything the index knows of one source file, for the document page. {@code text} is its first
 * {@link DocumentText#DEFAULT_LENGTH} characters; {@code textLength} is the whole text's, the rest
 * is read from {@code /api/documents/{id}/text} in pages.
 * @param extraction {@code ocr} when Tesseract read (part of) the text, so that a reader knows a
 *     wrong character may be the machine's; else {@code text}
 * @param ocrConfidence Tesseract's mean word confidence over the pages it read, 0–100; null without OCR
 * @param ocrPages pages OCR read; 0 without OCR
 * @param pageStarts for a paginated file, the offset in {@code text} where each page starts; empty otherwise
 * @param docNumber the 公文's 发文字号 (〔〕 form), with {@code addressee}, {@code signer} and the site's
 *     {@code published} date where they are stated
 * @param sources where each metadata value came from ("title" → "heading", "date" → "落款"), so that
 *     whoever finds a wrong value knows what a sidecar must fix
 */
public record DocumentView(
    String id, String path, String title, String type, String date, Integer year, String body, String committee,
    String region, String place, String term, String meeting, String speaker, List<String> laws, String contentType,
    Long size, String hash, boolean truncated, String note, int passages, String text, int textLength,
    String extraction, Double ocrConfidence, int ocrPages, List<Integer> pageStarts, String docNumber,
    String addressee, String signer, String published, Map<String, String> sources) {}
