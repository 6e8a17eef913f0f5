package io.feiyan.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.feiyan.servers.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A real browser (Debian's headless Chromium) for the pages Feiyan serves, with a profile of its own deleted when it
 * quits, and its user's moves on Keycloak's login page. The tests that use it are skipped, saying why, where Chromium
 * is not installed.
 */
final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** axe-core, the accessibility checker, as the build fetched it from npm (system-tests/pom.xml). */
    private static final Path AXE = Path.of("target", "npm", "axe-core", "package", "axe.min.js");

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
        // the console's messages, where Chromium reports what a page's Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        return new Browser(new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options), profile);
    }

    /**
     * What the pages' Content-Security-Policy refused (a script, a style, a call, a frame) since the last time this
     * was asked, as Chromium said it on the console: a page that works under its policy refuses nothing.
     */
    List<String> policyRefusals() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
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

    /** Clicks the element once it is there, scrolled to the middle of the screen (clear of a bar at the foot). */
    void click(By element) {
        WebElement target = await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> driver.findElements(element).stream().filter(WebElement::isDisplayed).findFirst(),
                        Optional::isPresent).get();
        script("arguments[0].scrollIntoView({block: 'center'})", target);
        target.click();
    }

    /**
     * Types into the field once it is there: a screen the app shows after a tap is drawn a moment later, so a field
     * of it looked up at once may not exist yet.
     */
    void type(By field, CharSequence... keys) {
        await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> driver.findElements(field).stream().filter(WebElement::isDisplayed).findFirst(),
                        Optional::isPresent).get().sendKeys(keys);
    }

    /** Until the element is there and its text holds these words. */
    void awaitText(By element, String words) {
        await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> driver.findElements(element).stream().anyMatch(e -> e.getText().contains(words)));
    }

    /** The browser's network cut off, or back (Chromium's offline emulation): the page hears offline and online. */
    void offline(boolean offline) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /**
     * The screen's accessibility violations of serious or critical impact, as axe-core (from npm, fetched by the
     * build into target/npm) finds them in this browser: one line each, rule and the elements it names.
     */
    List<String> seriousAccessibilityViolations() throws IOException {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(Files.readString(AXE));
        }
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(result => done(result.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))));""");
        return found;
    }

    /**
     * What the resources the page loaded whose path matches the pattern take over the network: each fetched again past
     * the service worker and every cache, and its transfer size (headers and compressed body) summed.
     */
    long bytesOverTheNetwork(String pathPattern) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setBypassServiceWorker", Map.of("bypass", true));
        chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        try {
            return ((Number) ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const pattern = new RegExp(arguments[0]);
                    const urls = [...new Set(performance.getEntriesByType('resource').map(r => r.name)
                      .filter(url => pattern.test(new URL(url).pathname)))];
                    const marked = urls.map(url => url + (url.includes('?') ? '&' : '?') + 'measure=' + Date.now());
                    Promise.all(marked.map(url => fetch(url, { cache: 'no-store' }).then(r => r.arrayBuffer())))
                      .then(() => done(performance.getEntriesByType('resource').filter(r => marked.includes(r.name))
                        .reduce((sum, r) => sum + r.transferSize, 0)));""", pathPattern)).longValue();
        } finally {
            chrome.executeCdpCommand("Network.setBypassServiceWorker", Map.of("bypass", false));
            chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
    }

    /**
     * The screen as its user sees it by default, in Chinese, from its top, into target/ (the README's pictures come
     * from there); then in English again, as the tests read it.
     */
    void screenshotInChinese(String name) throws IOException {
        script("window.scrollTo(0, 0)");
        driver.findElement(By.id("lang")).click();
        await().atMost(WAIT).until(() -> "zh-CN".equals(script("return document.documentElement.lang")));
        Files.write(Path.of("target", name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.findElement(By.id("lang")).click();
        await().atMost(WAIT).until(() -> "en".equals(script("return document.documentElement.lang")));
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /** What the page's script gives its callback (the last argument), waited for. */
    Object asyncScript(String code) {
        return ((JavascriptExecutor) driver).executeAsyncScript(code);
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
