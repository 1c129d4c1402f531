package dev.kubepci.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven by its chromedriver. Signs in, reads the fleet,
 * drills into a practice, filters findings, exports, and adds and revokes a waiver. Saves a screenshot of the fleet
 * page to {@code target/screenshots/fleet.png} (the README's picture: see docs/development.md).
 */
@Tag("chromium")
class BrowserTest {
  static TestServer s;
  static ChromeDriver browser;

  @BeforeAll
  static void start() {
    Path chromium = Path.of("/usr/bin/chromium");
    Path driver = Path.of("/usr/bin/chromedriver");
    if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
      String why = "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why + "; CI must run the browser tests");
      }
      Assumptions.abort(why);
    }
    s = TestServer.start(1024 * 1024);
    s.push("prod", TestReports.report(Instant.parse("2026-02-27T06:00:00Z"), 2));
    s.push("prod", TestReports.report(Instant.parse("2026-02-28T06:00:00Z"), TestReports.findings()));
    s.push("dev", TestReports.report(Instant.parse("2026-02-20T06:00:00Z"), 1));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1500,900", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (s != null) {
      s.close();
    }
  }

  /**
   * Clicks a link or a form's button (found afresh on the loaded page) and waits until the next page has loaded. A
   * click that the browser refuses because the page was still being replaced is tried again, at most three times.
   */
  private static void navigate(java.util.function.Supplier<WebElement> target) {
    for (int attempt = 1; ; attempt++) {
      loaded();
      WebElement page = browser.findElement(By.tagName("html"));
      try {
        target.get().click();
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 3) {
          throw e;
        }
        continue;
      }
      new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> replaced(page));
      loaded();
      return;
    }
  }

  /**
   * Whether the page an element belongs to has been replaced. Chromium reports an element of a replaced document
   * either as stale or, while the new document is being attached, as "does not belong to the document".
   */
  private static boolean replaced(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  private static void loaded() {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
            "return document.readyState")));
  }

  private static void open(String path) {
    browser.get(s.base() + path);
  }

  private static void signIn(String token) {
    open("/fleet");
    assertThat(browser.getCurrentUrl()).as("a page redirects to sign-in").endsWith("/login");
    browser.findElement(By.id("token")).sendKeys(token);
    navigate(() -> browser.findElement(By.id("sign-in")));
  }

  @Test
  void walksTheDashboard() throws Exception {
    open("/login");
    browser.findElement(By.id("token")).sendKeys("kpci_wrong");
    navigate(() -> browser.findElement(By.id("sign-in")));
    assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("not a valid");

    signIn(s.admin);
    assertThat(browser.getCurrentUrl()).endsWith("/fleet");
    List<WebElement> rows = browser.findElements(By.cssSelector("#fleet tbody tr"));
    assertThat(rows).extracting(r -> r.getAttribute("data-cluster")).containsExactly("dev", "prod");
    assertThat(rows.get(0).getText()).contains("stale");
    assertThat(browser.findElement(By.id("stale-count")).getText()).contains("1 stale");
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    File png = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), shots.resolve("fleet.png"), StandardCopyOption.REPLACE_EXISTING);

    // drill into an area of prod, then into one of its practices
    navigate(() -> browser.findElements(By.cssSelector("#fleet tbody tr")).get(1).findElement(By.cssSelector("td.cell a")));
    assertThat(browser.getCurrentUrl()).contains("/assessments/").contains("#area-");
    WebElement practice = browser.findElement(By.cssSelector("table.practices tbody tr td a"));
    String practiceId = practice.getText();
    navigate(() -> browser.findElement(By.cssSelector("table.practices tbody tr td a")));
    assertThat(browser.getCurrentUrl()).contains("/findings?practice=" + practiceId);
    assertThat(browser.findElements(By.cssSelector("#findings tbody tr"))).allSatisfy(r ->
        assertThat(r.findElements(By.tagName("td")).get(7).getText().split(" ")).contains(practiceId));

    // filter the findings: critical only
    navigate(() -> browser.findElement(By.cssSelector("#filters a")));
    int all = browser.findElements(By.cssSelector("#findings tbody tr")).size();
    new Select(browser.findElement(By.id("f-severity"))).selectByValue("CRITICAL");
    navigate(() -> browser.findElement(By.id("apply")));
    assertThat(browser.getCurrentUrl()).contains("severity=CRITICAL");
    List<WebElement> critical = browser.findElements(By.cssSelector("#findings tbody tr"));
    assertThat(critical).isNotEmpty().hasSizeLessThan(all)
        .allSatisfy(r -> assertThat(r.findElement(By.cssSelector("td.sev")).getText()).isEqualTo("CRITICAL"));
    assertThat(browser.getPageSource()).contains("&lt;all&gt;");

    // export: the filtered CSV and the JSON report
    String csvHref = browser.findElement(By.id("export-filtered")).getAttribute("href");
    assertThat(csvHref).contains("findings.csv?severity=CRITICAL");
    navigate(() -> browser.findElement(By.linkText("assessment " + csvHref.replaceAll(".*/assessments/(\\d+)/.*", "$1"))));
    var json = withSession(browser.findElement(By.id("export-json")).getAttribute("href"));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    assertThat(json.body()).contains("\"schemaVersion\"");
    var csv = withSession(csvHref);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("rule,").contains("CRITICAL");
    var markdown = withSession(browser.findElement(By.id("export-markdown")).getAttribute("href"));
    assertThat(markdown.statusCode()).isEqualTo(200);
    assertThat(markdown.headers().firstValue("Content-Disposition").orElse("")).endsWith(".md\"");
    assertThat(markdown.body()).startsWith("## kubepci: ");
    browser.get(browser.findElement(By.id("export-html")).getAttribute("href"));
    assertThat(browser.getTitle()).containsIgnoringCase("kubepci");

    // waivers: add one that ends within 30 days, see it first, revoke it
    open("/waivers");
    new Select(browser.findElement(By.id("w-cluster"))).selectByValue("prod");
    browser.findElement(By.id("w-rule")).sendKeys("KPCI-0001");
    browser.findElement(By.id("w-namespace")).sendKeys("payments");
    browser.findElement(By.id("w-justification")).sendKeys("Vendor agent <b>needs</b> it until the upgrade");
    browser.findElement(By.id("w-approver")).sendKeys("Jane Roe (CISO)");
    browser.executeScript("document.getElementById('w-expires').value = '2026-03-15'");
    navigate(() -> browser.findElement(By.id("add-waiver")));
    assertThat(browser.findElement(By.id("waiver-created")).getText()).contains("srv-");
    WebElement soon = browser.findElement(By.id("ending-soon"));
    assertThat(soon.getText()).contains("KPCI-0001").contains("Vendor agent <b>needs</b> it");
    navigate(() -> browser.findElement(By.id("ending-soon")).findElement(By.cssSelector("button.revoke-waiver")));
    assertThat(browser.findElement(By.id("ended")).getText()).contains("KPCI-0001").contains("REVOKED");

    open("/admin/audit");
    assertThat(browser.findElement(By.id("audit")).getText()).contains("waiver.create").contains("waiver.revoke")
        .contains("session.sign-in");

    navigate(() -> browser.findElement(By.id("sign-out")));
    open("/fleet");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
  }

  /** What a download link gives, fetched with the browser's session cookie. */
  private static java.net.http.HttpResponse<String> withSession(String href) {
    org.openqa.selenium.Cookie c = browser.manage().getCookieNamed("kpci_session");
    assertThat(c).as("signed in").isNotNull();
    assertThat(c.isHttpOnly()).isTrue();
    assertThat(c.getSameSite()).isEqualTo("Strict");
    return s.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
        .header("Cookie", c.getName() + "=" + c.getValue()).GET().build());
  }

  @Test
  void aViewerSeesNoAdminControls() {
    browser.manage().deleteAllCookies();
    signIn(s.viewer);
    open("/waivers");
    assertThat(browser.findElements(By.id("new-waiver"))).isEmpty();
    assertThat(browser.findElements(By.linkText("Tokens"))).isEmpty();
    open("/admin/tokens");
    assertThat(browser.getPageSource()).contains("403");
    browser.manage().deleteAllCookies();
  }
}
