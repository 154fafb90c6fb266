package org.rendakb.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OFD files written with ofdrw at test time, read back page by page with their DocInfo. */
class OfdExtractionTest {
  @TempDir Path dir;

  @Test
  void gongwenIsReadPageByPageWithItsProperties() throws Exception {
    Path ofd = OfdFiles.write(dir.resolve("决定.ofd"), OfdFiles.GONGWEN, "关于加强基层立法联系点建设的决定",
        "江宁市人大常委会办公厅", LocalDate.of(2024, 3, 15));
    try (Extractor extractor = new Extractor()) {
      ExtractedText text = extractor.extract(ofd);
      assertEquals("application/ofd", text.contentType());
      assertEquals("text", text.extraction());
      assertNull(text.ocr());
      assertEquals("关于加强基层立法联系点建设的决定", text.properties().get("dc:title"));
      assertEquals("江宁市人大常委会办公厅", text.properties().get("dc:creator"));
      assertEquals("2024-03-15", text.properties().get("dcterms:created"));
      assertEquals(2, text.pageStarts().size());
      String t = text.text();
      // every line, in reading order
      int last = -1;
      for (var page : OfdFiles.GONGWEN) {
        for (String line : page) {
          int at = t.indexOf(line, last + 1);
          assertTrue(at > last, "in order: " + line + "\n" + t);
          last = at;
        }
      }
      // the title ends its line, however long: it is not run into the 主送 below it
      assertTrue(t.contains("关于加强基层立法联系点建设的决定\n各区人大常委会"), t);
      assertEquals(1, text.pageAt(t.indexOf("江人常发〔2024〕12号")));
      assertEquals(2, text.pageAt(t.indexOf("2024年3月15日")));
    }
  }

  @Test
  void uploadOfOfdIsRead() throws Exception {
    Path ofd = OfdFiles.write(dir.resolve("决定.ofd"), OfdFiles.GONGWEN, "决定", "办公厅", LocalDate.of(2024, 3, 15));
    try (Extractor extractor = new Extractor(); var in = Files.newInputStream(ofd)) {
      assertTrue(extractor.extract(in, "上传的决定.ofd").text().contains("三、本决定自公布之日起施行。"));
    }
  }

  @Test
  void brokenOfdSaysSoInWords() throws Exception {
    Path ofd = OfdFiles.write(dir.resolve("a.ofd"), OfdFiles.GONGWEN, "决定", "办公厅", LocalDate.of(2024, 3, 15));
    // a package whose OFD.xml names a document that is not there
    Path broken = dir.resolve("broken.ofd");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(broken))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("OFD.xml"));
      zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>".getBytes());
      zip.closeEntry();
    }
    try (Extractor extractor = new Extractor()) {
      assertTrue(extractor.extract(ofd).text().contains("决定"));
      ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(broken));
      assertEquals("corrupt or unreadable OFD file (its pages could not be read)", e.getMessage());
    }
  }
}
