package io.feiyan.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.LocalWeChatAccount;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.TestIdNumbers;
import io.feiyan.testkit.WeChatServerPlayer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The app (intake's /app/) on phone-sized screens in a real browser, on the running system: a 飞燕 volunteer and a
 * team lead take an order round the whole loop, a need a resident wrote to the county's WeChat account (its servers
 * played) is placed by her volunteer, an order made with no connection is sent once when it returns, what
 * residents' names and needs say is shown as text, and every screen passes axe-core's accessibility rules.
 */
@ExtendWith(RunningFeiyan.class)
class AppIT {
    /** Words that would run, and set window.__xss, if the page took them for markup. */
    private static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\">孙<b>大爷</b>";

    static Browser volunteer;
    /** Each screen's serious accessibility violations, by screen: none expected. */
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void openBrowser() throws Exception {
        volunteer = Browser.open(390, 844);
    }

    @AfterAll
    static void closeBrowser() {
        if (volunteer != null) {
            volunteer.close();
        }
    }

    @AfterEach
    void everyScreenWasAccessible_andWorkedUnderItsPolicy() {
        assertEquals(List.of(), violations, "axe-core found serious accessibility violations");
        assertEquals(List.of(), volunteer.policyRefusals(), "what the app's Content-Security-Policy refused");
    }

