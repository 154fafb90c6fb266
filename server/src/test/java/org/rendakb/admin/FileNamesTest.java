package org.rendakb.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileNamesTest {
  @Test
  void aNameKeepsOnlyItsLastSegmentWithoutControlHiddenOrSpecialCharacters() {
    assertEquals("passwd", FileNames.sanitise("../../etc/passwd"));
    assertEquals("win.ini", FileNames.sanitise("..\\..\\windows\\win.ini"));
    assertEquals("a_b.txt", FileNames.sanitise("a\u0000b.txt"));
    assertEquals("a_b.txt", FileNames.sanitise("a\nb.txt".replace('\n', '\u001b')));
    assertEquals("a b.txt", FileNames.sanitise("a\t\u3000 b.txt"));
    assertEquals("evil_txt.exe", FileNames.sanitise("evil\u202Etxt.exe"));
    assertEquals("bashrc", FileNames.sanitise(".bashrc"));
    assertEquals("a_b_c_.txt", FileNames.sanitise("a<b>c|.txt"));
    assertEquals("关于养老服务的调研报告.docx", FileNames.sanitise("关于养老服务的调研报告.docx"));
    assertEquals("x-meta.json", FileNames.sanitise("x.meta.json"));
    for (String nothing : new String[] {null, "", ".", "..", "...", "/", "\u0000", "  ", "___"}) {
      assertEquals("upload", FileNames.sanitise(nothing), String.valueOf(nothing));
    }
  }

  @Test
  void aLongNameIsCutToTheByteLimitKeepingItsExtension() {
    String name = FileNames.sanitise("报".repeat(200) + ".pdf");
    assertTrue(name.endsWith(".pdf"), name);
    assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_BYTES);
    assertEquals(name, Path.of(name).getFileName().toString());
  }
}
