package org.duban.standalone.web;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * One headless Chromium with its own profile (so its own cookies: one signed-in user), driven
 * through Debian's chromedriver. Both paths are set explicitly, so Selenium Manager never tries
 * to download a browser or a driver. No Chromium is a test failure with the way to fix it, not a skip.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getenv().getOrDefault("DUBAN_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("DUBAN_CHROMEDRIVER", "/usr/bin/chromedriver");

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    final WebDriver driver;

    Browser(String baseUrl) {
        requireInstalled(CHROMIUM, "chromium");
        requireInstalled(CHROMEDRIVER, "chromium-driver");
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("duban-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    private static void requireInstalled(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            fail("The browser tests need " + path + " (Debian package '" + debianPackage + "'). Run scripts/ensure-chromium.sh"
                    + " as root, or 'apt-get install -y chromium chromium-driver', or point DUBAN_CHROMIUM/DUBAN_CHROMEDRIVER at them.");
        }
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    void signIn(String user) {
        open("/login");
        type(By.id("username"), user);
        type(By.id("password"), user);
        driver.findElement(By.id("login-submit")).click();
        waitUntil(d -> d.findElements(By.id("signed-in-as")).size() == 1);
    }

    WebElement find(By by) {
        return waitUntil(d -> {
            var found = d.findElements(by);
            return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
        });
    }

    void type(By by, String text) {
        WebElement e = find(by);
        e.clear();
        e.sendKeys(text);
    }

    String text(By by) {
        return find(by).getText();
    }

    /** Waits up to 20 s; on timeout the failure names the page and what the browser's console said. */
    <T> T waitUntil(ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
        } catch (TimeoutException e) {
            String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).collect(Collectors.joining("\n"));
            throw new AssertionError("Timed out on " + driver.getCurrentUrl() + "; browser console:\n" + console, e);
        }
    }

    /**
     * What following the link {@code id} gives the signed-in user: "status content-type" and, for a
     * text answer, its body. Fetched from the page with its session, as the download would be.
     */
    String follow(String id) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href)
                  .then(async r => { const type = r.headers.get('content-type') || '';
                                     done(r.status + ' ' + type + '\\n' + (type.startsWith('text/') ? await r.text() : '')); })
                  .catch(e => done('failed ' + e));""", id);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String source() {
        return driver.getPageSource();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
