package io.feiyan.dispatch.service;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A case changed. Said with PostgreSQL's NOTIFY in the change's transaction ({@link CaseChanges}), so every dispatch
 * instance's dashboards hear it once that commits, whichever instance made it. Its village tells whose dashboards
 * hear of it.
 */
public record CaseChanged(UUID orderId, String villageCode) {
    /** The channel the changes are notified on. */
    public static final String CHANNEL = "case_changed";

    /** One line of a notification's payload: {@code <order id> <village code>}. */
    String asLine() {
        return orderId + " " + villageCode;
    }

    /** The changes a notification's payload tells of, a line each. */
    public static List<CaseChanged> parse(String payload) {
        return Arrays.stream(payload.split("\n")).map(line -> {
            String[] parts = line.split(" ", 2);
            return new CaseChanged(UUID.fromString(parts[0]), parts[1]);
        }).toList();
    }
}
