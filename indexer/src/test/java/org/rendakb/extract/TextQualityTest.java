package org.rendakb.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.ocr.Ocr;
import org.rendakb.ocr.OcrOptions;

/**
 * The verdict on a page's text layer: real text in Chinese or another language is text; the kinds
 * of garbage a wrongly mapped font gives are garbage. The mixed-alphabet kind is what the corpus
 * Constitution PDF gives when its file is cut short (its fonts' Unicode maps lost): it was indexed
 * as text before the gate knew it.
 */
class TextQualityTest {
  @TempDir Path dir;

  @Test
  void textInAnyOneLanguageIsText() {
    for (String page : new String[] {
        "全国人民代表大会举行会议的时候，选举主席团主持会议。全国人民代表大会常务委员会对全国人民代表大会负责并报告工作。",
        "Федеральное Собрание является представительным и законодательным органом Российской Федерации.",
        "Η Βουλή των Ελλήνων είναι το ανώτατο νομοθετικό όργανο της Ελληνικής Δημοκρατίας και ψηφίζει νόμους.",
        "L'Assemblée nationale procède à l'élection de son président après chaque renouvellement général.",
        "The Standing Committee of the National People's Congress shall interpret the Constitution."}) {
      assertEquals(TextQuality.Verdict.TEXT, TextQuality.of(page), page);
    }
  }

  @Test
  void garbageOfEveryKindIsGarbage() {
    for (String page : new String[] {
        "ÖÐ»ªÈËÃñ¹²ºÍ¹úÏÜ·¨ ÖÐ»ªÈËÃñ¹²ºÍ¹úÊÇ¹¤ÈË½×¼¶Áìµ¼µÄ",
        "(cid:12)(cid:34)(cid:56)(cid:78)(cid:90)(cid:11)(cid:22)(cid:33) 宪法",
        "\uE001\uE002\uE003\uE004\uE005\uE006\uE007\uE008\uE009\uE00A 宪法",
        "̂1982 12 4 ԓ ῃ ֲ ף ᴪ ԓ ᴪ 198212 4 ῃ ֲ ף ᴪῈ Ὲ 1988 4 12 ҂ ῃ ֲ ף ᴪ ѿ ᴪ ȇҬ ֲ ῍ ḱ Ȉȁ1993 3 29 ῇ ῃ ֲ ף ᴪ ѿ"
            + " ᴪ ȇҬ ֲ ῍ ḱ Ȉȁ1999 3 15 Ӝ ῃ ֲ ף ᴪ ԋ ᴪ ȇҬ ֲ ῍ ḱ Ȉ 2004 314 ῃ ֲ ף ᴪ ԋ ᴪ ȇҬ"}) {
      assertEquals(TextQuality.Verdict.GARBAGE, TextQuality.of(page), page);
    }
  }

  @Test
  void aTruncatedPdfWhoseFontsLostTheirMapIsNotIndexedAsText() throws Exception {
    // the first 50,000 bytes of the Constitution: its pages' text objects are there, its fonts' maps are not
    byte[] whole = Files.readAllBytes(Fixtures.shared().resolve("corpus/pdf/中华人民共和国宪法.pdf"));
    Path cut = Files.write(dir.resolve("cut.pdf"), java.util.Arrays.copyOf(whole, 50_000));
    Ocr none = Ocr.detect(OcrOptions.defaults(null).withTesseract(dir.resolve("no/tesseract").toString()));
    try (Extractor extractor = new Extractor(ExtractorLimits.defaults(), none)) {
      ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(cut));
      assertEquals("unreadable text layer (its fonts map to the wrong characters); OCR is not installed, see README",
          e.getMessage());
    }
  }
}
