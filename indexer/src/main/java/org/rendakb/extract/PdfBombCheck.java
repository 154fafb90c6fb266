package org.rendakb.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Rejects a PDF with a page that draws far more text than a page can hold, by reading its content
 * streams token by token before the text parser runs. PDFBox keeps every glyph of a page (about
 * 200 bytes each) until the page ends, so a 500 KB file whose one page inflates to millions of
 * glyphs fills any heap before the write limit or Tika's zip-bomb guard sees a character. Forms
 * drawn many times count as often as they are drawn.
 */
final class PdfBombCheck {
  /** Bytes of strings shown on one page; a dense page of text holds about 10,000. */
  static final long MAX_PAGE_TEXT_BYTES = 500_000;
  private static final int MAX_FORM_DEPTH = 12;

  /** Throws with a reason for a bomb; returns quietly otherwise, including for PDFs PDFBox cannot open (the parser judges those). */
  void check(Path file) throws ExtractionException {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      int number = 0;
      for (PDPage page : doc.getPages()) {
        number++;
        long shown = textBytes(page, page.getResources(), new IdentityHashMap<>(), 0);
        if (shown > MAX_PAGE_TEXT_BYTES) {
          throw new ExtractionException(String.format(
              "PDF bomb: page %d draws more than %,d bytes of text (a page of text holds about 10,000)", number,
              MAX_PAGE_TEXT_BYTES));
        }
      }
    } catch (IOException | RuntimeException e) {
      // encrypted, corrupt or odd: the parser reports it in its own words
    }
  }

  /** Bytes shown by one content stream and the forms it draws, stopping early once over the limit. */
  private long textBytes(PDContentStream content, PDResources resources, Map<COSBase, Long> forms, int depth)
      throws IOException {
    PDFStreamParser parser = new PDFStreamParser(content);
    long total = 0;
    COSName lastName = null;
    for (Object token = parser.parseNextToken(); token != null && total <= MAX_PAGE_TEXT_BYTES;
        token = parser.parseNextToken()) {
      if (token instanceof COSString s) {
        total += s.getBytes().length;
      } else if (token instanceof COSArray array) {
        for (COSBase item : array) {
          if (item instanceof COSString s) {
            total += s.getBytes().length;
          }
        }
      } else if (token instanceof COSName name) {
        lastName = name;
        continue;
      } else if (token instanceof Operator op && op.getName().equals("Do") && lastName != null && resources != null
          && depth < MAX_FORM_DEPTH) {
        PDXObject x = resources.getXObject(lastName);
        if (x instanceof PDFormXObject form) {
          Long known = forms.get(form.getCOSObject());
          if (known == null) {
            forms.put(form.getCOSObject(), 0L); // a form that draws itself counts once
            known = textBytes(form, form.getResources() != null ? form.getResources() : resources, forms, depth + 1);
            forms.put(form.getCOSObject(), known);
          }
          total += known;
        }
      }
      lastName = null;
    }
    return total;
  }
}
