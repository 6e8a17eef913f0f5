package io.feiyan.team.domain;

public enum AssignmentStatus {
    /** Dispatch gave the order to the team; the team has not answered yet. */
    OFFERED,
    ACCEPTED,
    /** The team said no; dispatch offers the order to another. */
    DECLINED,
    COMPLETED,
    /** Called off before the team accepted it: the resident withdrew the order, or dispatch passed it on. */
    CANCELLED
}
