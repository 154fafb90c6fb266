package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The drafting tools in Debian's headless chromium against the real server: from a regulation's
 * document view to the 对照表 of its two versions (inserted article 新增, changed characters in
 * del/ins), any two documents compared through 选作对照文件, and 新提法 / 不再提及 of a work report.
 * Screenshots go to target/screenshots/.
 */
class DraftingPageTest {
  @TempDir static Path tmp;
  static DraftingCorpus.Served served;
  static ChromeDriver driver;
  static WebDriverWait wait;
  static Map<String, String> ids;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(WebPageTest.CHROMIUM) && Files.isExecutable(WebPageTest.CHROMEDRIVER),
        "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
    TestCorpus.assumeSharedCorpus();
    served = DraftingCorpus.start(tmp);
    ids = served.ids();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(WebPageTest.CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1000", "--user-data-dir=" + tmp.resolve("chrome-profile"));
    driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(WebPageTest.CHROMEDRIVER.toFile()).build(),
        options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (served != null) {
      served.app().stop();
    }
  }

  static void open(String path) {
    driver.get(served.http().base() + path);
  }

  static void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  static String url() {
    return driver.getCurrentUrl();
  }

  static String docView(String path) {
    return "/?view=doc&id=" + ids.get(path);
  }

  @Test
  void aRegulationsViewLeadsToTheTableOfItsTwoVersions() throws Exception {
    open(docView(DraftingCorpus.ADOPTION_2023));
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#drafting a.compare-version")));
    assertTrue(link.getText().contains("与其他版本对照"), link.getText());
    link.click();
    wait.until(ExpectedConditions.textMatches(By.id("compare-status"), java.util.regex.Pattern.compile("共 \\d+ 处")));
    assertTrue(driver.getTitle().contains("对照表"));
    assertTrue(url().contains("a=" + ids.get(DraftingCorpus.ADOPTION_2019) + "&b=" + ids.get(DraftingCorpus.ADOPTION_2023)),
        "the older version is 修改前: " + url());
    assertTrue(driver.findElement(By.id("head-a")).getText().startsWith("修改前 《中国公民收养子女登记办法》"),
        driver.findElement(By.id("head-a")).getText());
    List<WebElement> added = driver.findElements(By.cssSelector("#compare-table tr.added"));
    assertTrue(added.stream().anyMatch(r -> r.getText().contains("第三条 收养登记工作应当坚持中国共产党的领导")),
        added.stream().map(WebElement::getText).toList().toString());
    assertFalse(driver.findElements(By.cssSelector("#compare-table tr.changed td del")).isEmpty(), "deletions marked");
    assertFalse(driver.findElements(By.cssSelector("#compare-table tr.changed td ins")).isEmpty(), "insertions marked");
    int rows = driver.findElements(By.cssSelector("#compare-table tbody tr")).size();
    screenshot("compare-table");

    driver.findElement(By.id("only-changes")).click();
    long visible = driver.findElements(By.cssSelector("#compare-table tbody tr")).stream().filter(WebElement::isDisplayed).count();
    assertTrue(visible > 0 && visible < rows, visible + " of " + rows);
    String docx = driver.findElement(By.id("compare-docx")).getAttribute("href");
    Http.Answer word = served.http().raw(docx);
    assertEquals(200, word.status());
    assertEquals(DraftingRoutes.DOCX, word.contentType());
  }

  @Test
  void anyTwoDocumentsCompareThroughThePickedOne() throws Exception {
    open(docView(DraftingCorpus.REPORT_2024));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("pick-compare"))).click();
    assertTrue(driver.findElements(By.cssSelector("#drafting a.compare-version")).isEmpty(), "a report has no versions");
    open(docView(DraftingCorpus.REPORT_2025));
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.id("compare-picked")));
    assertTrue(link.getText().contains("2024年"), link.getText());
    link.click();
    wait.until(ExpectedConditions.textMatches(By.id("compare-status"), java.util.regex.Pattern.compile("共 \\d+ 处")));
    assertFalse(driver.findElements(By.cssSelector("#compare-table tr.changed, #compare-table tr.added")).isEmpty());
  }

  @Test
  void whatCannotBeComparedIsToldInChinese() throws Exception {
    open("/compare.html?a=" + ids.get(DraftingCorpus.ADOPTION_2019) + "&b=nosuchdocument");
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertTrue(error.getText().startsWith("出错了：找不到要对照的文件"), error.getText());
    assertFalse(error.getText().contains("no document"), "the API's English stays under 详细信息: " + error.getText());
    // the 2024 report is the earliest of its series here: nothing to find 新提法 against
    open(docView(DraftingCorpus.REPORT_2024));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("new-phrases-go"))).click();
    WebElement why = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phrases-error")));
    assertTrue(why.getText().contains("没有找到可比较的文件"), why.getText());
    assertFalse(why.getText().contains("against"), why.getText());
    assertTrue((Boolean) driver.executeScript("return document.getElementById('loading').hidden"), "the loading indicator is cleared");
  }

  @Test
  void aPhoneShowsTheTableAndThePanelWithoutSidewaysScrolling() throws Exception {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(420, 860));
    try {
      open("/compare.html?a=" + ids.get(DraftingCorpus.ADOPTION_2019) + "&b=" + ids.get(DraftingCorpus.ADOPTION_2023));
      wait.until(ExpectedConditions.textMatches(By.id("compare-status"), java.util.regex.Pattern.compile("共 \\d+ 处")));
      long[] widths = widths();
      assertTrue(widths[0] <= widths[1], "compare.html at 420 px: " + widths[0] + " > " + widths[1]);
      screenshot("compare-phone-420");
      open(docView(DraftingCorpus.REPORT_2025));
      wait.until(ExpectedConditions.elementToBeClickable(By.id("new-phrases-go"))).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#new-phrases li .phrase")));
      widths = widths();
      assertTrue(widths[0] <= widths[1], "新提法 at 420 px: " + widths[0] + " > " + widths[1]);
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }
  }

  static long[] widths() {
    return new long[] {((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue(),
        ((Number) driver.executeScript("return window.innerWidth")).longValue()};
  }

  @Test
  void aWorkReportShowsItsNewAndDroppedFormulations() throws Exception {
    open(docView(DraftingCorpus.REPORT_2025));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("new-phrases-go"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#new-phrases li .phrase")));
    List<WebElement> added = driver.findElements(By.cssSelector("#new-phrases li"));
    List<WebElement> dropped = driver.findElements(By.cssSelector("#dropped-phrases li"));
    assertTrue(added.size() >= 10 && dropped.size() >= 10, added.size() + " / " + dropped.size());
    assertTrue(driver.findElement(By.id("phrases-box")).getText().contains("2024年中华人民共和国国务院政府工作报告"));
    WebElement first = added.getFirst();
    String phrase = first.findElement(By.cssSelector(".phrase")).getText();
    assertEquals(phrase, first.findElement(By.cssSelector(".sentence mark")).getText());
    driver.executeScript("document.getElementById('drafting').scrollIntoView()");
    screenshot("new-phrases");
  }
}
