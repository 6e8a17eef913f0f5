package io.feiyan.feedback;

import static io.feiyan.feedback.Auth.asAdmin;
import static io.feiyan.feedback.Auth.asAnalyst;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.OfferWithdrawn;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCancelled.CancelReason;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.Tier;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three rates and the demand, from events published as the other services publish them. Each test has a
 * county of its own; its orders:
 * <pre>
 *   A  town 1  CULTURE opera   approved, assigned X, accepted in time, completed, rated 5
 *   B  town 1  DAILY_LIFE text approved, assigned Y, accepted late, completed, rated 2, reopened
 *   C  town 2  CULTURE opera   approved, assigned X (missed), assigned Z, accepted in time
 *   D  town 2  DAILY_LIFE text never approved
 *   E  town 2  CULTURE opera   placed and approved at 01:00 on 1 April in the county (still March in UTC),
 *                              assigned X, accepted in time
 * </pre>
 */
@FeiyanTest
class MetricsTests {
    private static final Instant T = Instant.parse("2025-03-10T02:00:00Z");
    private static final Instant APRIL_FIRST_1AM_IN_THE_COUNTY = Instant.parse("2025-03-31T17:00:00Z");

    @InjectEventProbe
    EventProbe probe;

    private Scenario scenario;
    private String county;

    @BeforeEach
    void open() {
        scenario = new Scenario(probe);
        county = Scenario.newCounty();
        placeOrders();
    }

    @Test
    void theThreeRatesOfTheCounty() {
        asAnalyst().get("/api/metrics/rates?region=" + county).then().statusCode(200)
                .body("rows[0].assigned", equalTo(5))
                .body("rows[0].acceptedInTime", equalTo(3))
                .body("rows[0].responseRate", equalTo(0.6f))
                .body("rows[0].approved", equalTo(4))
                .body("rows[0].resolved", equalTo(1))
                .body("rows[0].resolutionRate", equalTo(0.25f))
                .body("rows[0].rated", equalTo(2))
                .body("rows[0].satisfied", equalTo(1))
                .body("rows[0].satisfactionRate", equalTo(0.5f));
    }

    @Test
    void byMonth_eachFigureCountsInTheCountysMonthOfItsOwnMoment() {
        asAnalyst().get("/api/metrics/rates?by=month&region=" + county).then().statusCode(200)
                .body("rows.month", equalTo(List.of("2025-03", "2025-04")))
                .body("rows[0].assigned", equalTo(4)).body("rows[0].acceptedInTime", equalTo(2))
                .body("rows[0].approved", equalTo(3)).body("rows[0].resolved", equalTo(1))
                .body("rows[0].resolutionRate", equalTo(0.3333f))
                .body("rows[0].rated", equalTo(2)).body("rows[0].satisfied", equalTo(1))
                .body("rows[1].assigned", equalTo(1)).body("rows[1].acceptedInTime", equalTo(1))
                .body("rows[1].approved", equalTo(1)).body("rows[1].resolved", equalTo(0))
                .body("rows[1].rated", equalTo(0)).body("rows[1].satisfactionRate", nullValue());

        asAnalyst().get("/api/metrics/rates?from=2025-04&to=2025-04&region=" + county).then()
                .body("rows[0].assigned", equalTo(1));
    }

    @Test
    void byTeam_responseCountsTheTeamAssigned_resolutionTheLastAssigned_satisfactionTheOneThatDelivered() {
        asAnalyst().get("/api/metrics/rates?by=team&region=" + county).then().statusCode(200)
                .body("rows.team", equalTo(List.of("team-x", "team-y", "team-z")))
                .body("rows[0].assigned", equalTo(3)).body("rows[0].acceptedInTime", equalTo(2))
                .body("rows[0].approved", equalTo(2)).body("rows[0].resolved", equalTo(1))
                .body("rows[0].rated", equalTo(1)).body("rows[0].satisfied", equalTo(1))
                .body("rows[1].assigned", equalTo(1)).body("rows[1].acceptedInTime", equalTo(0))
                .body("rows[1].approved", equalTo(1)).body("rows[1].resolved", equalTo(0))
                .body("rows[1].rated", equalTo(1)).body("rows[1].satisfied", equalTo(0))
                .body("rows[2].assigned", equalTo(1)).body("rows[2].acceptedInTime", equalTo(1))
                .body("rows[2].approved", equalTo(1)).body("rows[2].resolved", equalTo(0))
                .body("rows[2].rated", equalTo(0));
    }

