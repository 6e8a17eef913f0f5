package io.feiyan.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.testkit.LocalPushService;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Web Push end to end, in Chromium: a team lead turns notifications on in the app, an order is offered to the team, a
 * push service checks the VAPID token and decrypts the offer, and the app's service worker, given that message, shows
 * it; tapped, it opens the offer.
 *
 * <p>Headless Chromium has no push service to subscribe at (its subscribe waits for Google's servers without end): the
 * test sees the app ask for permission and fetch the server key on the tap, then gives notification-service the lead's
 * subscription at the tests' push service (LocalPushService) through the same call the app makes. A notification
 * cannot be clicked through the DevTools protocol: the worker is given a notificationclick event for the notification
 * it shows, which runs its own handler, as a tap would.
 */
@ExtendWith(RunningFeiyan.class)
class PushIT {
    private static final String LEAD = "L-art-light-cavalry";
    static LocalPushService push;

    @BeforeAll
    static void startPushService() {
        push = LocalPushService.start();
    }

    @AfterAll
    static void stopPushService() {
        if (push != null) {
            push.close();
        }
    }

    @Test
    void aLeadTurnsOnNotifications_isToldOfAnOffer_andItsTapOpensTheOffer() throws Exception {
        DemoCounty.awaitLoaded();
        String app = RunningFeiyan.url(FeiyanService.INTAKE) + "/app/";
        String origin = URI.create(app).resolve("/").toString().replaceAll("/$", "");
        String notification = RunningFeiyan.url(FeiyanService.NOTIFICATION);

        try (Browser lead = Browser.open(390, 844); DevTools devTools = DevTools.of(lead)) {
            lead.openSignedOut(app);
            lead.signInAsDemoUser(LEAD, app);
            lead.inEnglish();
            String page = devTools.attach("page", app);
            devTools.send(page, "Network.enable", Map.of());

            // the tap: the browser's permission prompt answered "allow" (as its user would), the server's key fetched
            // for pushManager.subscribe, which finds no push service in a headless browser
            devTools.send(null, "Browser.grantPermissions", Map.of("origin", origin,
                    "permissions", List.of("notifications")));
            lead.click(By.id("notify"));
            devTools.awaitEvent("Network.requestWillBeSent", event -> event.at("/request/url").asText()
                    .equals(notification + "/api/notifications/push/key"));
            assertEquals("granted", lead.script("return Notification.permission"));
            lead.awaitText(By.id("toast"), "Notifications could not be turned on");

            // the subscription a browser with a push service would have made, given as the app gives it
            String serverKey = given().get(notification + "/api/notifications/push/key").then().statusCode(200)
                    .extract().path("publicKey");
            LocalPushService.Subscriber phone = push.subscribe(serverKey);
            DemoCounty.as(DemoCounty.CAVALRY_LEAD).contentType(ContentType.JSON).body(phone.toJson())
                    .post(notification + "/api/notifications/push/subscriptions").then().statusCode(204);

            // an order approved and offered to the lead's team: the offer reaches the push service, signed, and
            // decrypts to what the app shows
            String order = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId",
                    DemoCounty.registerResident("推送测试", "13805397001"), "projectCode", "culture-opera",
                    "urgency", "URGENT", "residentConsent", true));
            LocalPushService.Received offer = push.awaitMessage(phone.endpoint(), message ->
                    order.equals(message.json().path("orderId").asText())
                    && "OFFER_NEW".equals(message.json().path("kind").asText()));
            JsonNode told = offer.json();
            assertEquals("#/work/" + order, told.get("link").asText());
            assertEquals("新订单待接", told.get("title").asText(), "the county's words for a new offer: " + told);
            assertEquals(List.of(), push.refused(), "every message signed and encrypted as RFC 8292 and 8291 say");

            // the service worker, given that message by the push service's hand (DevTools), shows it
            devTools.send(page, "ServiceWorker.enable", Map.of());
            String registration = devTools.awaitEvent("ServiceWorker.workerRegistrationUpdated", event -> {
                for (JsonNode known : event.get("registrations")) {
                    if (known.get("scopeURL").asText().equals(app) && !known.get("isDeleted").asBoolean()) {
                        return true;
                    }
                }
                return false;
            }).findValue("registrationId").asText();
            devTools.send(page, "ServiceWorker.deliverPushMessage", Map.of("origin", origin,
                    "registrationId", registration, "data", offer.plaintext()));
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = await().atMost(Browser.WAIT).until(() -> (List<Map<String, Object>>) lead
                    .asyncScript("""
                            const done = arguments[arguments.length - 1];
                            navigator.serviceWorker.ready.then(r => r.getNotifications())
                              .then(all => done(all.map(n => ({ title: n.title, body: n.body, tag: n.tag,
                                link: n.data && n.data.link }))));"""), all -> !all.isEmpty()).stream()
                    .filter(n -> order.equals(n.get("tag"))).findFirst().orElseThrow();
            assertEquals(told.get("title").asText(), shown.get("title"));
            assertEquals(told.get("text").asText(), shown.get("body"));
            assertEquals("#/work/" + order, shown.get("link"));

            // tapped: the worker's own handler opens the offer in the app's window, its session kept
            lead.driver.navigate().to(app + "#/inbox");
            lead.awaitText(By.cssSelector("main h2"), "inbox");
            String worker = devTools.attach("service_worker", app + "sw.js");
            devTools.send(worker, "Runtime.evaluate", Map.of("awaitPromise", true, "expression", """
                    self.registration.getNotifications({ tag: '%s' }).then(shown => {
                      try {
                        self.dispatchEvent(new NotificationEvent('notificationclick', { notification: shown[0] }));
                      } catch (e) {
                        // a synthetic event may not extend its life (waitUntil): the handler has acted by then
                      }
                      return shown.length;
                    })""".formatted(order)));
            await().atMost(Browser.WAIT).until(() -> lead.driver.getCurrentUrl().endsWith("#/work/" + order));
            lead.awaitText(By.cssSelector("#accept button[type=submit]"), "Accept");
        }
    }
}
