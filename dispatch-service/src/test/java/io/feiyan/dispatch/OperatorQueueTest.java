package io.feiyan.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.service.OperatorQueue;
import io.feiyan.dispatch.service.OperatorQueue.Queued;
import io.feiyan.dispatch.service.OperatorQueue.Reason;
import io.feiyan.events.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which cases need a person, and why, situation by situation; and the queue's order. */
class OperatorQueueTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration REVIEW_AFTER = Duration.ofMinutes(30);

    static Stream<Arguments> situations() {
        return Stream.of(
                Arguments.of("unserved, its one capable team declined it",
                        unserved(List.of("C1")), Set.of("C1"), Reason.DECLINED_BY_ALL),
                Arguments.of("unserved, one capable team declined and another is full",
                        unserved(List.of("C1")), Set.of("C1", "T1"), Reason.UNSERVED),
                Arguments.of("unserved, no team offers the need",
                        unserved(List.of()), Set.of(), Reason.UNSERVED),
                Arguments.of("unserved, declined by a team of another town only",
                        unserved(List.of("X1")), Set.of("C1"), Reason.UNSERVED),
                Arguments.of("waiting and being routed, not unserved",
                        inStatus(CaseStatus.WAITING), Set.of("C1"), null),
                Arguments.of("accepted, deadline passed a minute ago",
                        accepted(NOW.minusSeconds(60)), Set.of(), Reason.DEADLINE_PASSED),
                Arguments.of("accepted, deadline still ahead",
                        accepted(NOW.plusSeconds(60)), Set.of(), null),
                Arguments.of("in review 31 minutes",
                        inReview(NOW.minus(Duration.ofMinutes(31))), Set.of(), Reason.REVIEW_WAITING),
                Arguments.of("in review 29 minutes",
                        inReview(NOW.minus(Duration.ofMinutes(29))), Set.of(), null),
                Arguments.of("assigned, waiting for its team to answer",
                        inStatus(CaseStatus.ASSIGNED), Set.of(), null),
                Arguments.of("delivered", inStatus(CaseStatus.COMPLETED), Set.of(), null),
                Arguments.of("withdrawn", inStatus(CaseStatus.CANCELLED), Set.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void aCaseNeedsAPersonFor(String situation, DispatchCase c, Set<String> capable, Reason expected) {
        assertEquals(Optional.ofNullable(expected), OperatorQueue.reasonOf(c, capable, REVIEW_AFTER, NOW), situation);
    }

    @Test
    void theMostUrgentComeFirst_thenTheLongestWaiting() {
        Queued routineOld = queued(Urgency.ROUTINE, NOW.minus(Duration.ofDays(2)));
        Queued complexOlder = queued(Urgency.COMPLEX, NOW.minus(Duration.ofDays(3)));
        Queued urgentNew = queued(Urgency.URGENT, NOW.minusSeconds(60));
        Queued urgentOld = queued(Urgency.URGENT, NOW.minus(Duration.ofHours(3)));
        Queued critical = queued(Urgency.CRITICAL, NOW);
        List<Queued> queue = new ArrayList<>(List.of(routineOld, complexOlder, urgentNew, urgentOld, critical));
        queue.sort(OperatorQueue.ORDER);
        assertEquals(List.of(critical, urgentOld, urgentNew, routineOld, complexOlder), queue);
    }

    private static Queued queued(Urgency urgency, Instant since) {
        DispatchCase c = inStatus(CaseStatus.WAITING);
        c.urgency = urgency;
        return new Queued(c, Reason.UNSERVED, since, List.of());
    }

    private static DispatchCase unserved(List<String> declinedBy) {
        DispatchCase c = inStatus(CaseStatus.WAITING);
        c.unserved = true;
        c.declinedBy = new ArrayList<>(declinedBy);
        return c;
    }

    private static DispatchCase accepted(Instant deadline) {
        DispatchCase c = inStatus(CaseStatus.ACCEPTED);
        c.deadline = deadline;
        return c;
    }

    private static DispatchCase inReview(Instant placedAt) {
        DispatchCase c = inStatus(CaseStatus.IN_REVIEW);
        c.placedAt = placedAt;
        return c;
    }

    private static DispatchCase inStatus(CaseStatus status) {
        DispatchCase c = new DispatchCase();
        c.orderId = UUID.randomUUID();
        c.status = status;
        c.urgency = Urgency.ROUTINE;
        c.placedAt = NOW.minus(Duration.ofDays(1));
        return c;
    }
}
