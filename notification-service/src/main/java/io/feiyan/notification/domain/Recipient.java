package io.feiyan.notification.domain;

import java.util.UUID;

/**
 * Who a notification is for, as the delivery log names them: {@code person:<feiyanId>} for someone who signs in
 * (a team lead, a 飞燕 volunteer, an operator), {@code resident:<residentId>} for a resident, who may never sign in.
 */
public record Recipient(String id) {
    private static final String PERSON = "person:";
    private static final String RESIDENT = "resident:";

    public static Recipient person(String feiyanId) {
        return new Recipient(PERSON + feiyanId);
    }

    public static Recipient resident(UUID residentId) {
        return new Recipient(RESIDENT + residentId);
    }

    public boolean isResident() {
        return id.startsWith(RESIDENT);
    }

    /** The person's Feiyan id; only for a person. */
    public String feiyanId() {
        if (isResident()) {
            throw new IllegalStateException(id + " is a resident");
        }
        return id.substring(PERSON.length());
    }

    /** The resident's id in intake; only for a resident. */
    public UUID residentId() {
        if (!isResident()) {
            throw new IllegalStateException(id + " is not a resident");
        }
        return UUID.fromString(id.substring(RESIDENT.length()));
    }

    @Override
    public String toString() {
        return id;
    }
}
