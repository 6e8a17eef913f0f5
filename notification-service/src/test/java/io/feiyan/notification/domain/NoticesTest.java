package io.feiyan.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.FollowUpDue;
import io.feiyan.events.OfferWithdrawn;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who is told what, and when, of each kind of order event: one row a situation. */
class NoticesTest {
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID RESIDENT = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final String VILLAGE = "371322206201";
    /** Tuesday 8 January 2027, 10:00 in the county. */
    private static final Instant TUESDAY_10 = Instant.parse("2027-01-08T02:00:00Z");
    private static final Instant NOW = TUESDAY_10;

    static Stream<Arguments> situations() {
        return Stream.of(
                Arguments.of("an offer to one team: told now, reminded at half its 30 minutes",
                        facts(Urgency.ROUTINE, "V-zhao-li"), assigned(List.of("T1"), Duration.ofMinutes(30)),
                        List.of("OFFER_NEW team T1 at +0m", "OFFER_REMINDER team T1 at +15m"),
                        List.of("OFFER_REMINDER any")),
                Arguments.of("an offer to three teams at once: each told and reminded",
                        facts(Urgency.URGENT, "V-zhao-li"), assigned(List.of("T1", "T2", "T3"), Duration.ofHours(2)),
                        List.of("OFFER_NEW team T1 at +0m", "OFFER_REMINDER team T1 at +60m",
                                "OFFER_NEW team T2 at +0m", "OFFER_REMINDER team T2 at +60m",
                                "OFFER_NEW team T3 at +0m", "OFFER_REMINDER team T3 at +60m"),
                        List.of("OFFER_REMINDER any")),
                Arguments.of("taken by another team: the team whose offer is withdrawn hears who took it",
                        facts(Urgency.URGENT, "V-zhao-li"), new OfferWithdrawn(ORDER, "T2", "T1", NOW),
                        List.of("OFFER_WITHDRAWN team T2 at +0m"), List.of("OFFER_REMINDER T2")),
                Arguments.of("accepted for Thursday 10:00: volunteer and resident told now, the resident Wednesday"
                                + " 18:00, the team a quarter of the time before its deadline (at most a day)",
                        facts(Urgency.ROUTINE, "V-zhao-li"),
                        new OrderAccepted(ORDER, "T1", NOW, NOW.plus(Duration.ofDays(2)), null),
                        List.of("ORDER_ACCEPTED person V-zhao-li at +0m", "ORDER_ACCEPTED resident at +0m",
                                "VISIT_TOMORROW resident at +1920m", "DEADLINE_NEAR team T1 at +8640m"),
                        List.of("OFFER_REMINDER any")),
                Arguments.of("accepted at 19:00 for tomorrow 09:00: the eve has passed, no reminder of the visit",
                        facts(Urgency.ROUTINE, null),
                        new OrderAccepted(ORDER, "T1", NOW.plus(Duration.ofHours(9)), NOW.plus(Duration.ofHours(23)),
                                null),
                        List.of("ORDER_ACCEPTED resident at +540m", "DEADLINE_NEAR team T1 at +8640m"),
                        List.of("OFFER_REMINDER any")),
                Arguments.of("an urgent order waits: its volunteer and the operators are told",
                        facts(Urgency.URGENT, "V-zhao-li"), new OrderUnserved(ORDER, NOW),
                        List.of("ORDER_WAITING person V-zhao-li at +0m", "CASE_NEEDS_OPERATOR operators at +0m"),
                        List.of("OFFER_REMINDER any")),
                Arguments.of("a routine order placed in the app waits: nobody to tell yet",
                        facts(Urgency.ROUTINE, null), new OrderUnserved(ORDER, NOW),
                        List.of(), List.of("OFFER_REMINDER any")),
                Arguments.of("delivered: volunteer and resident told; the visit and deadline reminders are stale",
                        facts(Urgency.ROUTINE, "V-zhao-li"),
                        new OrderCompleted(ORDER, "T1", new BigDecimal("1.5"), NOW),
                        List.of("ORDER_COMPLETED person V-zhao-li at +0m", "ORDER_COMPLETED resident at +0m"),
                        List.of("DEADLINE_NEAR any", "VISIT_TOMORROW any")),
                Arguments.of("a critical order's deadline passed with its team: the operators are told",
                        facts(Urgency.CRITICAL, "V-zhao-li"), escalated(EscalationReason.DEADLINE_PASSED),
                        List.of("CASE_NEEDS_OPERATOR operators at +0m"), List.of("OFFER_REMINDER any")),
                Arguments.of("a follow-up visit is due: the volunteer who placed the order is told",
                        facts(Urgency.ROUTINE, "V-zhao-li"),
                        new FollowUpDue(ORDER, UUID.randomUUID(), VILLAGE, FollowUpDue.Reason.DISSATISFIED, NOW),
                        List.of("FOLLOW_UP_DUE person V-zhao-li at +0m"), List.of()),
                Arguments.of("a follow-up of an order the resident placed: the village's volunteers are told",
                        facts(Urgency.ROUTINE, null),
                        new FollowUpDue(ORDER, UUID.randomUUID(), VILLAGE, FollowUpDue.Reason.UNRATED, NOW),
                        List.of("FOLLOW_UP_DUE volunteers at +0m"), List.of()),
                Arguments.of("an order passed up a tier when its time to accept ran out: nobody told of that",
                        facts(Urgency.CRITICAL, "V-zhao-li"), escalated(EscalationReason.TIMEOUT),
                        List.of(), List.of("OFFER_REMINDER any")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void tellsWhoNeedsToKnow(String situation, OrderFacts order, OrderEvent event, List<String> told,
            List<String> stale) {
        Notices.Decision decision = new Notices(COUNTY).of(event, order);

        assertEquals(told, decision.tell().stream().map(NoticesTest::describe).toList());
        assertEquals(stale, decision.stale().stream()
                .map(s -> s.kind() + " " + (s.teamCode() == null ? "any" : s.teamCode())).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void criticalOnlyWhenTheOrderIs(String situation, OrderFacts order, OrderEvent event, List<String> told,
            List<String> stale) {
        new Notices(COUNTY).of(event, order).tell()
                .forEach(notice -> assertEquals(order.urgency() == Urgency.CRITICAL, notice.critical()));
    }

    private static String describe(Notice notice) {
        String who = switch (notice.audience().getClass().getSimpleName()) {
            case "TeamOf" -> "team " + ((Audience.TeamOf) notice.audience()).teamCode();
            case "Person" -> "person " + ((Audience.Person) notice.audience()).feiyanId();
            case "Resident" -> "resident";
            case "OperatorsOf" -> "operators";
            default -> "volunteers";
        };
        return notice.kind() + " " + who + " at +" + Duration.between(NOW, notice.dueAt()).toMinutes() + "m";
    }

    private static OrderFacts facts(Urgency urgency, String placedBy) {
        return new OrderFacts(ORDER, RESIDENT, VILLAGE, placedBy, "opera", urgency, null, null,
                NOW.plus(Duration.ofDays(7)));
    }

    private static OrderAssigned assigned(List<String> teams, Duration toAccept) {
        return new OrderAssigned(ORDER, teams.get(0), Tier.TOWN, "opera", NOW.plus(toAccept),
                NOW.plus(Duration.ofDays(7)), null, null, NOW, Tier.TOWN, teams, null,
                teams.size() > 1 ? teams : null, null);
    }

    private static OrderEscalated escalated(EscalationReason reason) {
        return new OrderEscalated(ORDER, Tier.TOWN, Tier.COUNTY, reason, null, null, NOW);
    }
}
