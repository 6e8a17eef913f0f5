package io.feiyan.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.feiyan.embedded.FeiyanService;
import io.feiyan.embedded.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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

    static WebDriver browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver; .ci/run installs them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1100",
                "--user-data-dir=" + Files.createTempDirectory("feiyan-chromium-"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOrderPlacedThroughTheApiAppearsAndMovesOnThePageWithoutReload_andAnOperatorApprovesFromThePage()
            throws Exception {
        browser.get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/dashboard?region=" + QUANYUAN_TOWN);
        browser.findElement(By.id("lang")).click(); // English
        browser.findElement(By.id("operator")).sendKeys("OP-quanyuan-2", Keys.TAB);
        script("window.loadedOnce = 'yes'");
        await().atMost(WAIT).until(() -> browser.findElement(By.id("live")).getText().contains("live"));

        // a 飞燕 volunteer orders opera for an elderly villager: it climbs to the county team and shows up assigned
        String resident = DemoCounty.registerResident("孙大爷", "13805392222");
        String opera = DemoCounty.placeOrder(Map.of("residentId", resident, "projectCode", "culture-opera", "urgency", "ROUTINE",
                "channel", "PROXY", "volunteerId", "V-zhao-li", "residentConsent", true));
        awaitOnPage("open", opera, "Assigned");

        // the team accepts it through its API: the page follows without a reload
        String lead = DemoCounty.token(Tokens.Identity.teamLead("L-art-light-cavalry", "art-light-cavalry"));
        await().atMost(WAIT).until(() -> given().auth().oauth2(lead)
                .post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + opera + "/accept").statusCode() == 200);
        awaitOnPage("open", opera, "Accepted");

        // a need in the resident's own words waits for review; the operator approves it on the page
        String pump = DemoCounty.placeOrder(Map.of("residentId", resident, "category", "DAILY_LIFE", "urgency", "URGENT",
                "channel", "PHONE", "operatorId", "OP-quanyuan-2", "description", "The fridge stopped cooling"));
        awaitOnPage("review", pump, "In review");
        // the list re-renders on every change; an element that went stale before the click is looked up again
        await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
            browser.findElement(By.cssSelector("#review li[data-order='" + pump + "'] button.approve")).click();
            return true;
        });
        awaitOnPage("open", pump, "Assigned");
        given().get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/api/cases/" + pump).then()
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