    @Test
    void aVolunteerAndATeamLeadTakeAnOrderRoundTheLoop_onPhones() throws Exception {
        DemoCounty.awaitLoaded();
        String app = RunningFeiyan.url(FeiyanService.INTAKE) + "/app/";

        // the address typed without its slash leads to the app all the same
        volunteer.openSignedOut(RunningFeiyan.url(FeiyanService.INTAKE) + "/app");
        volunteer.signInAsDemoUser("V-zhao-li", app);
        volunteer.inEnglish();
        volunteer.awaitText(By.id("who"), "V-zhao-li · " + DemoCounty.CHANGBULING_VILLAGE);
        check("residents");
        // a light first load on a weak signal: every script and style the app loaded, as the network brings them
        // (compressed; past the service worker and the browser's cache, which make later loads cost nothing)
        long transferred = volunteer.bytesOverTheNetwork("\\.(js|css)$");
        System.out.printf("AppIT: the app's first load takes %,d bytes of script and styles%n", transferred);
        assertTrue(transferred > 0 && transferred < 200_000, "first load under 200 KB of script and styles: " + transferred);

        // registers a resident: a wrong ID number is refused in words, and what was typed stays
        volunteer.click(By.cssSelector("a[href='#/residents/new']"));
        volunteer.type(By.id("r-name"), "吴秀英");
        volunteer.type(By.id("r-phone"), "13805396666");
        volunteer.type(By.id("r-id"), "371322194503150021");
        volunteer.click(By.cssSelector("[name=householdTags][value=EMPTY_NEST_ELDERLY]"));
        volunteer.click(By.cssSelector("#register button[type=submit]"));
        volunteer.awaitText(By.cssSelector("#register .form-error"), "ID number");
        assertEquals("true", volunteer.driver.findElement(By.id("r-id")).getAttribute("aria-invalid"));
        assertEquals("吴秀英", volunteer.driver.findElement(By.id("r-name")).getAttribute("value"));
        check("registering a resident, refused");
        fitsTheSmallestPhone(volunteer, "registering a resident");
        WebElement idNumber = volunteer.driver.findElement(By.id("r-id"));
        idNumber.clear();
        idNumber.sendKeys(TestIdNumbers.next());
        volunteer.click(By.cssSelector("#register button[type=submit]"));

        // her menu, what is meant for her household first; she orders opera, her consent ticked
        volunteer.awaitText(By.cssSelector("main h2"), "吴秀英");
        check("a resident's menu");
        volunteer.click(By.cssSelector("a[data-project='culture-opera']"));
        volunteer.type(By.id("o-description"), "吴奶奶和邻居们好多年没听过京剧了");
        // urgent: a routine one would join her neighbours' activity, which the team answers as one
        volunteer.click(By.cssSelector("#order [name=urgency][value=URGENT]"));
        volunteer.click(By.cssSelector("#order button[type=submit]"));
        volunteer.awaitText(By.cssSelector("#order .form-error"), "consent");
        check("ordering, refused");
        volunteer.click(By.id("o-consent"));
        volunteer.click(By.cssSelector("#order button[type=submit]"));

        // the order's own screen: assigned to the county's art light cavalry, live
        await().atMost(Browser.WAIT).until(() -> volunteer.driver.getCurrentUrl().contains("#/orders/"));
        String order = volunteer.driver.getCurrentUrl().replaceAll(".*#/orders/", "");
        volunteer.awaitText(By.cssSelector("#o-steps li[data-step=ASSIGNED]"), "Assigned to");
        volunteer.awaitText(By.id("o-description"), "好多年没听过京剧了");
        check("an order");
        fitsTheSmallestPhone(volunteer, "an order");

        // the lead, on a phone of their own: the offer in the inbox with its time to accept, accepted with a crew,
        // completed naming who served
        try (Browser lead = Browser.open(390, 844)) {
            lead.openSignedOut(app);
            lead.signInAsDemoUser("L-art-light-cavalry", app);
            lead.inEnglish();
            By offer = By.cssSelector("#inbox-offered li[data-order='" + order + "']");
            lead.awaitText(offer, "left");
            violations.addAll(lead.seriousAccessibilityViolations());
            lead.click(By.cssSelector("#inbox-offered li[data-order='" + order + "'] a"));
            lead.click(By.cssSelector("#accept [name=volunteerIds]"));
            violations.addAll(lead.seriousAccessibilityViolations());
            lead.screenshotInChinese("app-accept.png");
            fitsTheSmallestPhone(lead, "accepting an offer");
            lead.click(By.cssSelector("#accept button[type=submit]"));
            WebElement hours = await().atMost(Browser.WAIT).until(
                    () -> lead.driver.findElements(By.cssSelector("#complete input[name=servedBy]")), l -> !l.isEmpty())
                    .get(0);
            hours.sendKeys("3");
            lead.type(By.id("s-summary"), "Peking opera on the village square");
            violations.addAll(lead.seriousAccessibilityViolations());
            lead.click(By.cssSelector("#complete button[type=submit]"));
            await().atMost(Browser.WAIT).until(() -> lead.driver.findElements(By.id("complete")).isEmpty());
            lead.click(By.cssSelector("nav a[href='#/hours']"));
            lead.awaitText(By.id("team-hours"), "hours");
            violations.addAll(lead.seriousAccessibilityViolations());
        }

        // the volunteer's screen moved on by itself; she rates it with the resident
        volunteer.awaitText(By.cssSelector("#o-steps li[data-step=COMPLETED]"), "3 volunteer hours");
        check("rating");
        volunteer.click(By.cssSelector("#rate button[type=submit]"));
        volunteer.awaitText(By.cssSelector("#o-steps li[data-step=RATED]"), "Rated 5 of 5");
        List<String> steps = volunteer.driver.findElements(By.cssSelector("#o-steps li")).stream()
                .map(step -> step.getAttribute("data-step")).distinct().toList();
        assertTrue(steps.containsAll(List.of("PLACED", "APPROVED", "ESCALATED", "ASSIGNED", "ACCEPTED", "COMPLETED",
                "RATED")), "every step in the timeline: " + steps);
        assertEquals("RATED", DemoCounty.as(DemoCounty.ZHAO_LI)
                .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders/" + order).then().extract().path("status"));
        volunteer.screenshotInChinese("app-order.png");

        volunteer.click(By.id("sign-out"));
        volunteer.awaitLoginPage();
    }

    @Test
    void aTeamLeadAnswersForAnActivityOnce_andAVolunteerAddsAResidentToIt_onPhones() throws Exception {
        DemoCounty.awaitLoaded();
        String app = RunningFeiyan.url(FeiyanService.INTAKE) + "/app/";
        List<String> orders = List.of(opera("活动甲", "13805391011"), opera("活动乙", "13805391012"));
        String activity = inOneActivity(orders);
        String joining = DemoCounty.registerResident("活动丙", "13805391013");

        try (Browser lead = Browser.open(390, 844)) {
            // the lead: one offer for the two residents, accepted once with a crew
            lead.openSignedOut(app);
            lead.signInAsDemoUser("L-art-light-cavalry", app);
            lead.inEnglish();
            By card = By.cssSelector("#inbox-offered li[data-activity='" + activity + "']");
            lead.awaitText(card, "2 residents");
            violations.addAll(lead.seriousAccessibilityViolations());
            lead.click(By.cssSelector("#inbox-offered li[data-activity='" + activity + "'] a"));
            lead.awaitText(By.cssSelector("#accept button[type=submit]"), "Accept all 2 orders");
            lead.awaitText(By.id("v-orders"), "village " + DemoCounty.CHANGBULING_VILLAGE);
            lead.click(By.cssSelector("#accept [name=volunteerIds]"));
            violations.addAll(lead.seriousAccessibilityViolations());
            fitsTheSmallestPhone(lead, "an activity");
            lead.click(By.cssSelector("#accept button[type=submit]"));
            WebElement hours = await().atMost(Browser.WAIT).until(
                    () -> lead.driver.findElements(By.cssSelector("#complete input[name=servedBy]")), l -> !l.isEmpty())
                    .get(0);

            // Zhao Li: the village's planned activity, a third resident found and ordered for in it
            volunteer.openSignedOut(app);
            volunteer.signInAsDemoUser("V-zhao-li", app);
            volunteer.inEnglish();
            volunteer.click(By.cssSelector("nav a[href='#/activities']"));
            By planned = By.cssSelector("#activities li[data-activity='" + activity + "']");
            volunteer.awaitText(planned, "2 residents");
            check("planned activities");
            volunteer.type(By.id("j-" + activity), "活动丙");
            volunteer.click(By.cssSelector("#j-found-" + activity + " li[data-resident='" + joining + "'] a"));
            volunteer.awaitText(By.cssSelector("main .meta"), "Joins the activity");
            volunteer.click(By.id("o-consent"));
            check("joining an activity");
            volunteer.click(By.cssSelector("#order button[type=submit]"));
            await().atMost(Browser.WAIT).until(() -> volunteer.driver.getCurrentUrl().contains("#/orders/"));
            String joined = volunteer.driver.getCurrentUrl().replaceAll(".*#/orders/", "");
            assertEquals(UUID.fromString(activity), EventProbe.payload(RunningFeiyan.probe().await(Topics.ORDERS_PLACED,
                    EventProbe.keyed(joined), Browser.WAIT), OrderPlaced.class).joinActivity());

            // the lead completes the activity once: both orders completed, their hours adding up to the three given
            hours.sendKeys("3");
            lead.click(By.cssSelector("#complete button[type=submit]"));
            await().atMost(Browser.WAIT).until(() -> lead.driver.findElements(By.id("complete")).isEmpty());
        }
        volunteer.driver.navigate().to(app + "#/orders/" + orders.get(0));
        volunteer.awaitText(By.cssSelector("#o-steps li[data-step=ACCEPTED]"), "with 1 neighbour in village");
        check("an order of an activity");
        float shared = 0;
        for (String order : orders) {
            shared += DemoCounty.as(DemoCounty.ADMIN).get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/"
                    + order).then().statusCode(200).body("status", equalTo("COMPLETED"))
                    .extract().<Float>path("volunteerHours");
        }
        assertEquals(3.0f, shared, 0.001f);
    }

