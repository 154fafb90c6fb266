package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in Debian's headless chromium against the real server over a real index: search,
 * facets and chips, the year histogram, paging, the URL round trip, the document view, the
 * precedent panel, the law page, and hostile document text that must not run. Screenshots of the
 * main views go to target/screenshots/.
 */
class WebPageTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String PWN = "网页安全测试：<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">结束。"
      + "这是一段用于检验页面转义的人大代表建议办理情况说明。";

  @RegisterExtension static final ServerFixture server = ServerFixture.seedsAndCorpusSlice()
      .requires(() -> Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
          "Debian's chromium and chromium-driver are not installed (.ci/run installs them)")
      .folder("seeds", seeds -> Files.writeString(seeds.resolve("hostile.txt"), "代表建议办理情况\n\n" + PWN + "\n",
          StandardCharsets.UTF_8))
      .build();
  static ChromeDriver driver;
  static WebDriverWait wait;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    base = "http://127.0.0.1:" + server.port();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1000", "--user-data-dir=" + server.dir().resolve("chrome-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  static void open(String path) {
    driver.get(base + path);
    wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.getElementById('loading').hidden === true"));
  }

  static void settle() {
    wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.getElementById('loading').hidden === true"));
  }

  static void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  static String url() {
    return java.net.URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
  }

  @Test
  void searchShowsHighlightedResultsCountAndTime() throws Exception {
    open("/");
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("养老服务", Keys.ENTER);
    wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("共 \\d+ 篇")));
    settle();
    assertTrue(url().contains("q=养老服务"), url());
    List<WebElement> hits = driver.findElements(By.cssSelector("#results li h3 a"));
    assertFalse(hits.isEmpty());
    assertFalse(driver.findElements(By.cssSelector("#results .snippet mark")).isEmpty(), "matches are marked");
    screenshot("search");
  }

  @Test
  void facetsSelectAndChipsRemoveAndTheHistogramFiltersByYear() throws Exception {
    open("/?q=" + enc("人大"));
    WebElement typeBox = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#facets fieldset:nth-of-type(2) input")));
    String type = typeBox.getAttribute("value");
    typeBox.click();
    settle();
    wait.until(d -> url().contains("type=" + type));
    WebElement chip = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chips .chip button")));
    screenshot("facets");
    chip.click();
    settle();
    wait.until(d -> !url().contains("type="));
    assertTrue(driver.findElements(By.cssSelector("#chips .chip")).isEmpty());
    WebElement bar = driver.findElements(By.cssSelector("#histogram button")).getLast();
    bar.click();
    settle();
    wait.until(d -> url().contains("year="));
    assertFalse(driver.findElements(By.cssSelector("#chips .chip")).isEmpty(), "the year is an active filter");
  }

  @Test
  void pagingAndTheUrlRoundTrip() throws Exception {
    open("/");
    assertFalse(driver.findElements(By.cssSelector("table.browse")).isEmpty(), "an empty query browses by year and committee");
    screenshot("browse");
    driver.findElement(By.id("next")).click();
    settle();
    wait.until(d -> url().contains("page=2"));
    open("/?q=" + enc("代表") + "&year=2025");
    assertEquals("代表", driver.findElement(By.id("q")).getAttribute("value"));
    assertTrue(driver.findElement(By.id("f-year-2025")).isSelected(), "the year from the URL is checked");
    WebElement q = driver.findElement(By.id("q"));
    q.clear();
    q.sendKeys("预算", Keys.ENTER);
    settle();
    wait.until(d -> url().contains("q=预算"));
    driver.navigate().back();
    settle();
    wait.until(d -> "代表".equals(d.findElement(By.id("q")).getAttribute("value")));
  }

  @Test
  void theDocumentViewMarksTheQueryAndListsLawsAndSimilarDocuments() throws Exception {
    open("/?q=" + enc("残疾人"));
    driver.findElement(By.cssSelector("#results li h3 a")).click();
    settle();
    wait.until(d -> url().contains("view=doc"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-text mark")));
    assertTrue(driver.findElement(By.id("jump")).isEnabled());
    assertFalse(driver.findElements(By.id("original")).isEmpty());
    wait.until(d -> !d.findElement(By.id("similar")).getText().contains("正在查找"));
    screenshot("document");
  }

  @Test
  void thePrecedentPanelFindsTheSentenceAndOffersACitation() throws Exception {
    open("/?view=precedent");
    String sentence = "在全市人大社会建设工作座谈会上的讲话";
    driver.findElement(By.id("precedent-text")).sendKeys(sentence);
    driver.findElement(By.id("precedent-go")).click();
    settle();
    WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#precedent-results li")));
    assertTrue(first.getText().contains("完全一致"), first.getText());
    assertTrue(first.getAttribute("data-citation").contains("《"), "a citation with the title in 《》");
    assertFalse(driver.findElements(By.cssSelector("#precedent-results .copy")).isEmpty());
    assertFalse(driver.findElements(By.cssSelector("#timeline .bar")).isEmpty(), "the phrase timeline is drawn");
    screenshot("precedent");
  }

  @Test
  void theLawPageListsTheDocumentsCitingIt() throws Exception {
    open("/?view=law&name=" + enc("中华人民共和国残疾人保障法"));
    WebElement citing = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#citing li")));
    assertTrue(citing.getText().length() > 4);
    screenshot("law");
  }

  @Test
  void hostileDocumentTextNeverRuns() throws Exception {
    open("/?q=" + enc("网页安全测试"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results li h3 a")));
    assertNull(((JavascriptExecutor) driver).executeScript("return window.__pwned"), "no script ran from a snippet");
    driver.findElement(By.cssSelector("#results li h3 a")).click();
    settle();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("doc-text")));
    assertTrue(driver.findElement(By.id("doc-text")).getText().contains("<script>"), "the markup shows as text");
    assertNull(((JavascriptExecutor) driver).executeScript("return window.__pwned"), "no script ran from the text");
    assertTrue(driver.findElements(By.cssSelector("#doc-text img, #results img")).isEmpty(), "no element was made from the text");
  }

  @Test
  void partialMatchesSayWhatTheyLackAndALawsOtherVersionsAreOneClickAway() throws Exception {
    // no document holds the second word: every hit lacks it, shown struck through and as text (were
    // it HTML, the entity would show as "zq&lt;x")
    String odd = "zq&amp;lt;x";
    open("/?q=" + enc("会计法 " + odd));
    WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
    assertTrue(status.getText().contains("没有包含全部检索词的文档") && status.getText().contains("只包含部分检索词"), status.getText());
    WebElement missing = driver.findElement(By.cssSelector("#results li.partial .missing s"));
    assertEquals(odd, missing.getText());
    // full matches first, then a line where the partial ones begin
    open("/?q=" + enc("会计法 记账"));
    List<WebElement> items = driver.findElements(By.cssSelector("#results > li"));
    boolean seenPartial = false;
    for (WebElement li : items) {
      boolean partial = li.getAttribute("class") != null && li.getAttribute("class").contains("partial");
      assertTrue(partial || !seenPartial, "no full match after a partial one");
      if (partial && !seenPartial) {
        assertFalse(li.findElements(By.cssSelector(".partial-start")).isEmpty(), "the first partial match is announced");
      }
      seenPartial |= partial;
    }
    screenshot("partial");
    // 会计法 of 2024 and of 2017 are one hit; the older is a link on it
    open("/?q=" + enc("会计法"));
    WebElement older = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .versions a")));
    assertEquals("2017-11-04", older.getText());
    screenshot("versions");
    older.click();
    settle();
    wait.until(d -> url().contains("view=doc"));
    WebElement dl = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-view dl")));
    assertTrue(dl.getText().contains("2017-11-04"), dl.getText());
  }

  @Test
  void apiErrorsAreShownInWordsAndSlashFocusesTheSearchBox() throws Exception {
    open("/?q=" + enc("人大") + "&from=not-a-date");
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertTrue(error.getText().startsWith("出错了"), error.getText());
    assertFalse(error.getText().contains("{\""), "not raw JSON");
    driver.findElement(By.tagName("body")).sendKeys("/");
    assertEquals("q", driver.switchTo().activeElement().getAttribute("id"));
  }

  @Test
  void everyResponseCarriesAPolicyThatForbidsInlineScript() throws Exception {
    for (String path : List.of("/", "/app.js", "/api/health", "/api/search?q=x", "/no/such/page")) {
      HttpHeadersProbe h = HttpHeadersProbe.of(base + path);
      assertTrue(h.csp().contains("script-src 'self'"), path + ": " + h.csp());
      assertFalse(h.csp().contains("unsafe-inline"), path);
      assertEquals("nosniff", h.nosniff(), path);
      assertEquals("no-referrer", h.referrer(), path);
      assertTrue(h.status() == 200 || h.status() == 404, path + " " + h.status());
    }
  }

  /** The status and the three security headers of one GET. */
  record HttpHeadersProbe(int status, String csp, String nosniff, String referrer) {
    static HttpHeadersProbe of(String url) throws Exception {
      var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
      return new HttpHeadersProbe(r.statusCode(), r.headers().firstValue("Content-Security-Policy").orElse(""),
          r.headers().firstValue("X-Content-Type-Options").orElse(""), r.headers().firstValue("Referrer-Policy").orElse(""));
    }
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
