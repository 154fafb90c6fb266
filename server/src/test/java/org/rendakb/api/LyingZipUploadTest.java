package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.admin.FailureThrottle;

/**
 * A docx whose {@code document.xml} declares 5,000 bytes and inflates to 300 MB, uploaded over
 * real HTTP: refused with 422 as a zip bomb, nothing kept, and the heap's peak during the upload
 * measured against the same-run baseline of uploading the honest docx it was made from.
 */
class LyingZipUploadTest {
  static final String TOKEN = "lying-zip-token-0123456789abcdef";
  static final long INFLATED = 300L << 20;
  /** Tika reading the 300 MB run took 1.5 GB; the check inflates into one 64 KB buffer. */
  static final long MAX_PEAK_GROWTH = 256L << 20;

  @RegisterExtension static final ServerFixture server = ServerFixture.seeds().admin(TOKEN, 50L << 20,
      new FailureThrottle.Settings(1_000, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), 100))
      .build();
  static Path data;
  static AdminHttp admin;

  @BeforeAll
  static void start() {
    data = server.dir().resolve("uploads");
    admin = new AdminHttp(server.port(), TOKEN);
  }

  @Test
  void aDocxLyingAboutItsSizeIsRefusedWithBoundedMemory() throws Exception {
    byte[] honest = Files.readAllBytes(AdminApiTest.fixture("tobacco-tax-law.docx"));
    byte[] lying = LyingZip.make(honest, "word/document.xml", INFLATED, 5_000);
    assertTrue(lying.length < 400_000, "the lie fits in " + lying.length + " bytes");

    long baseline = peakGrowth(() -> {
      AdminHttp.Answer a = admin.upload(new AdminHttp.Form().file("honest.docx", "application/octet-stream", honest));
      assertEquals(201, a.status(), a.text());
      assertEquals(204, admin.delete(a.json().get("id").asText()).status());
    });
    long started = System.nanoTime();
    AdminHttp.Answer[] answer = new AdminHttp.Answer[1];
    long lyingGrowth = peakGrowth(() ->
        answer[0] = admin.upload(new AdminHttp.Form().file("lying.docx", "application/octet-stream", lying)));
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("LyingZipUploadTest: %,d-byte docx inflating to %,d bytes answered %d in %,d ms; heap peak growth "
        + "%,d KB (honest docx upload, same run: %,d KB)%n", lying.length, INFLATED, answer[0].status(), millis,
        lyingGrowth >> 10, baseline >> 10);
    assertEquals(422, answer[0].status(), answer[0].text());
    String error = answer[0].json().get("error").asText();
    assertTrue(error.contains("zip bomb") && error.contains("word/document.xml") && error.contains("5,000"), error);
    assertTrue(lyingGrowth < MAX_PEAK_GROWTH, "the heap grew by " + (lyingGrowth >> 20) + " MB at its peak");
    try (var left = Files.list(data)) {
      assertTrue(left.noneMatch(p -> !p.getFileName().toString().startsWith(".")), "nothing of the refused upload is kept");
    }
    assertEquals(0, admin.total("lying"));
  }

  interface Work {
    void run() throws Exception;
  }

  /** How far the heap's peak rose above its level after a collection while {@code work} ran. */
  static long peakGrowth(Work work) throws Exception {
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    work.run();
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return Math.max(0, peak - before);
  }
}
