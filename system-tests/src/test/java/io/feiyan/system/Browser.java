package io.feiyan.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.feiyan.servers.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser (Debian's headless Chromium) for the pages Feiyan serves, with a profile of its own deleted when it
 * quits, and its user's moves on Keycloak's login page. The tests that use it are skipped, saying why, where Chromium
 * is not installed.
 */
final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser with a window of this size (a laptop's, or a phone's: 390 × 844). */
    static Browser open(int width, int height) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromium-driver; .ci/run installs them");
        Path profile = Files.createTempDirectory("feiyan-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        return new Browser(new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options), profile);
    }

    /** Opens the page with no one signed in: every cookie gone, Keycloak's session cookie too. */
    void openSignedOut(String url) {
        ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get(url);
    }

    /** Until the browser shows Keycloak's login form for the realm. */
    void awaitLoginPage() {
        await().atMost(WAIT).until(() -> driver.getCurrentUrl().startsWith(keycloak())
                && !driver.findElements(By.id("username")).isEmpty());
    }

    /** Signs in on Keycloak's login form. */
    void signIn(String user, String password) {
        WebElement name = driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** Signs in as a demo account with the demo password, and waits to be back on the page at {@code url}. */
    void signInAsDemoUser(String user, String url) {
        awaitLoginPage();
        signIn(user, RunningFeiyan.system().keycloak().secrets().demoPassword());
        await().atMost(WAIT).until(() -> driver.getCurrentUrl().startsWith(url));
    }

    /** The page in English, as the tests read it (its language button switches without a reload). */
    void inEnglish() {
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("lang")).isEmpty());
        if (!"en".equals(script("return document.documentElement.lang"))) {
            driver.findElement(By.id("lang")).click();
        }
    }

    Object script(String code) {
        return ((JavascriptExecutor) driver).executeScript(code);
    }

    static String keycloak() {
        return RunningFeiyan.system().keycloak().issuer();
    }

    @Override
    public void close() {
        driver.quit();
        Folders.deleteQuietly(profile);
    }
}
