package io.feiyan.team;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@FeiyanTest
class VolunteerTests {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectEventProbe
    EventProbe probe;

    @Test
    void aVillagesVolunteersTakeADayOfDutyEachInTheOrderTheyJoined() {
        String village = "371322107211";
        String first = register("许凤", village, List.of(), "2026-02-01");
        String second = register("赵丽", village, List.of(), "2026-02-02");
        String third = register("王梅", village, List.of(), "2026-02-03");

        LocalDate day = LocalDate.of(2026, 12, 1);
        List<String> onDuty = List.of(duty(village, day), duty(village, day.plusDays(1)), duty(village, day.plusDays(2)));
        assertEquals(3, onDuty.stream().distinct().count(), "each takes a day in turn: " + onDuty);
        assertEquals(List.of(first, second, third), rotateToStart(onDuty, first));
        assertEquals(onDuty.get(0), duty(village, day.plusDays(3)));
    }

    @Test
    void aVolunteerNeedsAPhoneAVillageAndTeamsThatExist() {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "X", "phone", "123", "villageCode", "371322"))
                .post("/api/volunteers").then().statusCode(400)
                .body("errors.field", contains("phone", "villageCode"));
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "X", "phone", "13805391111", "villageCode", "371322107211", "teamCodes", List.of("none")))
                .post("/api/volunteers").then().statusCode(422).body("type", equalTo("https://feiyan.io/problems/unknown-team"));
        Auth.asOperatorOf("371322107").queryParam("village", "371322107299").get("/api/volunteers/on-duty")
                .then().statusCode(404);
    }

    @Test
    void givenAServiceRecord_whenTheTeamCompletes_thenEachVolunteersHoursGoIntoTheLedgerAndAddUp() {
        String team = "hours-team";
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Hours team", "tier", "VILLAGE",
                "regionCode", "371322107212")).put("/api/teams/" + team).then().statusCode(200);
        String xu = register("许凤", "371322107212", List.of(team), "2026-01-01");
        String zhao = register("赵丽", "371322107212", List.of(team), "2026-01-02");
        String outsider = register("李强", "371322107212", List.of(), "2026-01-03");
        UUID orderId = acceptedOrder(team, List.of(xu, zhao));
        Auth.asMemberOf(team).get("/api/assignments/inbox").then().statusCode(200)
                .body("scheduled.orderId", contains(orderId.toString()))
                .body("scheduled[0].crew", contains(xu, zhao));

        Auth.lead(team).contentType(ContentType.JSON)
                .body(Map.of("servedBy", List.of(Map.of("volunteerId", outsider, "hours", 1))))
                .post("/api/assignments/{id}/complete", orderId)
                .then().statusCode(422).body("type", equalTo("https://feiyan.io/problems/not-a-team-volunteer"));
        Auth.lead(team).contentType(ContentType.JSON)
                .body(Map.of("volunteerHours", 9, "servedBy", List.of(Map.of("volunteerId", xu, "hours", 2))))
                .post("/api/assignments/{id}/complete", orderId)
                .then().statusCode(400).body("field", equalTo("volunteerHours"));

        Auth.lead(team).contentType(ContentType.JSON)
                .body(Map.of("summary", "Fixed the well pump and checked the wiring", "servedBy",
                        List.of(Map.of("volunteerId", xu, "hours", 2), Map.of("volunteerId", zhao, "hours", 1.5))))
                .post("/api/assignments/{id}/complete", orderId)
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("volunteerHours", equalTo(3.5f));

        assertEquals(0, new BigDecimal("3.5").compareTo(payload(probe.await(Topics.ORDERS_COMPLETED, keyed(orderId),
                WAIT), OrderCompleted.class).volunteerHours()));
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        Auth.asMemberOf(team).get("/api/volunteers/{id}/hours", xu).then().statusCode(200)
                .body("total", equalTo(2.0f)).body("stars", equalTo(0)).body("toNextStar", equalTo(98.0f))
                .body("byMonth[0].month", equalTo(month));
        Auth.asMemberOf(team).queryParam("month", month).get("/api/teams/{code}/hours", team).then().statusCode(200)
                .body("total", equalTo(3.5f))
                .body("byVolunteer.name", contains("许凤", "赵丽"));
        Auth.asOperatorOf("371322107").get("/api/volunteers/{id}/record", xu).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Fixed the well pump and checked the wiring"))
                .body(containsString("Total 2 hours"));
    }

    @Test
    void aTeamsMonthIsTheSumOfItsCompletionsHours_thoseThatNamedNoOneIncluded() {
        String team = "unnamed-hours-team";
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Unnamed hours team", "tier", "VILLAGE",
                "regionCode", "371322107213")).put("/api/teams/" + team).then().statusCode(200);
        String wang = register("王静", "371322107213", List.of(team), "2026-01-01");
        UUID named = acceptedOrder(team, List.of(wang));
        UUID unnamed = acceptedOrder(team, List.of());

        Auth.lead(team).contentType(ContentType.JSON)
                .body(Map.of("servedBy", List.of(Map.of("volunteerId", wang, "hours", 2))))
                .post("/api/assignments/{id}/complete", named).then().statusCode(200);
        Auth.lead(team).contentType(ContentType.JSON).body(Map.of("volunteerHours", 3))
                .post("/api/assignments/{id}/complete", unnamed).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        Auth.asMemberOf(team).queryParam("month", month).get("/api/teams/{code}/hours", team).then().statusCode(200)
                .body("total", equalTo(5.0f))
                .body("unattributed", equalTo(3.0f))
                .body("byVolunteer.name", contains("王静"))
                .body("byVolunteer.hours", contains(2.0f));
        Auth.asMemberOf(team).get("/api/volunteers/{id}/hours", wang).then().statusCode(200)
                .body("total", equalTo(2.0f));
    }

    @Test
    void aNeedSolvedOnTheSpot_isCompletedByTheVolunteersVillageTeam_atOnce_withTheirHoursInTheLedger() {
        String village = "371322107214";
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Spot village team", "tier", "VILLAGE",
                "regionCode", village)).put("/api/teams/spot-village-a").then().statusCode(200);
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Spot village team B", "tier", "VILLAGE",
                "regionCode", village)).put("/api/teams/spot-village-b").then().statusCode(200);
        String li = register("李秀芝", village, List.of("spot-village-b"), "2025-03-01");
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = new OrderPlaced(orderId, UUID.randomUUID(), "elderly-visit", "ELDERLY_CARE", false, village,
                Urgency.ROUTINE, Channel.PROXY, "V-li", null, null, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                new OrderPlaced.SolvedOnTheSpot(UUID.fromString(li), new BigDecimal("1.5")));
        probe.publish(placed);

        OrderCompleted completed = payload(probe.await(Topics.ORDERS_COMPLETED, keyed(orderId), WAIT),
                OrderCompleted.class);
        assertEquals("spot-village-b", completed.teamCode(), "the village team the volunteer serves in");
        assertEquals(new BigDecimal("1.5"), completed.volunteerHours());
        Auth.asAdmin().get("/api/assignments/{id}", orderId).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("crew", contains(li));
        Auth.asMemberOf("spot-village-b").get("/api/volunteers/{id}/hours", li).then().statusCode(200)
                .body("total", equalTo(1.5f));
        assertEquals(1, Published.about(probe, Topics.ORDERS_COMPLETED, orderId).size(), "completed once");
    }

    private UUID acceptedOrder(String team, List<String> crew) {
        UUID orderId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        probe.publish(new OrderAssigned(orderId, team, Tier.VILLAGE, "pump-repair", now.plusSeconds(3600),
                now.plus(Duration.ofDays(7)), null, null, now));
        await().atMost(WAIT).untilAsserted(() -> Auth.asAdmin().get("/api/assignments/{id}", orderId).then().statusCode(200));
        Auth.lead(team).contentType(ContentType.JSON)
                .body(Map.of("volunteerIds", crew, "scheduledFor", Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/api/assignments/{id}/accept", orderId).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        return orderId;
    }

    /** Registered by an operator of the village's town. */
    private static String register(String name, String village, List<String> teams, String joinedOn) {
        return Auth.asOperatorOf(village.substring(0, 9)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "phone", "13805391111", "villageCode", village, "teamCodes", teams,
                        "skills", List.of("repairs"), "joinedOn", joinedOn))
                .post("/api/volunteers").then().statusCode(201).extract().path("volunteerId");
    }

    private static String duty(String village, LocalDate day) {
        return Auth.asVolunteerOf(village).queryParam("village", village).queryParam("date", day.toString())
                .get("/api/volunteers/on-duty")
                .then().statusCode(200).extract().path("volunteer.volunteerId");
    }

    private static List<String> rotateToStart(List<String> rota, String first) {
        int start = rota.indexOf(first);
        return List.of(rota.get(start), rota.get((start + 1) % 3), rota.get((start + 2) % 3));
    }
}