    /** An opera order of Zhao Li's for a new resident of Changbuling, offered to the cavalry; its id. */
    private static String opera(String name, String phone) {
        String order = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId",
                DemoCounty.registerResident(name, phone), "projectCode", "culture-opera", "urgency", "ROUTINE",
                "residentConsent", true));
        await().atMost(Browser.WAIT).untilAsserted(() -> DemoCounty.as(DemoCounty.ADMIN)
                .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + order).then().statusCode(200));
        return order;
    }

    /** The orders given to the cavalry again naming one activity, as dispatch does when it groups them; its id. */
    private static String inOneActivity(List<String> orders) {
        UUID activity = UUID.randomUUID();
        for (String order : orders) {
            JsonPath offer = DemoCounty.as(DemoCounty.ADMIN)
                    .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + order)
                    .then().extract().jsonPath();
            RunningFeiyan.probe().publish(new OrderAssigned(UUID.fromString(order), offer.getString("teamCode"),
                    Tier.valueOf(offer.getString("tier")), "culture-opera", Instant.parse(offer.getString("acceptBy")),
                    Instant.parse(offer.getString("deadline")), null, null, Instant.now(), null, null, null, activity));
        }
        await().atMost(Browser.WAIT).untilAsserted(() -> DemoCounty.as(DemoCounty.ADMIN)
                .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/activities/" + activity)
                .then().statusCode(200).body("residents", equalTo(orders.size())));
        return activity.toString();
    }

    @Test
    void anOrderMadeWithNoConnectionWaitsOnThePhone_andIsPlacedOnceWhenItReturns() throws Exception {
        String resident = zhaoLiOrdersFor("周桂兰", "13805395555", "elderly-visit");

        volunteer.offline(true);
        try {
            volunteer.awaitText(By.id("net"), "No connection");
            volunteer.click(By.id("o-consent"));
            volunteer.click(By.cssSelector("#order button[type=submit]"));
            volunteer.awaitText(By.cssSelector("#kept li"), "Waiting to send");
            check("an order waiting to send");
            // as if an attempt had reached intake and its answer had been lost on the way back: the same request,
            // with the key the phone keeps, is placed once already
            @SuppressWarnings("unchecked")
            Map<String, Object> kept = (Map<String, Object>) volunteer.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    const open = indexedDB.open('feiyan-app');
                    open.onsuccess = () => {
                      const all = open.result.transaction('orders').objectStore('orders').getAll();
                      all.onsuccess = () => { open.result.close(); done(all.result[0]); };
                    };""");
            String first = DemoCounty.as(DemoCounty.ZHAO_LI).contentType(ContentType.JSON)
                    .header("Idempotency-Key", kept.get("key")).body(kept.get("body"))
                    .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders")
                    .then().statusCode(201).extract().path("orderId");
            assertEquals(resident, ((Map<?, ?>) kept.get("body")).get("residentId"));

            volunteer.offline(false);
            await().atMost(Browser.WAIT).until(() -> volunteer.driver.findElements(By.cssSelector("#kept li")).isEmpty());
            volunteer.awaitText(By.cssSelector("#orders li[data-order='" + first + "']"), "周桂兰");
        } finally {
            volunteer.offline(false);
        }
        List<String> orders = DemoCounty.as(DemoCounty.ZHAO_LI)
                .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders?resident=" + resident)
                .then().statusCode(200).extract().path("items.orderId");
        assertEquals(1, orders.size(), "exactly one order: " + orders);

        // with no connection at all, the app still opens (its shell from the service worker's cache), and signs in
        // again by itself when the connection returns
        await().atMost(Browser.WAIT).until(() -> Boolean.TRUE.equals(
                volunteer.script("return navigator.serviceWorker.controller !== null")));
        volunteer.offline(true);
        try {
            volunteer.driver.navigate().refresh();
            volunteer.awaitText(By.id("sign-in-error"), "No connection now");
            check("opened with no connection");
        } finally {
            volunteer.offline(false);
        }
        volunteer.awaitText(By.id("who"), "V-zhao-li");
    }

    @Test
    void aNeedTheVolunteerSolvedOnTheSpot_isPlacedAndCompletedByTheVillageTeam_withTheirHours() throws Exception {
        zhaoLiOrdersFor("冯玉珍", "13805394444", "other");
        volunteer.type(By.id("o-description"), "Her radio had lost its station: tuned it again");
        volunteer.click(By.id("o-consent"));
        volunteer.click(By.id("o-spot"));
        volunteer.type(By.id("o-hours"), "0.5");
        check("recording a need solved on the spot");
        volunteer.click(By.cssSelector("#order button[type=submit]"));

        volunteer.awaitText(By.cssSelector("#o-steps li[data-step=PLACED]"), "solved on the spot in 0.5 hours");
        volunteer.awaitText(By.cssSelector("#o-steps li[data-step=COMPLETED]"), "Changbuling village 飞燕 volunteers");
        String order = volunteer.driver.getCurrentUrl().replaceAll(".*#/orders/", "");
        List<String> steps = volunteer.driver.findElements(By.cssSelector("#o-steps li")).stream()
                .map(step -> step.getAttribute("data-step")).toList();
        assertEquals(List.of("PLACED", "COMPLETED"), steps, "no review, offer or acceptance");
        // the village's 飞燕 team's work, Zhao Li its crew, the hours his in the ledger
        DemoCounty.as(DemoCounty.ADMIN).get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + order)
                .then().statusCode(200).body("teamCode", equalTo("changbuling-feiyan"))
                .body("status", equalTo("COMPLETED"))
                .body("crew", contains(DemoCounty.ZHAO_LI.volunteer().toString()));

        // rated with her as not solved after all: a follow-up visit for the village, whose outcome Zhao Li records
        volunteer.click(By.cssSelector("#rate [name=score][value='2']"));
        volunteer.click(By.cssSelector("#rate [name=solved][value=false]"));
        volunteer.type(By.id("r-comment"), "The station is gone again");
        volunteer.click(By.cssSelector("#rate button[type=submit]"));
        volunteer.awaitText(By.cssSelector("#o-steps li[data-step=RATED]"), "Rated 2 of 5");
        String visit = "//li[@data-follow-up][.//p[contains(., 'The station is gone again')]]";
        // the screen draws its list once, when the follow-ups have come: opened again until the visit is among them,
        // each time looked at once drawn (not while its requests are under way)
        await().atMost(Browser.WAIT).until(() -> {
            volunteer.click(By.cssSelector("nav a[href='#/orders']"));
            volunteer.click(By.cssSelector("nav a[href='#/follow-ups']"));
            await().atMost(Browser.WAIT).until(() -> !volunteer.driver.findElements(By.cssSelector("#follow-ups > li"))
                    .isEmpty());
            return !volunteer.driver.findElements(By.xpath(visit)).isEmpty();
        });
        check("follow-up visits");
        volunteer.click(By.xpath(visit + "//input[@value='RESOLVED']"));
        volunteer.driver.findElement(By.xpath(visit + "//input[@name='note']"))
                .sendKeys("Tuned it again and wrote the number on the dial");
        volunteer.click(By.xpath(visit + "//button[@type='submit']"));
        volunteer.awaitText(By.xpath(visit), "Saved");
    }

    @Test
    void aResidentWithAPhoneOrdersForHerself_andCancelsBeforeATeamAccepts() throws Exception {
        DemoCounty.awaitLoaded();
        UUID id = UUID.fromString(DemoCounty.registerResident(HOSTILE, "13805393333"));
        Identity resident = Identity.resident(id);
        RunningFeiyan.system().tokens().ensureAccounts(List.of(resident));
        String app = RunningFeiyan.url(FeiyanService.INTAKE) + "/app/";
        volunteer.openSignedOut(app);
        volunteer.signInAsDemoUser(resident.subject(), app);
        volunteer.inEnglish();

        // her own menu and orders, nothing of a volunteer's: no village residents, no consent to tick for herself
        volunteer.awaitText(By.cssSelector("main h2"), "Order for myself");
        assertEquals(List.of("Order for myself", "Orders"), volunteer.driver.findElements(By.cssSelector("nav a"))
                .stream().map(WebElement::getText).toList());
        volunteer.click(By.cssSelector("a[data-project='elderly-visit']"));
        assertTrue(volunteer.driver.findElements(By.id("o-consent")).isEmpty(), "no consent box for herself");
        volunteer.type(By.id("o-description"), "Company for " + HOSTILE);
        check("ordering for herself");
        volunteer.click(By.cssSelector("#order button[type=submit]"));
        await().atMost(Browser.WAIT).until(() -> volunteer.driver.getCurrentUrl().contains("#/orders/"));
        String order = volunteer.driver.getCurrentUrl().replaceAll(".*#/orders/", "");
        volunteer.awaitText(By.id("o-description"), "Company for " + HOSTILE);
        volunteer.awaitText(By.id("o-who"), HOSTILE);
        shownAsText();
        assertEquals("APP", DemoCounty.as(resident).get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders/" + order)
                .then().extract().path("channel"));

        volunteer.click(By.cssSelector("#o-actions summary"));
        volunteer.click(By.cssSelector("#cancel button[type=submit]"));
        volunteer.awaitText(By.cssSelector("#o-steps li[data-step=CANCELLED]"), "Cancelled");
        volunteer.click(By.cssSelector("nav a[href='#/orders']"));
        volunteer.awaitText(By.cssSelector("#orders li[data-order='" + order + "']"), "Cancelled");
        volunteer.awaitText(By.cssSelector("#orders li[data-order='" + order + "']"), HOSTILE);
        shownAsText();
        check("her orders");

        // she chooses how she is told: a text message and this app, not the WeChat account; quiet from 22:30 to 7:00
        volunteer.click(By.id("preferences"));
        volunteer.awaitText(By.cssSelector("#notification-preferences legend"), "Tell me by");
        for (WebElement channel : volunteer.driver.findElements(By.cssSelector("[name=channels]"))) {
            if (channel.isSelected() != List.of("PUSH", "SMS").contains(channel.getAttribute("value"))) {
                channel.click();
            }
        }
        if (!volunteer.driver.findElement(By.id("p-quiet")).isSelected()) {
            volunteer.click(By.id("p-quiet"));
        }
        volunteer.script("document.getElementById('p-from').value = '22:30'; document.getElementById('p-to').value = '07:00'");
        check("how she is told");
        fitsTheSmallestPhone(volunteer, "how she is told");
        volunteer.click(By.cssSelector("#notification-preferences button[type=submit]"));
        volunteer.awaitText(By.id("toast"), "Saved");
        JsonPath chosen = DemoCounty.as(resident).get(RunningFeiyan.url(FeiyanService.NOTIFICATION)
                + "/api/notifications/preferences").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("PUSH", "SMS"), chosen.getList("channels"));
        assertEquals("22:30-07:00", chosen.getString("quietHours"));
    }

    @Test
    void aNeedAResidentWritesToTheWeChatAccount_waitsForHerVolunteer_whoPlacesItAfterCalling_onPhones()
            throws Exception {
        DemoCounty.awaitLoaded();
        String resident = DemoCounty.registerResident("孙桂兰", "13805397777");
        String app = RunningFeiyan.url(FeiyanService.INTAKE) + "/app/";
        volunteer.openSignedOut(app);
        volunteer.signInAsDemoUser("V-zhao-li", app);
        volunteer.inEnglish();

        // on the resident's screen, Zhao Li makes her a code to bind the county's WeChat account
        volunteer.driver.get(app + "#/residents/" + resident);
        volunteer.click(By.id("make-wechat-code"));
        volunteer.awaitText(By.id("wechat-code"), "once");
        String code = volunteer.driver.findElement(By.cssSelector("#wechat-code .code")).getText();
        check("a WeChat binding code");

        // WeChat's servers, played: an unsigned or wrongly signed call is refused; signed, the resident binds, asks
        // for the month's menu and writes what she needs
        WeChatServerPlayer wechat = new WeChatServerPlayer(
                URI.create(RunningFeiyan.url(FeiyanService.NOTIFICATION) + "/wechat/callback"), LocalWeChatAccount.TOKEN);
        String openid = WeChatServerPlayer.newOpenid();
        String menuXml = WeChatServerPlayer.textXml(openid, "菜单", WeChatServerPlayer.newMsgId());
        assertEquals(403, wechat.post("", menuXml).status());
        assertEquals(403, wechat.post("signature=0000&timestamp=" + WeChatServerPlayer.now() + "&nonce=1", menuXml)
                .status());
        assertTrue(wechat.text(openid, "绑定 " + code).content().startsWith("绑定成功"));
        await().atMost(Browser.WAIT).until(() -> wechat.text(openid, "菜单").content().contains("京剧"));
        assertTrue(wechat.text(openid, "院子里的水泵坏了，想请人来修一下").content().contains("飞燕志愿者会打电话"));

        // the need waits on Zhao Li's phone; she called, and places it in the resident's words
        volunteer.click(By.cssSelector("nav a[href='#/wechat-needs']"));
        volunteer.awaitText(By.id("wechat-needs"), "水泵坏了");
        volunteer.awaitText(By.id("wechat-needs"), "孙桂兰");
        check("needs from WeChat");
        fitsTheSmallestPhone(volunteer, "needs from WeChat");
        volunteer.screenshotInChinese("app-wechat-needs.png");
        volunteer.click(By.cssSelector("#wechat-needs a[href^='#/order/" + resident + "/wechat/']"));
        await().atMost(Browser.WAIT).until(() -> volunteer.driver.findElement(By.id("o-description"))
                .getAttribute("value").contains("水泵坏了"));
        volunteer.click(By.id("o-consent"));
        check("placing a need from WeChat");
        volunteer.click(By.cssSelector("#order button[type=submit]"));
        await().atMost(Browser.WAIT).until(() -> volunteer.driver.getCurrentUrl().contains("#/orders/"));
        String order = volunteer.driver.getCurrentUrl().replaceAll(".*#/orders/", "");
        JsonPath placed = DemoCounty.as(DemoCounty.ZHAO_LI)
                .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders/" + order).then().extract().jsonPath();
        assertEquals("WECHAT", placed.getString("channel"));
        assertEquals("V-zhao-li", placed.getString("volunteerId"));

        // placed, it leaves the list
        volunteer.click(By.cssSelector("nav a[href='#/wechat-needs']"));
        await().atMost(Browser.WAIT).until(() -> volunteer.driver.findElements(
                By.cssSelector("#wechat-needs a[href^='#/order/" + resident + "/wechat/']")).isEmpty()
                && !volunteer.driver.findElements(By.cssSelector("#wechat-needs li")).isEmpty());
    }

    /** The token the local run's WeChat account is configured with (notification-service's default). */
    /**
     * A new resident of Changbuling, and Zhao Li signed in on the volunteer's phone with the order form for her and
     * the project open; returns her id.
     */
    private static String zhaoLiOrdersFor(String name, String phone, String project) {
        DemoCounty.awaitLoaded();
        String resident = DemoCounty.registerResident(name, phone);
        String app = RunningFeiyan.url(FeiyanService.INTAKE) + "/app/";
        volunteer.openSignedOut(app);
        volunteer.signInAsDemoUser("V-zhao-li", app);
        volunteer.inEnglish();
        volunteer.driver.get(app + "#/residents/" + resident);
        volunteer.click(By.cssSelector("a[data-project='" + project + "']"));
        return resident;
    }

    /** The resident's name and the order's words are on the screen as they were typed; nothing in them ran. */
    private void shownAsText() {
        assertEquals("undefined", volunteer.script("return typeof window.__xss"), "words ran as markup");
        assertEquals(0L, volunteer.script("return document.querySelectorAll('main img, main b').length"));
        assertEquals(true, volunteer.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling on a phone");
    }

    /** The volunteer's screen as it is now: checked by axe-core, and nothing scrolls sideways. */
    private void check(String screen) throws Exception {
        volunteer.seriousAccessibilityViolations().forEach(violation -> violations.add(screen + ": " + violation));
        assertEquals(true, volunteer.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                screen + ": no sideways scrolling on a phone");
    }

    /** The screen fits the smallest phone the app is made for, 360 × 640: nothing scrolls sideways. */
    private static void fitsTheSmallestPhone(Browser phone, String screen) {
        Dimension size = phone.driver.manage().window().getSize();
        phone.driver.manage().window().setSize(new Dimension(360, 640));
        try {
            await().atMost(Browser.WAIT).until(() -> ((Number) phone.script("return window.innerWidth")).intValue() <= 360);
            assertEquals(true, phone.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                    screen + ": no sideways scrolling at 360 × 640");
        } finally {
            phone.driver.manage().window().setSize(size);
        }
    }
}
