package org.rendakb.api;

import java.util.Locale;
import java.util.Set;

/**
 * How an original file is served: a document format people open in the browser (PDF, office
 * files, OFD, text, web pages, raster images) inline with its type; anything else Tika happened to
 * read (a script, a style sheet, SVG, XML, an executable) as {@code application/octet-stream} for
 * download, so that no uploaded file can be loaded as a script or a style by a page of this origin.
 *
 * @param contentType the Content-Type to send
 * @param inline whether the browser may show it ({@code inline}) or must save it ({@code attachment})
 */
record ServedType(String contentType, boolean inline) {
  static final String DOWNLOAD = "application/octet-stream";

  private static final Set<String> DOCUMENTS = Set.of(
      "application/pdf", "application/msword", "application/rtf", "text/rtf", "application/ofd",
      "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/vnd.ms-works", "application/wps-office.wps",
      "text/plain", "text/markdown", "text/x-web-markdown", "text/html", "application/xhtml+xml",
      "image/png", "image/jpeg", "image/tiff", "image/gif", "image/bmp", "image/webp");
  private static final String[] DOCUMENT_FAMILIES = {
    "application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.", "application/vnd.ms-word."
  };

  static ServedType of(String indexedType) {
    String base = indexedType == null ? "" : indexedType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (DOCUMENTS.contains(base)) {
      return new ServedType(indexedType.strip(), true);
    }
    for (String family : DOCUMENT_FAMILIES) {
      if (base.startsWith(family)) {
        return new ServedType(indexedType.strip(), true);
      }
    }
    return new ServedType(DOWNLOAD, false);
  }
}
