package org.rendakb.ocr;

/** Whether OCR can run here, and in words: the program and languages, or why not. */
public record OcrStatus(boolean available, String description) {
  static OcrStatus available(String description) {
    return new OcrStatus(true, description);
  }

  static OcrStatus unavailable(String why) {
    return new OcrStatus(false, why);
  }
}
