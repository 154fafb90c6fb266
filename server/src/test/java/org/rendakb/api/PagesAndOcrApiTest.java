package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rendakb.ServerConfig;
import org.rendakb.ocr.Ocr;
import org.rendakb.ocr.OcrOptions;

/**
 * Pages and OCR through the real server over a real index of the corpus's Constitution PDF and a
 * scanned notice (a PNG drawn here, read by the real Tesseract): precedent hits and search snippets
 * name their page, the document says its text is OCR, /api/health says OCR is on, and the page in
 * headless chromium shows 第 12 页 linking to the PDF opened at that page.
 */
class PagesAndOcrApiTest {
  static final String SENTENCE = "全国人民代表大会举行会议的时候，选举主席团主持会议。";
  static final List<String> NOTICE = List.of("关于召开街道议政代表会议的通知", "各社区居民委员会：", "定于五月十日召开街道议政代表会议，请准时参加。");

  @TempDir static Path tmp;
  static Javalin app;
  static Http http;
  static boolean ocr;

  @BeforeAll
  static void start() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.copy(TestCorpus.shared().resolve("corpus/pdf/中华人民共和国宪法.pdf"), docs.resolve("宪法.pdf"));
    ocr = Ocr.detect(OcrOptions.defaults(null)).status().available();
    if (ocr) {
      ImageIO.write(notice(), "png", docs.resolve("通知扫描件.png").toFile());
    }
    Path index = tmp.resolve("index");
    TestCorpus.index(index, List.of(docs));
    app = ServerFixture.serve(new ServerConfig(index, "127.0.0.1", 0, List.of(docs), null));
    http = new Http(app.port());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private static BufferedImage notice() throws Exception {
    BufferedImage image = new BufferedImage(1240, 600, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setFont(Font.createFonts(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").toFile())[0].deriveFont(34f));
    int y = 120;
    for (String line : NOTICE) {
      g.drawString(line, 100, y);
      y += 70;
    }
    g.dispose();
    return image;
  }

  @Test
  void precedentHitOnPage12OfTheConstitutionSaysPage12() throws Exception {
    JsonNode r = http.json("/api/precedents", "q", SENTENCE, "size", "3");
    JsonNode hit = r.get("hits").get(0);
    assertEquals("exact", hit.get("match").asText(), r.toString());
    assertEquals(12, hit.get("page").asInt(), r.toString());
  }

  @Test
  void searchSnippetsSayTheirPage() throws Exception {
    JsonNode hit = http.json("/api/search", "q", "\"选举主席团主持会议\"").get("hits").get(0);
    assertEquals(hit.get("snippets").size(), hit.get("snippet_pages").size(), hit.toString());
    assertEquals(12, hit.get("snippet_pages").get(0).asInt(), hit.toString());
    JsonNode doc = http.json("/api/documents/" + hit.get("id").asText());
    assertEquals("text", doc.get("extraction").asText());
    assertEquals(23, doc.get("page_starts").size());
  }

  @Test
  void ocrTextIsMarkedAsSuch() throws Exception {
    assumeTrue(ocr, "Tesseract with chi_sim is not installed");
    JsonNode health = http.json("/api/health");
    assertTrue(health.get("ocr").get("available").asBoolean(), health.toString());
    JsonNode hit = http.json("/api/search", "q", "议政代表会议").get("hits").get(0);
    assertEquals("通知扫描件.png", hit.get("path").asText());
    JsonNode doc = http.json("/api/documents/" + hit.get("id").asText());
    assertEquals("ocr", doc.get("extraction").asText());
    assertEquals(1, doc.get("ocr_pages").asInt());
    assertTrue(doc.get("ocr_confidence").asDouble() > 50, doc.toString());
    assertTrue(doc.get("text").asText().contains("定于五月十日召开街道议政代表会议"), doc.get("text").asText());
  }

  @Test
  void thePageShowsThePageBesideTheSnippet() throws Exception {
    assumeTrue(Files.isExecutable(WebPageTest.CHROMIUM) && Files.isExecutable(WebPageTest.CHROMEDRIVER),
        "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(WebPageTest.CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,1000", "--user-data-dir=" + tmp.resolve("chrome-profile"));
    ChromeDriver driver = new ChromeDriver(
        new ChromeDriverService.Builder().usingDriverExecutable(WebPageTest.CHROMEDRIVER.toFile()).build(), options);
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
      driver.get(http.base() + "/?q=" + java.net.URLEncoder.encode("\"选举主席团主持会议\"", "UTF-8"));
      WebElement page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".snippet .page")));
      assertEquals("第 12 页", page.getText());
      assertTrue(page.getAttribute("href").endsWith("/file#page=12"), page.getAttribute("href"));

      driver.get(http.base() + "/?view=precedent&text=" + java.net.URLEncoder.encode(SENTENCE, "UTF-8"));
      WebElement precedent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#precedent-results .page")));
      assertEquals("第 12 页", precedent.getText());
      if (ocr) {
        JsonNode hit = http.json("/api/search", "q", "议政代表会议").get("hits").get(0);
        driver.get(http.base() + "/?view=doc&id=" + hit.get("id").asText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("doc-view"), "OCR 机器识别"));
      }
    } finally {
      driver.quit();
    }
  }
}
