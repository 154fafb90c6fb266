package org.rendakb.ocr;

/**
 * The text Tesseract read from one page image.
 *
 * @param confidence Tesseract's mean word confidence, 0–100; NaN when it found no word
 */
public record RecognisedPage(String text, double confidence) {}
