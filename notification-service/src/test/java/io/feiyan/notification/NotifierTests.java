package io.feiyan.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Urgency;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.LocalPushService;
import io.feiyan.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order events in, the notifications out: a lead who turned push on in the app hears of their team's offer, a
 * volunteer that a team accepted; what the events make stale is not sent; a push service in trouble is tried again;
 * an event heard twice tells once. The delivery log shows each as an operator reads it.
 */
@FeiyanTest
class NotifierTests {
    private static final Duration WAIT = Duration.ofSeconds(30);
    static LocalPushService push;

    @InjectEventProbe
    EventProbe probe;
    @Inject
    Rows database;

    @BeforeAll
    static void startPushService() {
        push = LocalPushService.start();
    }

    @AfterAll
    static void stopPushService() {
        push.close();
    }

    @Test
    void aLeadHearsOfTheirTeamsOffer_andNotOfItsReminderOnceTheTeamAccepted() {
        Town town = new Town();
        LocalPushService.Subscriber leadsPhone = subscribe(Identity.teamLead("L-" + town.team, town.team));
        probe.publish(new TeamUpdated(town.team, "泉源巧手队", Tier.VILLAGE, town.village, List.of("home-repair"), 3,
                true));
        // the texts name the team once its name has come (reference data may come a second late)
        await().atMost(WAIT).until(() -> database.rows("select name from team_name where code = ?", town.team)
                .contains("泉源巧手队"));
        UUID order = town.placed(Urgency.ROUTINE, "V-" + town.team);

        probe.publish(town.assigned(order, Duration.ofMinutes(30)));

        LocalPushService.Received offer = push.awaitMessage(leadsPhone.endpoint());
        assertEquals("OFFER_NEW", offer.json().get("kind").asText());
        assertEquals(order.toString(), offer.json().get("orderId").asText());
        assertTrue(offer.json().get("text").asText().startsWith("【飞燕】泉源巧手队：新订单"), offer.json().toString());
        assertEquals("#/work/" + order, offer.json().get("link").asText());
        await().atMost(WAIT).untilAsserted(() -> assertEquals(
                List.of("OFFER_NEW person:L-" + town.team + " PUSH SENT",
                        "OFFER_REMINDER person:L-" + town.team + " PUSH WAITING"), town.deliveries(order)));

        probe.publish(new OrderAccepted(order, town.team, Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> assertTrue(
                town.deliveries(order).contains("OFFER_REMINDER person:L-" + town.team + " PUSH CANCELLED"),
                town.deliveries(order).toString()));
    }

    @Test
    void theVolunteerWhoOrderedHearsThatATeamAccepted_onceEvenIfTheEventComesTwice() {
        Town town = new Town();
        String volunteer = "V-" + town.team;
        LocalPushService.Subscriber volunteersPhone = subscribe(Identity.volunteer(volunteer, town.village));
        UUID order = town.placed(Urgency.URGENT, volunteer);
        OrderAccepted accepted = new OrderAccepted(order, town.team, Instant.now());

        UUID eventId = UUID.randomUUID();
        probe.publish(accepted, eventId);
        probe.publish(accepted, eventId);

        LocalPushService.Received told = push.awaitMessage(volunteersPhone.endpoint());
        assertEquals("ORDER_ACCEPTED", told.json().get("kind").asText());
        assertEquals("#/orders/" + order, told.json().get("link").asText());
        await().atMost(WAIT).untilAsserted(() -> assertEquals(
                List.of("ORDER_ACCEPTED person:" + volunteer + " PUSH SENT"), town.deliveries(order)));
        assertEquals(1, push.received(volunteersPhone.endpoint()).size());
    }

    @Test
    void anAcceptanceReadBeforeItsOrderWasPlaced_isToldOnceThePlacingIsRead() {
        Town town = new Town();
        String volunteer = "V-" + town.team;
        LocalPushService.Subscriber volunteersPhone = subscribe(Identity.volunteer(volunteer, town.village));
        UUID order = UUID.randomUUID();

        UUID accepted = probe.publish(new OrderAccepted(order, town.team, Instant.now()));
        await().atMost(WAIT).until(() -> !database.rows("select order_id from early_event where event_id = ?",
                accepted).isEmpty());
        town.placed(order, Urgency.ROUTINE, volunteer);

        assertEquals("ORDER_ACCEPTED", push.awaitMessage(volunteersPhone.endpoint()).json().get("kind").asText());
        assertEquals(List.of(), database.rows("select order_id from early_event where event_id = ?", accepted));
    }

    @Test
    void aPushServiceInTrouble_isTriedAgain_untilItTakesTheMessage() {
        Town town = new Town();
        String volunteer = "V-" + town.team;
        LocalPushService.Subscriber volunteersPhone = subscribe(Identity.volunteer(volunteer, town.village));
        push.answer(volunteersPhone.endpoint(), 503);
        UUID order = town.placed(Urgency.ROUTINE, volunteer);

        probe.publish(new OrderAccepted(order, town.team, Instant.now()));

        await().atMost(WAIT).until(() -> town.deliveries(order).equals(
                List.of("ORDER_ACCEPTED person:" + volunteer + " PUSH WAITING"))
                && town.log(order).getInt("[0].attempts") >= 1);
        push.takeAgain(volunteersPhone.endpoint());
        await().atMost(WAIT).untilAsserted(() -> assertEquals("SENT", town.log(order).getString("[0].status")));
        assertTrue(town.log(order).getInt("[0].attempts") >= 2);
        assertEquals(1, push.received(volunteersPhone.endpoint()).size());
    }

    @Test
    void someoneTurningPushOn_startsWithTheCountysDefaults_andMayChooseQuietHours() {
        RequestSpecification lead = as(Identity.teamMember("M-" + UUID.randomUUID(), "art-light-cavalry"));
        lead.get("/api/notifications/preferences").then().statusCode(200)
                .body("channels", equalTo(List.of("PUSH"))).body("open", equalTo(List.of("PUSH")))
                .body("onDuty", equalTo(false));

        lead.contentType(ContentType.JSON).body(Map.of("channels", List.of("PUSH"), "quietHours", "23:00-06:30",
                "onDuty", true)).put("/api/notifications/preferences").then().statusCode(200)
                .body("quietHours", equalTo("23:00-06:30")).body("onDuty", equalTo(true));

        lead.contentType(ContentType.JSON).body(Map.of("channels", List.of("SMS"), "quietHours", "late"))
                .put("/api/notifications/preferences").then().statusCode(400)
                .body("errors.field", equalTo(List.of("channels", "quietHours")));
    }

    private static LocalPushService.Subscriber subscribe(Identity who) {
        String key = given().get("/api/notifications/push/key").then().statusCode(200).extract().path("publicKey");
        LocalPushService.Subscriber browser = push.subscribe(key);
        as(who).contentType(ContentType.JSON).body(browser.toJson())
                .post("/api/notifications/push/subscriptions").then().statusCode(204);
        return browser;
    }

    private static RequestSpecification as(Identity who) {
        return given().auth().oauth2(TestTokens.of(who));
    }

    /** A village and team of the test's own, and its orders' events as the other services publish them. */
    private final class Town {
        final String village = "9" + ThreadLocalRandom.current().nextInt(10_000, 100_000) + "001001";
        final String team = "team-" + village;

        UUID placed(Urgency urgency, String volunteer) {
            return placed(UUID.randomUUID(), urgency, volunteer);
        }

        UUID placed(UUID order, Urgency urgency, String volunteer) {
            probe.publish(new OrderPlaced(order, UUID.randomUUID(), "home-repair", "daily-life", false, village,
                    urgency, Channel.PROXY, volunteer, null, null, Instant.now()));
            return order;
        }

        OrderAssigned assigned(UUID order, Duration toAccept) {
            Instant now = Instant.now();
            return new OrderAssigned(order, team, Tier.VILLAGE, "home-repair", now.plus(toAccept),
                    now.plus(Duration.ofDays(7)), null, null, now, Tier.VILLAGE, List.of(team), null, null, null);
        }

        JsonPath log(UUID order) {
            return as(Identity.operator("OP-" + village, village.substring(0, 6)))
                    .get("/api/notifications?order=" + order).then().statusCode(200).extract().jsonPath();
        }

        /** "KIND recipient CHANNEL STATUS" for each of the order's deliveries, in the log's order. */
        List<String> deliveries(UUID order) {
            List<Map<String, Object>> rows = log(order).getList("$");
            return rows.stream().map(row -> row.get("kind") + " " + row.get("recipient") + " " + row.get("channel")
                    + " " + row.get("status")).toList();
        }
    }
}
