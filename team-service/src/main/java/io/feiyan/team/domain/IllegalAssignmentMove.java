package io.feiyan.team.domain;

import java.util.UUID;

/** A move the assignment's status does not allow, such as completing an order not yet accepted. */
public class IllegalAssignmentMove extends RuntimeException {
    private final AssignmentStatus status;

    public IllegalAssignmentMove(UUID orderId, AssignmentStatus status, String move) {
        super("order " + orderId + " is " + status + " and cannot be " + move);
        this.status = status;
    }

    public AssignmentStatus status() {
        return status;
    }
}
