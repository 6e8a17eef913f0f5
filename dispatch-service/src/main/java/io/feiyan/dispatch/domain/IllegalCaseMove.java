package io.feiyan.dispatch.domain;

import java.util.UUID;

/** A move the case's status does not allow, such as approving a case that is not in review. */
public class IllegalCaseMove extends RuntimeException {
    private final CaseStatus status;

    public IllegalCaseMove(UUID orderId, CaseStatus status, String move) {
        super("case " + orderId + " is " + status + " and cannot be " + move);
        this.status = status;
    }

    public CaseStatus status() {
        return status;
    }
}
