package org.rendakb.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A docx that lies about its size, built at test time from a real one: its {@code word/document.xml}
 * inflates to {@code inflatedBytes} of one text run while its central directory (and data
 * descriptor) declare {@code declared} bytes. About 306 KB for 300 MB, as the issue found.
 */
final class LyingZip {
  private LyingZip() {}

  static byte[] make(byte[] docx, String entry, long inflatedBytes, int declared) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(entry)) {
          byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>".getBytes(StandardCharsets.UTF_8);
          out.write(head);
          byte[] run = new byte[1 << 16];
          Arrays.fill(run, (byte) 'a');
          for (long left = inflatedBytes; left > 0; left -= run.length) out.write(run, 0, (int) Math.min(run.length, left));
          out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    byte[] zip = bytes.toByteArray();
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = zip.length - 22;
    while (b.getInt(eocd) != 0x06054b50) eocd--;
    int entries = b.getShort(eocd + 10) & 0xffff;
    int at = b.getInt(eocd + 16);
    for (int i = 0; i < entries; i++) {
      int nameLen = b.getShort(at + 28) & 0xffff, extraLen = b.getShort(at + 30) & 0xffff, commentLen = b.getShort(at + 32) & 0xffff;
      String name = new String(zip, at + 46, nameLen, StandardCharsets.UTF_8);
      if (name.equals(entry)) {
        int csize = b.getInt(at + 20);
        b.putInt(at + 24, declared);
        int local = b.getInt(at + 42);
        int dataAt = local + 30 + (b.getShort(local + 26) & 0xffff) + (b.getShort(local + 28) & 0xffff);
        int descriptor = dataAt + csize;
        if (b.getInt(descriptor) == 0x08074b50) b.putInt(descriptor + 12, declared);
      }
      at += 46 + nameLen + extraLen + commentLen;
    }
    return zip;
  }
}

