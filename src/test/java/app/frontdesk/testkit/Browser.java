package app.frontdesk.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the console's tests: Debian's chromium, headless, through Debian's chromedriver
 * (no driver download: Selenium Manager is never asked). Missing under CI=true is a failure; on a
 * developer machine without it the test is skipped.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("frontdesk.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("frontdesk.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path shots;

    private Browser(ChromeDriver driver, Path shots) {
        this.driver = driver;
        this.shots = shots;
    }

    /** A fresh browser profile (no cookies), its screenshots under {@code shots}. */
    public static Browser open(Path shots) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("chromium and chromium-driver are required under CI=true (.ci/run installs them): "
                    + CHROMIUM + ", " + DRIVER);
        }
        Assumptions.assumeTrue(present, "no chromium/chromedriver here (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where chromium refuses its sandbox
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        try {
            Files.createDirectories(shots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(driver, shots);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Waits until {@code element}'s page was replaced by the next one. Chromium reports a node of a
     * replaced page either as stale or as "does not belong to the document": both mean gone.
     */
    public static void awaitReplaced(org.openqa.selenium.WebDriver web, org.openqa.selenium.WebElement element) {
        new org.openqa.selenium.support.ui.WebDriverWait(web, Duration.ofSeconds(15)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                return true;
            }
        });
    }

    /** Signs out with the console's button and waits for the sign-in page. */
    public static void signOut(org.openqa.selenium.WebDriver web) {
        web.findElement(org.openqa.selenium.By.cssSelector("form[action='/console/logout'] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(web, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/console/login"));
    }

    /** Signs in through the login form on the current page and waits for the page it leads to. */
    public static void signIn(org.openqa.selenium.WebDriver web, String email, String password) {
        // the page may still be replacing itself after the last click: find the fields afresh until they hold still
        new org.openqa.selenium.support.ui.WebDriverWait(web, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> {
                    d.findElement(org.openqa.selenium.By.id("email")).clear();
                    d.findElement(org.openqa.selenium.By.id("email")).sendKeys(email);
                    d.findElement(org.openqa.selenium.By.id("password")).clear();
                    d.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
                    return true;
                });
        var button = web.findElement(org.openqa.selenium.By.cssSelector("form[action='/console/login'] button"));
        button.click();
        awaitReplaced(web, button);
    }

    /** Saves what the page looks like now, for a person to look at after the run. */
    public void screenshot(String name) {
        File f = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(f.toPath(), shots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
