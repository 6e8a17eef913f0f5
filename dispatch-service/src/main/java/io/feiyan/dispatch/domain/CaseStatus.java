package io.feiyan.dispatch.domain;

public enum CaseStatus {
    /** A free-text need, waiting for an operator's review (审核). */
    IN_REVIEW,
    /** Approved, but no team can take it yet (none offers it, or all are full); retried as the directory changes. */
    WAITING,
    ASSIGNED,
    ACCEPTED,
    COMPLETED,
    /** Withdrawn by the resident before a team accepted it. */
    CANCELLED;

    public boolean isBefore(CaseStatus other) {
        return compareTo(other) < 0;
    }
}
