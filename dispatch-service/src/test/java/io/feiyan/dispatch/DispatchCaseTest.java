package io.feiyan.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A case's decisions in time: each to the microsecond the database keeps, each later than the one before. */
class DispatchCaseTest {
    private static final Instant NOW = Instant.parse("2026-12-07T08:44:17.123456789Z");

    @Test
    void givenADecisionMadeNow_thenItsTimeIsKeptToTheMicrosecond_andItIsHeldWhenHeardBack() {
        DispatchCase c = inReview();
        Instant approvedAt = c.approve(null, NOW).approvedAt();
        assertEquals(Instant.parse("2026-12-07T08:44:17.123456Z"), approvedAt);
        assertTrue(c.holdsDecision(approvedAt));
        assertFalse(c.holdsDecision(approvedAt.plusNanos(1000)), "a decision a microsecond later is news");
    }

    @Test
    void givenADecisionTimeTheDatabaseRounded_whenHeardBackWithMoreDigits_thenTheCaseHoldsIt() {
        DispatchCase c = inReview();
        c.decidedAt = Instant.parse("2026-12-07T08:44:17.123457Z"); // 08:44:17.123456789 as PostgreSQL keeps it
        assertTrue(c.holdsDecision(NOW));
    }

    @Test
    void givenDecisionsInOneMoment_thenEachIsAMicrosecondLaterThanTheOneBefore() {
        DispatchCase c = inReview();
        Instant approvedAt = c.approve(null, NOW).approvedAt();
        Instant unservedAt = c.markUnserved(NOW).unservedAt();
        assertEquals(approvedAt.plusNanos(1000), unservedAt);
    }

    private static DispatchCase inReview() {
        DispatchCase c = new DispatchCase();
        c.status = CaseStatus.IN_REVIEW;
        return c;
    }
}
