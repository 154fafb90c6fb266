package org.rendakb.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The page of every page's text in the two corpus PDFs: for each page, its longest line as PDFBox
 * reads that page alone is found in the extracted (cleaned) text, and the extracted text says it
 * stands on that page. Cleaning joins lines and drops spaces, so lines are compared by their hanzi.
 */
class CorpusPdfPagesTest {
  @ParameterizedTest
  @CsvSource({"中华人民共和国宪法.pdf, 23", "中华人民共和国民法典.pdf, 234"})
  void everyPageIsWhereThePdfHasIt(String name, int pages) throws Exception {
    Path pdf = Fixtures.shared().resolve("corpus/pdf").resolve(name);
    ExtractedText text;
    try (Extractor extractor = new Extractor()) {
      text = extractor.extract(pdf);
    }
    assertEquals(pages, text.pageStarts().size());
    String han = Fixtures.han(text.text());
    // the offset in the text of each hanzi, so a match among hanzi maps back to the text
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < text.text().length(); i++) {
      if (Character.UnicodeScript.of(text.text().charAt(i)) == Character.UnicodeScript.HAN) {
        offsets.add(i);
      }
    }
    int checked = 0;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String line = stripper.getText(doc).lines().map(Fixtures::han)
            .max(java.util.Comparator.comparingInt(String::length)).orElse("");
        if (line.length() < 12) {
          continue; // a blank or title page
        }
        int at = han.indexOf(line);
        assertTrue(at >= 0, name + " page " + page + ": not found: " + line);
        if (han.indexOf(line, at + 1) >= 0) {
          continue; // the same line on several pages (a running head)
        }
        assertEquals(page, text.pageAt(offsets.get(at)), name + ": " + line);
        checked++;
      }
    }
    assertTrue(checked > pages * 0.8, checked + " of " + pages + " pages checked");
  }
}
