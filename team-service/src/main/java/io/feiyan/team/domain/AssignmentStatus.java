package io.feiyan.team.domain;

public enum AssignmentStatus {
    /** Dispatch gave the order to the team; the team has not answered yet. */
    OFFERED,
    ACCEPTED,
    COMPLETED
}
