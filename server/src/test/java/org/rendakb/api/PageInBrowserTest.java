package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page as staff, drafters and researchers use it, in Debian's headless chromium over a real
 * index of {@link PageFixture} and the seeds: originals read back in Chinese, 更多… on a facet of 25
 * values, the year axis and range, exports and the count table, a precedent hit opening its law at
 * the passage with the citation, the marks' next/previous, the phone layout, the suggestion list
 * by keyboard, and a Chinese error. Screenshots go to target/screenshots/page-*.png.
 */
class PageInBrowserTest {
  @TempDir static Path tmp;
  static Javalin app;
  static Http http;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
    app = PageFixture.serve(tmp);
    http = new Http(app.port());
    browser = new Browser(http.base(), tmp.resolve("chrome-profile"), 1280, 1000);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.stop();
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String idOf(String q) throws Exception {
    return http.json("/api/search", "q", q).get("hits").get(0).get("id").asText();
  }

  static void desktop() {
    browser.driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  void originalsOpenInChinese() throws Exception {
    desktop();
    // a text, a GB18030 text, a GBK web page and a Markdown law (text/markdown, as most of the corpus)
    for (Map.Entry<String, String> c : Map.of("养老服务体系建设", PageFixture.UTF8_LINE, "基层立法联系点", PageFixture.GB_LINE,
        "专题询问", PageFixture.HTML_LINE, PageFixture.LAW_TITLE, PageFixture.ARTICLE_TWO_SECOND).entrySet()) {
      browser.driver.get(http.base() + "/api/documents/" + idOf(c.getKey()) + "/file");
      String body = browser.driver.findElement(By.tagName("body")).getText();
      assertTrue(body.contains(c.getValue()), c.getKey() + " reads back: " + body);
    }
    browser.screenshot("page-original-gb18030");
  }

  @Test
  void moreOpensEveryValueOfAFacetWithAFilterBox() throws Exception {
    desktop();
    browser.open("/?q=" + enc(PageFixture.MARKER));
    assertEquals(20, browser.driver.findElements(By.cssSelector("#facet-body label")).size());
    browser.driver.findElement(By.id("more-body")).click();
    browser.wait.until(d -> d.findElements(By.cssSelector("#all-values-list label")).size() == 25);
    browser.screenshot("page-more-values");
    browser.driver.findElement(By.id("all-values-filter")).sendKeys("广");
    browser.wait.until(d -> d.findElements(By.cssSelector("#all-values-list label")).size() == 2);
    String value = PageFixture.body(19); // 广西壮族自治区…, listed beyond the first 20
    browser.driver.findElement(By.id("all-body-" + value)).click();
    browser.wait.until(d -> browser.url().contains("body=" + value));
    browser.settle();
    browser.wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("共 1 篇")));
    assertTrue(browser.driver.findElements(By.id("all-values")).isEmpty(), "the dialog closed");
  }

  @Test
  void theHistogramHasEveryYearAndARangeAndASecondClickUndoesABar() throws Exception {
    desktop();
    browser.open("/?q=" + enc(PageFixture.MARKER));
    List<WebElement> bars = browser.driver.findElements(By.cssSelector("#histogram button"));
    assertEquals(26, bars.size(), "2001–2026, 2013 too though it has no report");
    assertEquals(1, browser.driver.findElements(By.cssSelector("#histogram button.zero")).size());
    browser.screenshot("page-histogram");
    bars.get(3).click();
    browser.wait.until(d -> browser.url().contains("year=2004"));
    browser.settle();
    browser.wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("共 1 篇")));
    browser.driver.findElement(By.cssSelector("#histogram button.selected")).click();
    browser.wait.until(d -> !browser.url().contains("year="));
    browser.settle();
    browser.driver.findElement(By.id("year-from")).sendKeys("2010");
    browser.driver.findElement(By.id("year-to")).sendKeys("2015");
    browser.driver.findElement(By.id("year-apply")).click();
    browser.wait.until(d -> browser.url().contains("from=2010-01-01") && browser.url().contains("to=2015-12-31"));
    browser.wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("共 5 篇")));
  }

  @Test
  void exportsTheSizeChoiceAndANewPageFromTheTop() throws Exception {
    desktop();
    browser.open("/?q=" + enc(PageFixture.MARKER));
    String csv = browser.driver.findElement(By.id("export-csv")).getAttribute("href");
    assertTrue(java.net.URLDecoder.decode(csv, StandardCharsets.UTF_8).contains("/api/search.csv?q=" + PageFixture.MARKER), csv);
    assertEquals(200, http.raw(csv).status());
    assertEquals(200, http.raw(browser.driver.findElement(By.id("export-xlsx")).getAttribute("href")).status());
    assertEquals(10, browser.driver.findElements(By.cssSelector("#results > li")).size());
    browser.js("window.scrollTo(0, document.body.scrollHeight)");
    browser.driver.findElement(By.id("next")).click();
    browser.wait.until(d -> browser.url().contains("page=2"));
    browser.settle();
    assertEquals(0, browser.number("return Math.round(window.scrollY)"), "page 2 starts at the top");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("size"))).selectByValue("20");
    browser.wait.until(d -> browser.url().contains("size=20") && !browser.url().contains("page="));
    browser.settle();
    browser.wait.until(d -> d.findElements(By.cssSelector("#results > li")).size() == 20);
    browser.screenshot("page-size-20");
  }

  @Test
  void theCountTableHasTotalsAndAgreesWithTheApi() throws Exception {
    desktop();
    browser.open("/?q=" + enc(PageFixture.MARKER));
    browser.driver.findElement(By.id("stats-link")).click();
    browser.wait.until(d -> browser.url().contains("view=stats"));
    WebElement total = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stats-total")));
    JsonNode t = http.json("/api/stats", "q", PageFixture.MARKER, "rows", "region", "cols", "year");
    assertEquals(t.get("total").asText(), total.getText());
    assertEquals(t.get("rows").size() + 1, browser.driver.findElements(By.cssSelector("#stats-table tbody tr, #stats-table tfoot tr")).size());
    browser.screenshot("page-stats");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("stats-rows"))).selectByValue("type");
    browser.wait.until(d -> browser.url().contains("rows=type"));
    browser.wait.until(d -> d.findElements(By.cssSelector("#stats-table tbody tr")).size() == 1);
  }

  @Test
  void aPrecedentHitOpensItsLawAtThePassageAndCitesTheArticle() throws Exception {
    desktop();
    browser.open("/?view=precedent&text=" + enc(PageFixture.ARTICLE_TWO_SECOND));
    WebElement first = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#precedent-results li")));
    assertEquals("《" + PageFixture.LAW_TITLE + "》第二条（某省人民代表大会常务委员会，2020年3月26日）", first.getAttribute("data-citation"));
    browser.screenshot("page-precedent");
    // a timeline bar filters the precedents by its year; a second click removes the filter
    browser.driver.findElement(By.cssSelector("#timeline .bar")).click();
    browser.wait.until(d -> browser.url().contains("year=2020"));
    browser.settle();
    browser.wait.until(d -> d.findElements(By.cssSelector("#timeline .bar.selected")).size() == 1);
    browser.driver.findElement(By.cssSelector("#timeline .bar.selected")).click();
    browser.wait.until(d -> !browser.url().contains("year="));
    browser.settle();
    first = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#precedent-results li")));
    first.findElement(By.cssSelector("a")).click();
    browser.wait.until(d -> browser.url().contains("view=doc") && browser.url().contains("passage="));
    WebElement passage = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-text .passage")));
    browser.settle();
    assertEquals(PageFixture.ARTICLE_TWO_SECOND, passage.getText());
    assertTrue(browser.number("return window.scrollY") > 500, "scrolled down to the passage");
    long top = browser.number("return Math.round(arguments[0].getBoundingClientRect().top)", passage);
    assertTrue(top >= 0 && top < browser.number("return window.innerHeight"), "the passage is on screen: " + top);
    browser.screenshot("page-precedent-passage");
  }

  @Test
  void aPastedParagraphOpensItsDocumentWithTheWholeSpanShaded() throws Exception {
    desktop();
    String paste = PageFixture.ARTICLE_TWO_FIRST + PageFixture.ARTICLE_TWO_SECOND;
    JsonNode hit = http.json("/api/precedents", "q", paste).get("hits").get(0);
    assertEquals(hit.get("position").asInt() + 1, hit.get("end_position").asInt(), "the two sentences are one span: " + hit);
    browser.open("/?view=precedent&text=" + enc(paste));
    WebElement first = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#precedent-results li")));
    assertEquals(1, browser.driver.findElements(By.cssSelector("#precedent-results li")).stream()
        .filter(li -> li.getText().contains(PageFixture.ARTICLE_TWO_SECOND)).count(), "the span is listed once");
    first.findElement(By.cssSelector("a")).click();
    browser.wait.until(d -> browser.url().contains("passage_end=" + hit.get("end_position").asText()));
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-text .passage")));
    browser.settle();
    String shaded = String.join("", browser.driver.findElements(By.cssSelector("#doc-text .passage")).stream()
        .map(WebElement::getText).toList());
    assertEquals(paste, shaded, "both passages shaded, the blank line between them not");
    browser.screenshot("page-precedent-span");
  }

  @Test
  void theDocumentViewStepsThroughTheServersMarks() throws Exception {
    desktop();
    browser.open("/?view=doc&id=" + idOf("社会建设委员会 " + PageFixture.MARKER) + "&q=" + enc("社建委"));
    WebElement count = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-count")));
    assertEquals("共 2 处", count.getText(), "社建委 marks 社会建设委员会, as the snippets do");
    browser.driver.findElement(By.id("mark-next")).click();
    assertEquals("第 1 / 2 处", count.getText());
    browser.driver.findElement(By.id("mark-next")).click();
    assertEquals("第 2 / 2 处", count.getText());
    assertEquals("社会建设委员会", browser.driver.findElement(By.cssSelector("#doc-text mark.current")).getText());
    browser.driver.findElement(By.id("mark-prev")).click();
    assertEquals("第 1 / 2 处", count.getText());
    browser.screenshot("page-document-marks");
  }

  @Test
  void anUnknownDocumentIsToldInChineseAndTheLoadingEnds() throws Exception {
    desktop();
    browser.open("/?view=doc&id=nosuchdocument");
    WebElement error = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-error")));
    assertTrue(error.getText().contains("找不到这份文档"), error.getText());
    assertFalse(error.getText().contains("no document"), "the API's English stays under 详细信息: " + error.getText());
    assertFalse(browser.driver.findElement(By.id("doc-view")).getText().contains("正在打开"));
    assertTrue((Boolean) browser.js("return document.getElementById('loading').hidden"));
    browser.screenshot("page-unknown-document");
  }

  @Test
  void suggestionsAreChosenWithTheArrowKeysAndEnter() throws Exception {
    desktop();
    browser.open("/");
    WebElement q = browser.driver.findElement(By.id("q"));
    q.sendKeys("养老");
    browser.wait.until(d -> d.findElements(By.cssSelector("#suggest li")).size() >= 2
        && d.findElement(By.id("suggest")).isDisplayed());
    q.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    WebElement second = browser.driver.findElements(By.cssSelector("#suggest li")).get(1);
    assertEquals("true", second.getAttribute("aria-selected"));
    String text = second.getText();
    browser.screenshot("page-suggestions");
    q.sendKeys(Keys.ENTER);
    browser.wait.until(d -> browser.url().contains("q=" + text));
  }

  @Test
  void aPhoneShowsEveryViewWithoutSidewaysScrollingAndFiltersBehindAButton() throws Exception {
    for (int width : new int[] {420, 360}) {
      browser.driver.manage().window().setSize(new Dimension(width, 860));
      for (String path : List.of("/?q=" + enc(PageFixture.MARKER), "/", "/?view=doc&id=" + idOf(PageFixture.LAW_TITLE),
          "/?view=stats&q=" + enc(PageFixture.MARKER), "/?view=precedent&text=" + enc(PageFixture.ARTICLE_TWO_SECOND))) {
        browser.open(path);
        browser.wait.until(d -> browser.js("return document.querySelector('main section:not([hidden]) *') !== null").equals(true));
        long scroll = browser.number("return document.documentElement.scrollWidth");
        long inner = browser.number("return window.innerWidth");
        assertTrue(scroll <= inner, path + " at " + width + " px: " + scroll + " > " + inner);
      }
      browser.open("/?q=" + enc(PageFixture.MARKER));
      assertFalse(browser.driver.findElement(By.id("facets")).isDisplayed(), "filters are folded away");
      browser.screenshot("page-phone-" + width);
      browser.driver.findElement(By.id("filters-toggle")).click();
      assertTrue(browser.driver.findElement(By.id("facets")).isDisplayed());
      browser.screenshot("page-phone-filters-" + width);
    }
    desktop();
  }

  @Test
  void printingShowsTheResultsWithoutTheFilters() throws Exception {
    desktop();
    browser.open("/?q=" + enc(PageFixture.MARKER) + "&size=20");
    browser.wait.until(d -> d.findElements(By.cssSelector("#results > li")).size() == 20);
    PrintOptions options = new PrintOptions();
    byte[] pdf = Base64.getDecoder().decode(browser.driver.print(options).getContent());
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve("page-print.pdf"), pdf);
    // every printed page's head says the query and the date, its foot the page number (CSS page margin boxes)
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertTrue(doc.getNumberOfPages() >= 2, "20 hits fill more than a page: " + doc.getNumberOfPages());
      org.apache.pdfbox.text.PDFTextStripper text = new org.apache.pdfbox.text.PDFTextStripper();
      text.setStartPage(2);
      text.setEndPage(2);
      String second = text.getText(doc);
      assertTrue(second.contains("检索：" + PageFixture.MARKER) && second.contains("打印于"), second);
      assertTrue(second.replace(" ", "").contains("第2/" + doc.getNumberOfPages() + "页"), second);
      assertFalse(second.contains("导出") || second.contains("筛选年份"), "no toolbar or filters in print: " + second);
    }
    browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertFalse(browser.driver.findElement(By.id("facets")).isDisplayed());
      assertFalse(browser.driver.findElement(By.id("search-form")).isDisplayed());
      WebElement head = browser.driver.findElement(By.id("print-head"));
      assertTrue(head.isDisplayed() && head.getText().contains(PageFixture.MARKER) && head.getText().contains("打印于"), head.getText());
      browser.screenshot("page-print-media");
    } finally {
      browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }
}
