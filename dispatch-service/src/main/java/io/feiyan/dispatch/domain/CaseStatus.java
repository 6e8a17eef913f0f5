package io.feiyan.dispatch.domain;

import java.util.List;

public enum CaseStatus {
    /** Waiting for an operator's review (审核): a need in the resident's words, or flagged by a rule. */
    IN_REVIEW,
    /** Approved, and not with a team: being routed, or unserved and waiting for an operator. */
    WAITING,
    ASSIGNED,
    ACCEPTED,
    COMPLETED,
    /** Withdrawn by the resident before a team accepted it. */
    CANCELLED,
    /** Review said no. */
    REJECTED;

    public static final List<CaseStatus> OPEN = List.of(IN_REVIEW, WAITING, ASSIGNED, ACCEPTED);
    /** Holding a place of the team's capacity. */
    public static final List<CaseStatus> WITH_TEAM = List.of(ASSIGNED, ACCEPTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
