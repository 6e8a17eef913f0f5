package io.feiyan.events;

import java.util.List;

/**
 * The latest state of a team in the directory: where it serves ({@code regionCode}, at its
 * {@code tier}), which projects it offers, and how many open orders it can carry at once.
 */
public record TeamUpdated(
        String teamCode,
        String name,
        Tier tier,
        String regionCode,
        List<String> projectCodes,
        int capacity,
        boolean active) implements Event {

    @Override
    public String key() {
        return teamCode;
    }
}
