package org.rendakb.extract;

import java.util.Map;

/**
 * What Tika read from one file, after clean-up.
 *
 * @param text the cleaned plain text
 * @param contentType the detected media type (application/pdf, text/plain …)
 * @param properties file properties worth keeping (title, author, created …), by Tika key
 * @param truncated whether the write limit cut the text
 * @param note a remark for the report, e.g. why the text was truncated; null if none
 */
public record ExtractedText(
    String text, String contentType, Map<String, String> properties, boolean truncated, String note) {

  public ExtractedText {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
