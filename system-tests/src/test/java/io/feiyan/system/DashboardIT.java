package io.feiyan.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.Folders;
import io.feiyan.servers.Identity;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The dashboard in a real browser (headless Chromium), live on the running system. */
@ExtendWith(RunningFeiyan.class)
class DashboardIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String QUANYUAN_TOWN = "371322206";
    /** Words that would run, and set window.__xss, if the page took them for markup. */
    private static final String HOSTILE = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    static WebDriver browser;
    /** The browser's profile, deleted when the tests end. */
    static Path profile;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver; .ci/run installs them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1100",
                "--user-data-dir=" + (profile = Files.createTempDirectory("feiyan-chromium-")));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            Folders.deleteQuietly(profile);
        }
    }

    /** The town's view, in English, with no one signed in. */
    @BeforeEach
    void openThePageSignedOut() {
        browser.get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/dashboard?region=" + QUANYUAN_TOWN);
        script("sessionStorage.clear(); localStorage.setItem('feiyan.lang', 'en')");
        browser.navigate().refresh();
    }

    @Test
    void anOperatorSignsInWithTheirToken_seesOrdersAppearAndMoveWithoutReload_andApprovesFromThePage()
            throws Exception {
        // the page holds no data: it asks who is there, and a token the service refuses asks again
        assertTrue(browser.findElement(By.id("sign-in")).isDisplayed());
        assertFalse(browser.findElement(By.id("board")).isDisplayed());
        signIn("not-a-token");
        await().atMost(WAIT).until(() -> browser.findElement(By.id("sign-in-error")).getText().contains("refused"));
        assertTrue(browser.findElement(By.id("sign-in")).isDisplayed());

        // the town institute's operator pastes their token
        String operator = DemoCounty.token(DemoCounty.QUANYUAN_OPERATOR);
        signIn(operator);
        script("window.loadedOnce = 'yes'");
        await().atMost(WAIT).until(() -> browser.findElement(By.id("live")).getText().contains("live"));
        assertTrue(browser.findElement(By.id("who")).getText().contains("OP-quanyuan-2"));
        assertFalse(browser.getCurrentUrl().contains(operator), "the token never goes into a URL");

        // a 飞燕 volunteer orders opera for an elderly villager: it climbs to the county team and shows up assigned
        String resident = DemoCounty.registerResident("孙大爷", "13805392222");
        String opera = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", resident,
                "projectCode", "culture-opera", "urgency", "ROUTINE", "residentConsent", true));
        awaitOnPage("open", opera, "Assigned");

        // the team accepts it through its API: the page follows without a reload
        String lead = DemoCounty.token(Identity.teamLead("L-art-light-cavalry", "art-light-cavalry"));
        await().atMost(WAIT).until(() -> given().auth().oauth2(lead)
                .post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + opera + "/accept").statusCode() == 200);
        awaitOnPage("open", opera, "Accepted");

        // a need in the resident's own words waits for review; the operator approves it on the page
        String pump = DemoCounty.placeOrder(DemoCounty.QUANYUAN_OPERATOR, Map.of("residentId", resident,
                "category", "DAILY_LIFE", "urgency", "URGENT", "description", "The fridge stopped cooling"));
        awaitOnPage("review", pump, "In review");
        // the list re-renders on every change; an element that went stale before the click is looked up again
        await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
            browser.findElement(By.cssSelector("#review li[data-order='" + pump + "'] button.approve")).click();
            return true;
        });
        awaitOnPage("open", pump, "Assigned");
        given().auth().oauth2(operator).get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/api/cases/" + pump).then()
                .body("status", equalTo("ASSIGNED"))
                .body("tier", equalTo("TOWN"));

        assertEquals("yes", script("return window.loadedOnce"), "the page was never reloaded");
        Files.write(Path.of("target", "dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // on a phone's screen the page fits its width: the sections stack, nothing scrolls sideways
        browser.manage().window().setSize(new Dimension(390, 844));
        await().atMost(WAIT).until(() -> ((Number) script("return window.innerWidth")).intValue() <= 400);
        assertEquals(true, script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling on a phone");
        Files.write(Path.of("target", "dashboard-phone.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 1100));

        // signing out forgets the token and shows nothing more
        browser.findElement(By.id("sign-out")).click();
        await().atMost(WAIT).until(() -> browser.findElement(By.id("sign-in")).isDisplayed());
        assertFalse(browser.findElement(By.id("board")).isDisplayed());
        assertEquals(null, script("return sessionStorage.getItem('feiyan.dispatch.token')"));
    }

    @Test
    void textsFromResidentsTeamsAndOperatorsAreShownAsTextAndNeverRun() {
        signIn(DemoCounty.token(DemoCounty.QUANYUAN_OPERATOR));
        await().atMost(WAIT).until(() -> browser.findElement(By.id("live")).getText().contains("live"));
        String resident = DemoCounty.registerResident("李奶奶", "13805398888");

        // a need whose words carry markup waits for review; the operator turns it down with a reason that does too
        String need = DemoCounty.placeOrder(DemoCounty.QUANYUAN_OPERATOR, Map.of("residentId", resident,
                "category", "DAILY_LIFE", "urgency", "ROUTINE", "description", HOSTILE));
        awaitOnPage("review", need, "In review");
        await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
            WebElement reason = browser.findElement(By.cssSelector("#review li[data-order='" + need + "'] input.reason"));
            reason.clear();
            reason.sendKeys(HOSTILE);
            browser.findElement(By.cssSelector("#review li[data-order='" + need + "'] button.reject")).click();
            return true;
        });
        awaitDecision(need, "REJECTED", HOSTILE);

        // opera, which only the county's art light cavalry offers: its lead declines in words that carry markup
        String opera = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", resident,
                "projectCode", "culture-opera", "urgency", "ROUTINE", "residentConsent", true, "description", HOSTILE));
        String lead = DemoCounty.token(Identity.teamLead("L-art-light-cavalry", "art-light-cavalry"));
        await().atMost(WAIT).until(() -> given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "OTHER", "reason", HOSTILE))
                .post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + opera + "/decline")
                .statusCode() == 200);
        awaitDecision(opera, "DECLINED", "art-light-cavalry: " + HOSTILE);

        // shown literally; no script ran and no element came of them
        assertEquals("undefined", script("return typeof window.__xss"), "markup from the data ran in the page");
        assertEquals(0L, script("return document.querySelectorAll('main script, main img').length"));
        assertTrue(browser.findElement(By.id("board")).getText().contains(HOSTILE));
    }

    private static void signIn(String token) {
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.id("sign-in-button")).click();
    }

    /** Until the recent decisions show one of the kind for the order, with the detail exactly as given. */
    private static void awaitDecision(String orderId, String kind, String detail) {
        By items = By.cssSelector("#recent li[data-order='" + orderId + "']");
        await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() ->
                browser.findElements(items).stream().anyMatch(item ->
                        item.findElement(By.className("status")).getText().equals(kind)
                                && item.findElement(By.className("detail")).getText().equals(detail)));
    }

    private static void awaitOnPage(String list, String orderId, String status) {
        By item = By.cssSelector("#" + list + " li[data-order='" + orderId + "'] .status");
        await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
            List<WebElement> found = browser.findElements(item);
            return !found.isEmpty() && found.get(0).getText().equals(status);
        });
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }
}
