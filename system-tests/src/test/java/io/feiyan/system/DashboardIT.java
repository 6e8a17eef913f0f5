package io.feiyan.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.Folders;
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

    /** The town's view, with no one signed in: every cookie gone, Keycloak's session cookie too. */
    @BeforeEach
    void openThePageSignedOut() {
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/dashboard?region=" + QUANYUAN_TOWN);
    }

    @Test
    void anOperatorSignsInThroughKeycloak_seesOrdersAppearAndMoveWithoutReload_approvesFromThePage_andSignsOut()
            throws Exception {
        // the page holds no data: it sends the browser to the county's login page, which refuses a wrong password
        awaitLoginPage();
        signIn("OP-quanyuan-2", "not-the-password");
        await().atMost(WAIT).until(() -> browser.findElement(By.tagName("body")).getText()
                .matches("(?s).*(Invalid|无效).*"));
        assertTrue(browser.getCurrentUrl().startsWith(keycloak()), browser.getCurrentUrl());

        // the town institute's operator signs in with their password and is back on the dashboard, in their view
        signIn("OP-quanyuan-2", RunningFeiyan.system().keycloak().secrets().demoPassword());
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().startsWith(RunningFeiyan.url(FeiyanService.DISPATCH)));
        inEnglish();
        script("window.loadedOnce = 'yes'");
        await().atMost(WAIT).until(() -> browser.findElement(By.id("live")).getText().contains("live"));
        assertTrue(browser.findElement(By.id("who")).getText().contains("OP-quanyuan-2"));
        assertEquals(RunningFeiyan.url(FeiyanService.DISPATCH) + "/dashboard?region=" + QUANYUAN_TOWN,
                browser.getCurrentUrl(), "back in the view asked for; neither code nor token stays in the URL");
        String operator = DemoCounty.token(DemoCounty.QUANYUAN_OPERATOR);

        // a 飞燕 volunteer orders opera for an elderly villager: it climbs to the county team and shows up assigned
        String resident = DemoCounty.registerResident("孙大爷", "13805392222");
        String opera = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", resident,
                "projectCode", "culture-opera", "urgency", "ROUTINE", "residentConsent", true));
        awaitOnPage("open", opera, "Assigned");

        // the team accepts it through its API: the page follows without a reload
        String lead = DemoCounty.token(DemoCounty.CAVALRY_LEAD);
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

        // signing out ends the session at Keycloak: the browser is back on the login page, and loading the dashboard
        // again does not sign anyone in
        browser.findElement(By.id("sign-out")).click();
        awaitLoginPage();
        browser.get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/dashboard");
        awaitLoginPage();
    }

    @Test
    void textsFromResidentsTeamsAndOperatorsAreShownAsTextAndNeverRun() {
        awaitLoginPage();
        signIn("OP-quanyuan-2", RunningFeiyan.system().keycloak().secrets().demoPassword());
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().startsWith(RunningFeiyan.url(FeiyanService.DISPATCH)));
        inEnglish();
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
        String lead = DemoCounty.token(DemoCounty.CAVALRY_LEAD);
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

    private static String keycloak() {
        return RunningFeiyan.system().keycloak().issuer();
    }

    /** Until the browser shows Keycloak's login form for the realm. */
    private static void awaitLoginPage() {
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().startsWith(keycloak())
                && !browser.findElements(By.id("username")).isEmpty());
    }

    /** Signs in on Keycloak's login form. */
    private static void signIn(String user, String password) {
        WebElement name = browser.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    /** The dashboard in English, as these tests read it (the language button switches without a reload). */
    private static void inEnglish() {
        await().atMost(WAIT).until(() -> !browser.findElements(By.id("lang")).isEmpty());
        if (!"en".equals(script("return document.documentElement.lang"))) {
            browser.findElement(By.id("lang")).click();
        }
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
