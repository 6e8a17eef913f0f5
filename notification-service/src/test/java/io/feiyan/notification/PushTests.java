package io.feiyan.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.feiyan.notification.channels.Message;
import io.feiyan.notification.channels.Outcome;
import io.feiyan.notification.channels.PushChannel;
import io.feiyan.notification.domain.Kind;
import io.feiyan.notification.domain.Recipient;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.LocalPushService;
import io.feiyan.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Web Push to the app, against a push service of the tests' own that checks the VAPID token and decrypts each
 * message as a browser would: a person subscribes through the REST API as the app does, and is told.
 */
@FeiyanTest
class PushTests {
    static LocalPushService push;
    static ExecutorService sender;

    @Inject
    PushChannel channel;
    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void startPushService() {
        push = LocalPushService.start();
        sender = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stopPushService() {
        push.close();
        sender.shutdownNow();
    }

    @Test
    void aLeadSubscribedThroughTheApi_isToldAnOffer_signedAndEncryptedForTheirBrowser() throws SQLException {
        String lead = lead();
        LocalPushService.Subscriber browser = subscribe(lead);
        assertTrue(channel.reaches(Recipient.person(lead)));
        // known here from now on, as their token says: their team's offers are theirs to hear
        assertEquals(List.of("art-light-cavalry"), rows("select team_code from person where feiyan_id = ?", lead));

        UUID orderId = UUID.randomUUID();
        Message offer = new Message(UUID.randomUUID(), Kind.OFFER_NEW, orderId, true, "新派单：戏曲进村",
                "30 分钟内接单", "#/work/" + orderId);
        assertInstanceOf(Outcome.Sent.class, send(Recipient.person(lead), offer));

        LocalPushService.Received received = push.awaitMessage(browser.endpoint());
        assertEquals(Map.of("title", "新派单：戏曲进村", "text", "30 分钟内接单", "link", "#/work/" + orderId,
                "orderId", orderId.toString(), "kind", "OFFER_NEW", "critical", true),
                new com.fasterxml.jackson.databind.ObjectMapper().convertValue(received.json(), Map.class));
        assertEquals("high", received.urgency());
        assertEquals(86_400, received.ttl());
        assertEquals("mailto:notifications@feiyan.local", received.contact());
        assertTrue(received.topic().matches("[A-Za-z0-9_-]{1,32}"), "a topic of base64url: " + received.topic());
        assertEquals(List.of(), push.refused());
    }

    @Test
    void aRoutineMessageIsOfNormalUrgency_andEachOfThePersonsBrowsersHasIt() {
        String volunteer = "V-" + UUID.randomUUID();
        LocalPushService.Subscriber phone = subscribe(volunteer);
        LocalPushService.Subscriber tablet = subscribe(volunteer);

        assertInstanceOf(Outcome.Sent.class, send(Recipient.person(volunteer), accepted()));

        assertEquals("normal", push.awaitMessage(phone.endpoint()).urgency());
        assertEquals("ORDER_ACCEPTED", push.awaitMessage(tablet.endpoint()).json().get("kind").asText());
    }

    @Test
    void aSubscriptionThePushServiceSaysIsGone_isDroppedAndReported_andThePersonIsUnreachable() throws SQLException {
        String lead = lead();
        LocalPushService.Subscriber browser = subscribe(lead);
        push.answer(browser.endpoint(), 410);

        Outcome outcome = send(Recipient.person(lead), accepted());

        assertInstanceOf(Outcome.Unreachable.class, outcome);
        assertFalse(channel.reaches(Recipient.person(lead)));
        assertEquals(List.of(), rows("select endpoint from push_subscription where feiyan_id = ?", lead));
        List<String> dead = rows("select channel || ' ' || reason from dead_address where recipient = ?",
                "person:" + lead);
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).startsWith("PUSH push service answered 410"), dead.get(0));
    }

    @Test
    void aPushServiceInTrouble_isAPassingFailure_andTheSubscriptionStays() throws SQLException {
        String lead = lead();
        LocalPushService.Subscriber browser = subscribe(lead);
        push.answer(browser.endpoint(), 500);

        Outcome outcome = send(Recipient.person(lead), accepted());

        assertInstanceOf(Outcome.Failed.class, outcome);
        assertTrue(((Outcome.Failed) outcome).reason().contains("500"), outcome.toString());
        assertEquals(List.of(browser.endpoint()),
                rows("select endpoint from push_subscription where feiyan_id = ?", lead));
    }

    @Test
    void someoneWithoutASubscription_orAResident_isNotReached() {
        assertFalse(channel.reaches(Recipient.person("nobody-" + UUID.randomUUID())));
        assertInstanceOf(Outcome.Unreachable.class, send(Recipient.person("nobody"), accepted()));
        assertFalse(channel.reaches(Recipient.resident(UUID.randomUUID())));
    }

    @Test
    void turnedOff_theBrowsersSubscriptionIsForgotten_butOnlyByItsOwner() {
        String lead = lead();
        LocalPushService.Subscriber browser = subscribe(lead);

        as("someone-else").queryParam("endpoint", browser.endpoint())
                .delete("/api/notifications/push/subscriptions").then().statusCode(204);
        assertTrue(channel.reaches(Recipient.person(lead)));

        as(lead).queryParam("endpoint", browser.endpoint())
                .delete("/api/notifications/push/subscriptions").then().statusCode(204);
        assertFalse(channel.reaches(Recipient.person(lead)));
    }

    @Test
    void aBrowserUsedByAnotherPerson_isTheirsFromNowOn() {
        LocalPushService.Subscriber browser = subscribe("L-first");
        as("L-second").contentType(ContentType.JSON).body(browser.toJson())
                .post("/api/notifications/push/subscriptions").then().statusCode(204);

        assertTrue(channel.reaches(Recipient.person("L-second")));
        assertFalse(channel.reaches(Recipient.person("L-first")));
    }

    @Test
    void theKeyIsForAnyone_butASubscriptionIsForSomeoneSignedIn() {
        given().get("/api/notifications/push/key").then().statusCode(200)
                .body("publicKey", equalTo(serverKey()));
        given().contentType(ContentType.JSON).body(push.subscribe(serverKey()).toJson())
                .post("/api/notifications/push/subscriptions").then().statusCode(401);
    }

    @Test
    void aSubscriptionThatIsNotABrowsers_isRefusedWithTheReasons() {
        LocalPushService.Subscriber browser = push.subscribe(serverKey());
        as(lead()).contentType(ContentType.JSON)
                .body(Map.of("endpoint", "ftp://push.example.org/x", "keys",
                        Map.of("p256dh", browser.p256dh().substring(1), "auth", "short")))
                .post("/api/notifications/push/subscriptions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/invalid-request"))
                .body("errors.field", equalTo(List.of("endpoint", "keys.p256dh", "keys.auth")));
        // 65 bytes of the right form that are no point of the curve
        String notAPoint = "B" + "A".repeat(86);
        as(lead()).contentType(ContentType.JSON)
                .body(Map.of("endpoint", browser.endpoint(), "keys", Map.of("p256dh", notAPoint, "auth", browser.auth())))
                .post("/api/notifications/push/subscriptions").then().statusCode(400)
                .body("errors.field", equalTo(List.of("keys.p256dh")));
        as(lead()).contentType(ContentType.JSON)
                .body(Map.of("endpoint", browser.endpoint(), "keys", Map.of("p256dh", browser.p256dh())))
                .post("/api/notifications/push/subscriptions").then().statusCode(400)
                .body("errors.field", equalTo(List.of("keys.auth")));
    }

    /** As the delivery loop sends: from a thread of its own, outside any request. */
    private Outcome send(Recipient recipient, Message message) {
        return CompletableFuture.supplyAsync(() -> channel.send(recipient, message), sender).join();
    }

    /** As the app does: the server's key, a subscription made with it, POSTed as the signed-in person. */
    private static LocalPushService.Subscriber subscribe(String feiyanId) {
        LocalPushService.Subscriber browser = push.subscribe(serverKey());
        as(feiyanId).contentType(ContentType.JSON).body(browser.toJson())
                .post("/api/notifications/push/subscriptions").then().statusCode(204);
        return browser;
    }

    private static String serverKey() {
        return given().get("/api/notifications/push/key").then().statusCode(200).extract().path("publicKey");
    }

    private static RequestSpecification as(String feiyanId) {
        return given().auth().oauth2(TestTokens.of(Identity.teamLead(feiyanId, "art-light-cavalry")));
    }

    private static String lead() {
        return "L-" + UUID.randomUUID();
    }

    private static Message accepted() {
        UUID orderId = UUID.randomUUID();
        return new Message(UUID.randomUUID(), Kind.ORDER_ACCEPTED, orderId, false, "Accepted", "They come tomorrow",
                "#/orders/" + orderId);
    }

    private List<String> rows(String sql, String parameter) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        }
    }
}
