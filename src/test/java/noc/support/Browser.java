package noc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its chromedriver (Selenium never downloads a browser or a
 * driver: both paths are given). A test that needs it is skipped where Chromium is not installed,
 * except in CI, where it fails: {@code .ci/run} installs it ({@code apt-get install chromium chromium-driver}).
 * Each browser has a profile of its own, deleted at {@link #close}, and the language given.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test where Chromium is missing, except in CI, where it must be installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue((Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                        || "true".equals(System.getenv("CI")),
                "Chromium is not installed (apt-get install chromium chromium-driver)");
    }

    /** A new headless Chromium whose pages ask for {@code language} ({@code fr}, {@code en}) first. */
    public static Browser open(String language) {
        assumeInstalled();
        try {
            Path profile = Files.createTempDirectory("noc-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The background-networking flags keep Chromium from calling out of a closed network.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1366,768", "--lang=" + language,
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
            return new Browser(new ChromeDriver(options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void go(URI uri) {
        driver.get(uri.toString());
    }

    /** The path of the page shown now. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text of the first element {@code css} selects, or empty when none does. */
    public String text(String css) {
        // A page that a form's answer is replacing can drop the element between finding and reading it:
        // find it again on the new page.
        for (int attempt = 1; ; attempt++) {
            try {
                List<WebElement> found = all(css);
                return found.isEmpty() ? "" : found.get(0).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
        }
    }

    /** Fills the sign-in form and sends it. */
    public void signIn(String username, String password) {
        find("input[name=username]").clear();
        find("input[name=username]").sendKeys(username);
        find("input[name=password]").sendKeys(password);
        find("form button[type=submit]").click();
    }

    /** Runs {@code script} in the page: used to mark the page, to tell it from a reloaded one. */
    public Object script(String script) {
        return driver.executeScript(script);
    }

    /** Waits until the page at {@code path} is shown (after a redirect, a form). */
    public void awaitPath(String path) {
        Await.until(Duration.ofSeconds(10), "the page " + path + " (now " + driver.getCurrentUrl() + ")",
                () -> path().equals(path));
    }

    /**
     * Saves the page as a 1366x768 screen shows it, as a PNG at {@code file} (its folder made). Headless
     * Chromium's window keeps room for a toolbar it does not draw, so the page is given that size for the shot.
     */
    public void screenshot(Path file) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a leftover profile in the temporary folder harms nothing
            }
        }
    }
}
