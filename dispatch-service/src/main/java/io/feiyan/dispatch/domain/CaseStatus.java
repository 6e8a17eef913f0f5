package io.feiyan.dispatch.domain;

public enum CaseStatus {
    /** Approved, but no team can take it yet (none offers it, or all are full); retried as the directory changes. */
    WAITING,
    ASSIGNED,
    ACCEPTED,
    COMPLETED;

    public boolean isBefore(CaseStatus other) {
        return compareTo(other) < 0;
    }
}
