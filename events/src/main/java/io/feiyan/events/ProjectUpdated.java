package io.feiyan.events;

import java.util.List;

/**
 * The latest state of a service project in the catalogue (one of the county's 72, in 6 categories).
 * {@code aimedAt} names the household situations the project is built for, if any. {@code perVisit} is how many
 * residents one visit can serve (1: each alone), {@code gathersAt} where the residents of one visit live: their
 * village, or their town. An event without them (from before they were kept) means 1 and VILLAGE.
 */
public record ProjectUpdated(String projectCode, String name, String category, List<HouseholdTag> aimedAt,
        boolean active, Integer perVisit, Tier gathersAt) implements Event {

    public ProjectUpdated {
        aimedAt = aimedAt == null ? List.of() : List.copyOf(aimedAt);
    }

    /** A project whose every visit serves one resident, in their village. */
    public ProjectUpdated(String projectCode, String name, String category, List<HouseholdTag> aimedAt,
            boolean active) {
        this(projectCode, name, category, aimedAt, active, null, null);
    }

    /** How many residents one visit can serve: 1 when the event does not say. */
    public int residentsPerVisit() {
        return perVisit == null ? 1 : perVisit;
    }

    /** Where the residents of one visit live: VILLAGE when the event does not say. */
    public Tier gathersAtTier() {
        return gathersAt == null ? Tier.VILLAGE : gathersAt;
    }

    @Override
    public String key() {
        return projectCode;
    }
}