    @Test
    void byTownAndCategory_asCsv() {
        String csv = asAnalyst().accept("text/csv").get("/api/metrics/rates?by=town,category&region=" + county)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();

        assertEquals(List.of(
                "town,category,assigned,acceptedInTime,responseRate,approved,resolved,resolutionRate,rated,satisfied,satisfactionRate",
                county + "001,CULTURE,1,1,1.0000,1,1,1.0000,1,1,1.0000",
                county + "001,DAILY_LIFE,1,0,0.0000,1,0,0.0000,1,0,0.0000",
                county + "002,CULTURE,3,2,0.6667,2,0,0.0000,0,0,"), csv.lines().toList());
        assertEquals(csv, asAnalyst().get("/api/metrics/rates?by=town,category&format=csv&region=" + county).asString());
    }

    @Test
    void demand_byCategoryAndProject_withTheNeedsNoProjectCovered() {
        asAnalyst().get("/api/metrics/demand?by=category,project&region=" + county).then().statusCode(200)
                .body("rows.category", equalTo(List.of("CULTURE", "DAILY_LIFE")))
                .body("rows.project", equalTo(Arrays.asList("culture-opera", null)))
                .body("rows.orders", equalTo(List.of(3, 2)))
                .body("rows.freeText", equalTo(List.of(0, 2)));
        asAnalyst().get("/api/metrics/demand?by=village,month&region=" + county).then()
                .body("rows.month", equalTo(List.of("2025-03", "2025-03", "2025-04")))
                .body("rows.orders", equalTo(List.of(2, 2, 1)));
    }

    @Test
    void replayingEveryTopicIntoEmptyTablesGivesTheSameFigures() {
        String before = figures();

        asAdmin().post("/api/metrics/rebuild").then().statusCode(200).body("events", greaterThan(20));

        assertEquals(before, figures());
        asAnalyst().get("/api/metrics/rates?region=" + county).then().body("rows[0].assigned", equalTo(5));
    }

    @Test
    void givenEventsArrivingWhileTheMetricsAreRebuilt_thenNoneIsLost() throws Exception {
        String busy = Scenario.newCounty();
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            orders.add(scenario.placed(busy + "001001", "CULTURE", "culture-opera", T));
        }
        AtomicInteger sent = new AtomicInteger();
        Thread approvals = new Thread(() -> {
            for (UUID order : orders) {
                scenario.approved(order, T.plusSeconds(60));
                sent.incrementAndGet();
                LockSupport.parkNanos(Duration.ofMillis(3).toNanos());
            }
        });
        approvals.start();
        await().atMost(Scenario.WAIT).until(() -> sent.get() >= 100);

        asAdmin().post("/api/metrics/rebuild").then().statusCode(200);
        assertTrue(approvals.isAlive(), "the rebuild ran while approvals kept coming");
        approvals.join();

