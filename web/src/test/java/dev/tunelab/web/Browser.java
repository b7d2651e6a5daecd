package dev.tunelab.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by its own chromedriver (never one Selenium Manager would
 * download), with the browser console captured. Tests that need it call {@link #assumeInstalled}:
 * without Chromium they are skipped, or fail when {@code TUNELAB_REQUIRE_BROWSER=1}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Skips the calling test when Chromium is missing (fails instead under TUNELAB_REQUIRE_BROWSER=1). */
  static void assumeInstalled() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String message = "Chromium and chromedriver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
        + "): run scripts/install-browser.sh";
    if (!present && "1".equals(System.getenv("TUNELAB_REQUIRE_BROWSER"))) {
      fail(message + " (TUNELAB_REQUIRE_BROWSER=1 requires the browser tests)");
    }
    assumeTrue(present, message);
  }

  /** Held so the level set on it is not lost when the logger is collected. */
  private static final java.util.logging.Logger CDP_VERSION_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  /**
   * Starts the browser.
   *
   * @param offline true to cut it off the network (no host resolves, a proxy to nowhere, and
   *                DevTools network emulation offline), for the report from {@code file://}
   */
  static Browser start(boolean offline) {
    assumeInstalled();
    // Selenium has no DevTools binding for every Chromium release and says so at each start; the
    // two CDP commands used here are stable across releases
    CDP_VERSION_LOG.setLevel(Level.OFF);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("tunelab-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
    if (offline) {
      options.addArguments("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
          "--proxy-bypass-list=<-loopback>");
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    if (offline) {
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
          "downloadThroughput", -1, "uploadThroughput", -1));
    }
    return new Browser(driver, profile);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Opens a URL and waits until the page says every chart and table on it is drawn. */
  void openAndWait(String url) {
    driver.get(url);
    waitReady();
  }

  void waitReady() {
    new WebDriverWait(driver, WAIT).until(d -> "true".equals(
        ((JavascriptExecutor) d).executeScript("var a = document.getElementById('app');"
            + " return a && a.getAttribute('data-ready');")));
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  WebElement one(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Console entries at SEVERE since the last call (the driver hands each entry out once). */
  List<LogEntry> severeConsole() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
  }

  boolean alertShown() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  /** Writes a PNG of the current page, the window made as tall as the page first. */
  void screenshot(Path png) throws IOException {
    Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight);");
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(1400, Math.min(6000, height.intValue() + 140)));
    waitReady();
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(before);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a profile left in the temp folder is harmless
      }
    }
  }
}
