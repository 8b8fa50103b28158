package th.planflow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Debian's headless chromium, driven through Debian's chromedriver, against the test application on its
 * random port. Register it in a {@code @PlanflowTest} class with
 * {@code @RegisterExtension static final Browser browser = new Browser();}: one browser per test class
 * (static, or JUnit never calls afterAll and every test leaves a browser running),
 * a fresh session (no cookies, no local storage) per test, and a screenshot of every page the test
 * visits under target/screenshots/&lt;class&gt;-&lt;test&gt;-&lt;step&gt;.png, plus one when a test fails.
 *
 * <p>Both binaries are given by path, so Selenium Manager never runs and nothing is downloaded.
 */
public final class Browser implements BeforeEachCallback, AfterAllCallback, TestWatcher {

  /** Overridable for machines that keep them elsewhere, e.g. -Dplanflow.test.chromium=/usr/bin/chromium-browser. */
  static final Path CHROMIUM = Path.of(System.getProperty("planflow.test.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("planflow.test.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final int DESKTOP_WIDTH = 1366;
  static final int DESKTOP_HEIGHT = 900;
  // generous: a busy 2-core CI machine loads Tasklist in seconds, but not always; waits end as soon as met
  static final Duration WAIT = Duration.ofSeconds(60);

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

  private ChromeDriver driver;
  private String baseUrl;
  private String testName = "browser";

  // --- JUnit ---------------------------------------------------------------------------------------

  @Override
  public void beforeEach(ExtensionContext context) {
    // @LocalServerPort of the shared @PlanflowTest context
    String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
    baseUrl = "http://localhost:" + port;
    testName = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    if (driver == null) {
      driver = start();
    } else {
      fresh();
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (driver != null) {
      try {
        screenshot("failure");
        // the DOM as the browser had it, to see why an element was not found
        Files.writeString(SCREENSHOTS.resolve(testName + "-failure.html"), driver.getPageSource());
      } catch (IOException e) {
        cause.addSuppressed(e);
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  // --- driving -------------------------------------------------------------------------------------

  public WebDriver driver() {
    return driver;
  }

  public String url(String path) {
    return baseUrl + path;
  }

  /** Opens a Planflow path (e.g. "/dashboard") and keeps a screenshot of it once the page is loaded. */
  public void open(String path, String step) {
    driver.get(url(path));
    waitForPageLoad();
    screenshot(step);
  }

  /** Logs in through Planflow's Thai login form and waits for the page it leads to. */
  public void login(String user, String password) {
    driver.get(url("/login"));
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    WebElement name = driver.findElement(By.id("username"));
    name.clear();
    name.sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    waitFor(d -> !d.getCurrentUrl().contains("/login"));
    waitForPageLoad();
  }

  public <T> T waitFor(Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  public WebElement visible(By locator) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement clickable(By locator) {
    return waitFor(ExpectedConditions.elementToBeClickable(locator));
  }

  /**
   * Clicks an element once it is clickable, scrolled to the middle of the viewport first: fixed headers
   * and footers (Tasklist's) would otherwise take the click.
   */
  public void click(By locator) {
    WebElement element = clickable(locator);
    script("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  /** Waits until the page shows the text somewhere in its body. */
  public void waitForText(String text) {
    waitFor(d -> {
      try {
        return bodyText().contains(text);
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return false; // the page was replaced while reading it: read the new one
      }
    });
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public void waitForPageLoad() {
    waitFor(d -> "complete".equals(script("return document.readyState")));
  }

  /** A phone's viewport (the page's meta viewport applies), until {@link #desktop()}. */
  public void phone(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
  }

  public void desktop() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /** Width of the page's content in CSS pixels; wider than the viewport means sideways scrolling. */
  public long scrollWidth() {
    return ((Number) script("return document.documentElement.scrollWidth")).longValue();
  }

  public long viewportWidth() {
    return ((Number) script("return window.innerWidth")).longValue();
  }

  /** Saves the whole page (not just the viewport) as target/screenshots/&lt;class&gt;-&lt;test&gt;-&lt;step&gt;.png. */
  public Path screenshot(String step) {
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true));
    Path file = SCREENSHOTS.resolve(testName + "-" + step + ".png");
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  // --- start-up ------------------------------------------------------------------------------------

  private static ChromeDriver start() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("Browser tests need Debian's chromium and chromedriver at " + CHROMIUM + " and "
          + CHROMEDRIVER + " (apt-get install chromium chromium-driver; .ci/run installs them)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(List.of(
        "--headless=new",
        // tests run as root in CI containers, where chromium's sandbox cannot start
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--lang=th-TH",
        "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "th-TH,th"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        // the office's clock: Tasklist shows dates in the browser's time zone
        .withEnvironment(Map.of("TZ", "Asia/Bangkok"))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /** Each test starts logged out with nothing remembered from the previous one. */
  private void fresh() {
    driver.get(url("/login"));
    driver.manage().deleteAllCookies();
    script("window.localStorage.clear(); window.sessionStorage.clear();");
    desktop();
  }
}