        await().atMost(Scenario.WAIT).untilAsserted(() -> asAnalyst().get("/api/metrics/rates?region=" + busy)
                .then().body("rows[0].approved", equalTo(400)));
    }

    @Test
    void aTeamAssignedTheSameOrderTwice_hasItsOneAcceptanceCountedForTheLaterAssignmentOnly() {
        String other = Scenario.newCounty();
        UUID order = scenario.placed(other + "001001", "CULTURE", "culture-opera", T);
        scenario.approved(order, T);
        scenario.assigned(order, "team-x", T.plusSeconds(60), Duration.ofHours(2));
        scenario.assigned(order, "team-x", T.plusSeconds(600), Duration.ofHours(2)); // an operator gives it again
        scenario.accepted(order, "team-x", T.plusSeconds(900));

        await().atMost(Scenario.WAIT).untilAsserted(() -> asAnalyst().get("/api/metrics/rates?region=" + other)
                .then().body("rows[0].assigned", equalTo(2)).body("rows[0].acceptedInTime", equalTo(1)));
    }

    @Test
    void givenAnOrderOfferedToSeveralTeamsAtOnce_thenEachHadAnOffer_butOneWithdrawnIsNeitherAnsweredNorMissed() {
        String other = Scenario.newCounty();
        UUID order = scenario.placed(other + "001001", "CULTURE", "culture-opera", T);
        scenario.approved(order, T);
        List<String> teams = List.of("team-p", "team-q", "team-r");
        probe.publish(new OrderAssigned(order, "team-p", Tier.VILLAGE, "culture-opera", T.plus(Duration.ofHours(2)),
                T.plus(Duration.ofHours(24)), null, null, T.plusSeconds(60), Tier.VILLAGE, teams, false, teams));
        // team-r declined: a missed offer; team-q took it first, so team-p's offer was withdrawn
        Instant taken = T.plus(Duration.ofMinutes(10));
        scenario.accepted(order, "team-q", taken);
        probe.publish(new OfferWithdrawn(order, "team-p", "team-q", taken));

        await().atMost(Scenario.WAIT).untilAsserted(() -> asAnalyst().get("/api/metrics/rates?by=team&region=" + other)
                .then().body("rows.team", equalTo(List.of("team-q", "team-r")))
                .body("rows[0].assigned", equalTo(1)).body("rows[0].acceptedInTime", equalTo(1))
                .body("rows[0].approved", equalTo(1))
                .body("rows[1].assigned", equalTo(1)).body("rows[1].acceptedInTime", equalTo(0))
                .body("rows[1].approved", equalTo(0)));
        asAnalyst().get("/api/metrics/rates?region=" + other).then()
                .body("rows[0].assigned", equalTo(2)).body("rows[0].responseRate", equalTo(0.5f));
    }

    @Test
    void anEventHeardTwiceCountsOnce() {
        UUID orderId = scenario.placed(county + "003001", "CULTURE", "culture-opera", T);
        UUID approval = UUID.randomUUID();
        probe.publish(new OrderApproved(orderId, null, T), approval);
        probe.publish(new OrderApproved(orderId, null, T), approval);

        await().atMost(Scenario.WAIT).untilAsserted(() -> asAnalyst().get("/api/metrics/rates?region=" + county)
                .then().body("rows[0].approved", equalTo(5)));
        asAdmin().post("/api/metrics/rebuild").then().statusCode(200);
        asAnalyst().get("/api/metrics/rates?region=" + county).then().body("rows[0].approved", equalTo(5));
    }

    @Test
    void analystsOperatorsAndAdminsReadTheFigures_onlyAnAdminRebuildsThem() {
        asAnalyst().get("/api/metrics/rates?region=" + county).then().statusCode(200);
        Auth.as(Identity.operator("OP-county", "371322")).get("/api/metrics/demand").then().statusCode(200);
        Auth.asVolunteerOf(county + "001001").get("/api/metrics/rates").then().statusCode(403)
                .contentType("application/problem+json");
        asAnalyst().post("/api/metrics/rebuild").then().statusCode(403);
        given().get("/api/metrics/rates").then().statusCode(401);
    }

    @Test
    void anUnknownBreakdownOrMonthOrRegionIsRefusedWithTheReason() {
        asAnalyst().get("/api/metrics/rates?by=planet&from=March&region=12").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("by", "from", "region")));
        asAnalyst().get("/api/metrics/demand?by=team").then().statusCode(400)
                .body("errors[0].reason", startsWith("'team' is not one of county, town, village, category"));
        asAnalyst().get("/api/metrics/rates?format=xml").then().statusCode(400).body("field", equalTo("format"));
        asAnalyst().get("/api/metrics/rates?from=2025-04&to=2025-03").then().statusCode(400)
                .body("errors.field", hasItem("to"));
    }

    private String figures() {
        return asAnalyst().get("/api/metrics/rates?by=town,team,category,month&region=" + county).asString()
                + asAnalyst().get("/api/metrics/demand?by=village,category,project,month&region=" + county).asString();
    }

    @Test
    void dispatchQuality_whereOrdersWereServed_howSoon_andTheDeadlinesMissed() {
        String region = Scenario.newCounty();
        String village = region + "001001";
        Instant t = T;
        UUID p = scenario.placed(village, "ELDERLY_CARE", "elderly-visit", t);
        assigned(p, "vt", Tier.VILLAGE, Tier.VILLAGE, t.plus(Duration.ofMinutes(2)), t.plus(Duration.ofDays(7)));
        scenario.accepted(p, "vt", t.plus(Duration.ofMinutes(10)));
        scenario.completed(p, "vt", t.plus(Duration.ofDays(1)));

        UUID q = scenario.placed(village, "ELDERLY_CARE", "elderly-visit", t);
        assigned(q, "tt", Tier.TOWN, Tier.VILLAGE, t.plus(Duration.ofMinutes(5)), t.plus(Duration.ofHours(1)));
        scenario.accepted(q, "tt", t.plus(Duration.ofMinutes(30)));
        probe.publish(new OrderEscalated(q, Tier.TOWN, Tier.COUNTY, EscalationReason.DEADLINE_PASSED, null, "overdue",
                t.plus(Duration.ofMinutes(61))));
        scenario.completed(q, "tt", t.plus(Duration.ofHours(3)));

        UUID r = scenario.placed(village, "CULTURE", "culture-opera", t);
        assigned(r, "ct", Tier.COUNTY, Tier.COUNTY, t.plus(Duration.ofMinutes(10)), t.plus(Duration.ofHours(2)));
        scenario.accepted(r, "ct", t.plus(Duration.ofMinutes(20)));

        scenario.placed(village, "CULTURE", "culture-opera", t); // no team yet

        await().atMost(Scenario.WAIT).untilAsserted(() -> asAnalyst().get("/api/metrics/dispatch?region=" + region)
                .then().statusCode(200)
                .body("rows[0].orders", equalTo(4))
                .body("rows[0].served", equalTo(3))
                .body("rows[0].servedInVillage", equalTo(0.3333f))
                .body("rows[0].servedInTown", equalTo(0.3333f))
                .body("rows[0].servedInCounty", equalTo(0.3333f))
                .body("rows[0].servedAtLowestCapableTier", equalTo(0.6667f))
                .body("rows[0].assignedP50Minutes", equalTo(5))
                .body("rows[0].acceptedP50Minutes", equalTo(20))
                .body("rows[0].deadlinesMissed", equalTo(2))
                .body("rows[0].deadlinesMissedNotEscalated", equalTo(1)));
        asAnalyst().get("/api/metrics/dispatch?by=team&region=" + region).then().statusCode(200)
                .body("rows.team", hasItems("vt", "tt", "ct"));
    }

    @Test
    void dispatchQuality_unservedWaits_withdrawnOrders_andEachTeamsLoadAgainstItsFairShare() {
        String region = Scenario.newCounty();
        String village = region + "001001";
        Instant t = T;
        Instant week = t.plus(Duration.ofDays(7));
        // three visits either village team could take: "a" serves two, "b" one
        for (String team : List.of("a", "a", "b")) {
            UUID visit = scenario.placed(village, "ELDERLY_CARE", "elderly-visit", t);
            assigned(visit, team, Tier.VILLAGE, Tier.VILLAGE, t.plus(Duration.ofMinutes(1)), week, List.of("a", "b"));
            scenario.accepted(visit, team, t.plus(Duration.ofMinutes(2)));
        }
        // an opera no team could take for an hour, then the county's one troupe
        UUID opera = scenario.placed(village, "CULTURE", "culture-opera", t);
        probe.publish(new OrderUnserved(opera, t.plus(Duration.ofMinutes(1))));
        assigned(opera, "troupe", Tier.COUNTY, Tier.COUNTY, t.plus(Duration.ofMinutes(61)), week, List.of("troupe"));
        scenario.accepted(opera, "troupe", t.plus(Duration.ofMinutes(70)));
        // one that waited unserved three hours until the resident cancelled, one rejected at review: neither is
        // counted as waiting for ever
        UUID cancelled = scenario.placed(village, "CULTURE", "culture-opera", t);
        probe.publish(new OrderUnserved(cancelled, t.plus(Duration.ofMinutes(1))));
        probe.publish(new OrderCancelled(cancelled, CancelReason.NO_LONGER_NEEDED, t.plus(Duration.ofMinutes(181))));
        UUID rejected = scenario.placed(village, "DAILY_LIFE", null, t);
        probe.publish(new OrderRejected(rejected, "a builder's job", "op", t.plus(Duration.ofMinutes(5))));
        // a team that let its hour pass, asked again and accepting then: one offer in the response rate, not in time
        UUID night = scenario.placed(village, "LEGAL_AID", "legal-consult", t);
        assigned(night, "night-team", Tier.COUNTY, Tier.COUNTY, t, week, List.of("night-team"));
        probe.publish(new OrderAssigned(night, "night-team", Tier.COUNTY, null, t.plus(Duration.ofMinutes(121)), week,
                null, null, t.plus(Duration.ofMinutes(61)), Tier.COUNTY, List.of("night-team"), true));
        scenario.accepted(night, "night-team", t.plus(Duration.ofMinutes(70)));

        await().atMost(Scenario.WAIT).untilAsserted(() -> asAnalyst().get("/api/metrics/dispatch?region=" + region)
                .then().statusCode(200)
                .body("rows[0].orders", equalTo(7))
                .body("rows[0].served", equalTo(5))
                .body("rows[0].waitedUnserved", equalTo(2))
                .body("rows[0].unservedLongestMinutes", equalTo(180))
                .body("rows[0].acceptedP90Minutes", equalTo(70)));
        asAnalyst().get("/api/metrics/loads?region=" + region).then().statusCode(200)
                .body("rows.team", contains("a", "night-team", "troupe", "b"))
                .body("rows.served", contains(2, 1, 1, 1))
                .body("rows.fairShare", contains(1.5f, 1.0f, 1.0f, 1.5f))
                .body("rows.load", contains(1.33f, 1.0f, 1.0f, 0.67f));
        asAnalyst().get("/api/metrics/rates?region=" + region).then().statusCode(200)
                .body("rows[0].assigned", equalTo(5))
                .body("rows[0].acceptedInTime", equalTo(4));
    }

    private void assigned(UUID order, String team, Tier tier, Tier lowest, Instant at, Instant deadline) {
        assigned(order, team, tier, lowest, at, deadline, null);
    }

    private void assigned(UUID order, String team, Tier tier, Tier lowest, Instant at, Instant deadline,
            List<String> peers) {
        probe.publish(new OrderAssigned(order, team, tier, null, at.plus(Duration.ofHours(1)), deadline, null, null,
                at, lowest, peers, false));
    }

    private void placeOrders() {
        String town1 = county + "001001";
        String town2 = county + "002001";
        Duration twoHours = Duration.ofHours(2);
        Duration day = Duration.ofDays(1);

        UUID a = scenario.placed(town1, "CULTURE", "culture-opera", T);
        scenario.approved(a, T.plusSeconds(60));
        scenario.assigned(a, "team-x", T.plusSeconds(120), twoHours);
        scenario.accepted(a, "team-x", T.plusSeconds(600));
        scenario.completed(a, "team-x", T.plus(day));
        scenario.rated(a, 5, T.plus(day.multipliedBy(2)));

        UUID b = scenario.placed(town1, "DAILY_LIFE", null, T);
        scenario.approved(b, T.plusSeconds(60));
        scenario.assigned(b, "team-y", T.plusSeconds(120), Duration.ofMinutes(30));
        scenario.accepted(b, "team-y", T.plus(Duration.ofHours(1)));
        scenario.completed(b, "team-y", T.plus(day));
        scenario.rated(b, 2, T.plus(day.multipliedBy(2)));
        scenario.reopened(b, T.plus(day.multipliedBy(3)));

        UUID c = scenario.placed(town2, "CULTURE", "culture-opera", T);
        scenario.accepted(c, "team-z", T.plus(Duration.ofMinutes(40))); // heard before its assignment
        scenario.approved(c, T.plusSeconds(60));
        scenario.assigned(c, "team-x", T.plusSeconds(120), Duration.ofMinutes(30));
        scenario.assigned(c, "team-z", T.plus(Duration.ofMinutes(35)), twoHours);

        scenario.placed(town2, "DAILY_LIFE", null, T);

        UUID e = scenario.placed(town2, "CULTURE", "culture-opera", APRIL_FIRST_1AM_IN_THE_COUNTY);
        scenario.approved(e, APRIL_FIRST_1AM_IN_THE_COUNTY.plusSeconds(60));
        scenario.assigned(e, "team-x", APRIL_FIRST_1AM_IN_THE_COUNTY.plusSeconds(120), twoHours);
        scenario.accepted(e, "team-x", APRIL_FIRST_1AM_IN_THE_COUNTY.plusSeconds(600));

        await().atMost(Scenario.WAIT).untilAsserted(() -> asAnalyst().get("/api/metrics/rates?region=" + county)
                .then().body("rows[0].assigned", equalTo(5)).body("rows[0].acceptedInTime", equalTo(3))
                .body("rows[0].approved", equalTo(4)).body("rows[0].resolved", equalTo(1))
                .body("rows[0].rated", equalTo(2)).body("rows[0].satisfied", equalTo(1)));
        await().atMost(Scenario.WAIT).untilAsserted(() -> asAnalyst().get("/api/metrics/demand?region=" + county)
                .then().body("rows[0].orders", equalTo(5)));
    }
}
