package io.feiyan.events;

import java.util.List;

/**
 * The latest state of a service project in the catalogue (one of the county's 72, in 6 categories).
 * {@code aimedAt} names the household situations the project is built for, if any.
 */
public record ProjectUpdated(String projectCode, String name, String category, List<HouseholdTag> aimedAt,
        boolean active) implements Event {

    public ProjectUpdated {
        aimedAt = aimedAt == null ? List.of() : List.copyOf(aimedAt);
    }

    @Override
    public String key() {
        return projectCode;
    }
}
