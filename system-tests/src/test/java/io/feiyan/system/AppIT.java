package io.feiyan.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.launcher.FeiyanService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/** The app (intake's /app) on a phone-sized screen in a real browser, on the running system. */
@ExtendWith(RunningFeiyan.class)
class AppIT {
    /** Words that would run, and set window.__xss, if the page took them for markup. */
    private static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\">孙<b>大爷</b>";

    static Browser phone;

    @BeforeAll
    static void openBrowser() throws Exception {
        phone = Browser.open(390, 844);
    }

    @AfterAll
    static void closeBrowser() {
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void aVolunteerSignsInOnAPhone_andFindsTheirVillagesResidents_whoseNamesAreShownAsText() throws Exception {
        DemoCounty.awaitLoaded();
        String resident = DemoCounty.registerResident(HOSTILE, "13805397777");
        String app = RunningFeiyan.url(FeiyanService.INTAKE) + "/app";

        phone.openSignedOut(app);
        phone.signInAsDemoUser("V-zhao-li", app);
        phone.inEnglish();
        await().atMost(Browser.WAIT).until(() -> phone.driver.findElement(By.id("who")).getText()
                .contains("V-zhao-li · " + DemoCounty.CHANGBULING_VILLAGE));

        WebElement find = phone.driver.findElement(By.id("q"));
        find.sendKeys("7777");
        By found = By.cssSelector("#residents li[data-resident='" + resident + "']");
        await().atMost(Browser.WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> {
                    List<WebElement> items = phone.driver.findElements(found);
                    return !items.isEmpty() && items.get(0).getText().contains(HOSTILE);
                });
        // the search applied: only residents whose phone ends so, the numbers masked
        await().atMost(Browser.WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> phone.driver.findElements(By.cssSelector("#residents li .meta")).stream()
                        .allMatch(meta -> meta.getText().startsWith("138****7777")));
        assertEquals("undefined", phone.script("return typeof window.__xss"), "a name ran as markup");
        assertEquals(0L, phone.script("return document.querySelectorAll('main img, main b').length"));
        assertEquals(true, phone.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling on a phone");

        Files.write(Path.of("target", "app-phone.png"), ((TakesScreenshot) phone.driver).getScreenshotAs(OutputType.BYTES));

        phone.driver.findElement(By.id("sign-out")).click();
        try {
            phone.awaitLoginPage();
        } finally {
            Files.write(Path.of("target", "app-signed-out.png"),
                    ((TakesScreenshot) phone.driver).getScreenshotAs(OutputType.BYTES));
        }
    }
}
