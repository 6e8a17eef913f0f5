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
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
    private static final Duration WAIT = Browser.WAIT;
    private static final String QUANYUAN_TOWN = "371322206";
    /** Words that would run, and set window.__xss, if the page took them for markup. */
    private static final String HOSTILE = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    static Browser chromium;
    static WebDriver browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        chromium = Browser.open(1280, 1100);
        browser = chromium.driver;
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void thePageWorkedUnderItsPolicy() {
        assertEquals(List.of(), chromium.policyRefusals(), "what the dashboard's Content-Security-Policy refused");
    }

    /** The town's view, with no one signed in. */
    @BeforeEach
    void openThePageSignedOut() {
        chromium.openSignedOut(RunningFeiyan.url(FeiyanService.DISPATCH) + "/dashboard?region=" + QUANYUAN_TOWN);
    }

    @Test
    void anOperatorSignsInThroughKeycloak_seesOrdersAppearAndMoveWithoutReload_approvesFromThePage_andSignsOut()
            throws Exception {
        // the page holds no data: it sends the browser to the county's login page, which refuses a wrong password
        chromium.awaitLoginPage();
        chromium.signIn("OP-quanyuan-2", "not-the-password");
        await().atMost(WAIT).until(() -> browser.findElement(By.tagName("body")).getText()
                .matches("(?s).*(Invalid|无效).*"));
        assertTrue(browser.getCurrentUrl().startsWith(Browser.keycloak()), browser.getCurrentUrl());

        // the town institute's operator signs in with their password and is back on the dashboard, in their view
        chromium.signIn("OP-quanyuan-2", RunningFeiyan.system().keycloak().secrets().demoPassword());
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().startsWith(RunningFeiyan.url(FeiyanService.DISPATCH)));
        chromium.inEnglish();
        chromium.script("window.loadedOnce = 'yes'");
        await().atMost(WAIT).until(() -> browser.findElement(By.id("live")).getText().contains("live"));
        assertTrue(browser.findElement(By.id("who")).getText().contains("OP-quanyuan-2"));
        assertEquals(RunningFeiyan.url(FeiyanService.DISPATCH) + "/dashboard?region=" + QUANYUAN_TOWN,
                browser.getCurrentUrl(), "back in the view asked for; neither code nor token stays in the URL");
        String operator = DemoCounty.token(DemoCounty.QUANYUAN_OPERATOR);

        // a 飞燕 volunteer orders opera for an elderly villager: it climbs to the county team and shows up assigned
        String resident = DemoCounty.registerResident("孙大爷", "13805392222");
        String opera = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", resident,
                "projectCode", "culture-opera", "urgency", "URGENT", "residentConsent", true));
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

        // this month's dispatch quality in the operator's region, from feedback's metrics (another origin)
        chromium.awaitText(By.id("quality"), "Orders this month");
        chromium.awaitText(By.id("quality"), "Busiest team (against its fair share)");
        await().atMost(WAIT).until(() -> Integer.parseInt(browser.findElement(By.cssSelector("#quality .figure dd"))
                .getText()) >= 2);

        // the notifications per channel, from notification's delivery log (another origin), as its API counts them
        // (asked again with the month's figures, at the latest every minute); the panel shows once it has answered
        await().atMost(WAIT.multipliedBy(2)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> browser.findElement(By.id("notifications-panel")).isDisplayed()
                        && notificationCounts(operator).equals(notificationsShown()));
        assertEquals("yes", chromium.script("return window.loadedOnce"), "the page was never reloaded");
        Files.write(Path.of("target", "dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // on a phone's screen the page fits its width: the sections stack, nothing scrolls sideways
        browser.manage().window().setSize(new Dimension(390, 844));
        await().atMost(WAIT).until(() -> ((Number) chromium.script("return window.innerWidth")).intValue() <= 400);
        assertEquals(true, chromium.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling on a phone");
        Files.write(Path.of("target", "dashboard-phone.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 1100));

        // signing out ends the session at Keycloak: the browser is back on the login page, and loading the dashboard
        // again does not sign anyone in
        browser.findElement(By.id("sign-out")).click();
        chromium.awaitLoginPage();
        browser.get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/dashboard");
        chromium.awaitLoginPage();
    }

    @Test
    void textsFromResidentsTeamsAndOperatorsAreShownAsTextAndNeverRun() {
        chromium.awaitLoginPage();
        chromium.signIn("OP-quanyuan-2", RunningFeiyan.system().keycloak().secrets().demoPassword());
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().startsWith(RunningFeiyan.url(FeiyanService.DISPATCH)));
        chromium.inEnglish();
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
                "projectCode", "culture-opera", "urgency", "URGENT", "residentConsent", true, "description", HOSTILE));
        String lead = DemoCounty.token(DemoCounty.CAVALRY_LEAD);
        await().atMost(WAIT).until(() -> given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "OTHER", "reason", HOSTILE))
                .post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + opera + "/decline")
                .statusCode() == 200);
        awaitDecision(opera, "DECLINED", "art-light-cavalry: " + HOSTILE);

        // shown literally; no script ran and no element came of them
        assertEquals("undefined", chromium.script("return typeof window.__xss"), "markup from the data ran in the page");
        assertEquals(0L, chromium.script("return document.querySelectorAll('main script, main img').length"));
        assertTrue(browser.findElement(By.id("board")).getText().contains(HOSTILE));
    }


    @Test
    void aCaseEveryTeamDeclinedComesIntoTheQueueWithoutAReload_isAnnounced_andLeavesOnceOfferedToANamedTeam() {
        chromium.awaitLoginPage();
        chromium.signIn("OP-county-centre", RunningFeiyan.system().keycloak().secrets().demoPassword());
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().startsWith(RunningFeiyan.url(FeiyanService.DISPATCH)));
        chromium.inEnglish();
        await().atMost(WAIT).until(() -> browser.findElement(By.id("live")).getText().contains("live"));
        // the queue as the page opened it: what it held then is no news
        await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("#queue li")).isEmpty());
        chromium.script("window.loadedOnce = 'yes'");

        // urgent opera, which only the county's art light cavalry offers: its lead declines, no team is left
        String resident = DemoCounty.registerResident("周奶奶", "13805397777");
        String opera = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", resident,
                "projectCode", "culture-opera", "urgency", "URGENT", "residentConsent", true));
        String lead = DemoCounty.token(DemoCounty.CAVALRY_LEAD);
        await().atMost(WAIT).until(() -> given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "NO_CAPACITY"))
                .post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + opera + "/decline")
                .statusCode() == 200);

        // it comes into the operator's queue, with why, and being urgent is announced
        By queued = By.cssSelector("#queue li[data-order='" + opera + "']");
        chromium.awaitText(queued, "declined by every team that could take it");
        chromium.awaitText(By.cssSelector("#announcements [data-announced='" + opera + "']"), "needs a person");

        // the operator offers it to a team they name, the town's institute: it leaves the queue, and its announcement
        await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
            browser.findElement(By.cssSelector("#queue li[data-order='" + opera
                    + "'] select.team option[value='quanyuan-institute']")).click();
            browser.findElement(By.cssSelector("#queue li[data-order='" + opera + "'] button.assign")).click();
            return true;
        });
        await().atMost(WAIT).until(() -> browser.findElements(queued).isEmpty()
                && browser.findElements(By.cssSelector("#announcements [data-announced='" + opera + "']")).isEmpty());
        DemoCounty.as(DemoCounty.COUNTY_OPERATOR).get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/api/cases/" + opera)
                .then().body("status", equalTo("ASSIGNED")).body("teamCode", equalTo("quanyuan-institute"));
        awaitOnPage("open", opera, "Assigned");
        assertEquals("yes", chromium.script("return window.loadedOnce"), "the page was never reloaded");
    }

    /**
     * What the dashboard's Notifications panel shows: per channel, sent, waiting, failed, unreachable, repeated; none
     * when it says there is nothing.
     */
    private static Map<String, List<String>> notificationsShown() {
        Map<String, List<String>> shown = new TreeMap<>();
        List<WebElement> rows = browser.findElements(By.cssSelector("#notifications [data-channel]"));
        assertEquals(rows.isEmpty(), !browser.findElements(By.cssSelector("#notifications .empty")).isEmpty(),
                "the panel says so when there is nothing to count");
        for (WebElement row : rows) {
            shown.put(row.getAttribute("data-channel"), row.findElements(By.cssSelector("[data-count] dd")).stream()
                    .map(WebElement::getText).toList());
        }
        return shown;
    }

    /** The same counts as notification's API answers them. */
    private static Map<String, List<String>> notificationCounts(String token) {
        Map<String, List<String>> counted = new TreeMap<>();
        List<Map<String, Object>> rows = given().auth().oauth2(token)
                .get(RunningFeiyan.url(FeiyanService.NOTIFICATION) + "/api/notifications/counts")
                .then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> row : rows) {
            counted.put((String) row.get("channel"), Stream.of("sent", "waiting", "failed", "unreachable", "repeated")
                    .map(count -> String.valueOf(row.get(count))).toList());
        }
        return counted;
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

}
