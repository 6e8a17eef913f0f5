package io.feiyan.team.domain;

public enum AssignmentStatus {
    /** Dispatch gave the order to the team; the team has not answered yet. */
    OFFERED,
    ACCEPTED,
    /** The team said no; dispatch offers the order to another. */
    DECLINED,
    COMPLETED,
    /** The order was withdrawn before the team accepted it. */
    CANCELLED
}
