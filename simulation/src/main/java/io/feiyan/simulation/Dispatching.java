package io.feiyan.simulation;

import io.feiyan.events.Urgency;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How dispatch is set: the urgencies whose orders are offered to several teams at once, and to how many at most
 * ({@code feiyan.dispatch.offer-to-several.*}), and whether similar needs are grouped into activities. Read from
 * dispatch's settings ({@link County}); {@link #oneAtATime()} is dispatch serving each order alone, offered to one team
 * at a time.
 */
public record Dispatching(Set<Urgency> offerToSeveral, int teams, boolean activities) {

    public Dispatching {
        if (teams < 1) {
            throw new IllegalArgumentException("an order is offered to at least one team: " + teams);
        }
        offerToSeveral = offerToSeveral.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(offerToSeveral));
    }

    /** Each order served alone, offered to one team at a time. */
    public static Dispatching oneAtATime() {
        return new Dispatching(Set.of(), 1, false);
    }

    /** How many teams an order of this urgency is offered to at once, at most. */
    int several(Urgency urgency) {
        return offerToSeveral.contains(urgency) ? teams : 1;
    }

    public Dispatching offeringToSeveral(Set<Urgency> urgencies, int upTo) {
        return new Dispatching(urgencies, upTo, activities);
    }

    public Dispatching grouping(boolean on) {
        return new Dispatching(offerToSeveral, teams, on);
    }

    /** In words, for the run's header. */
    public String describe() {
        String several = offerToSeveral.isEmpty() || teams == 1 ? "every order offered to one team at a time"
                : offerToSeveral.stream().sorted().map(u -> u.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(" and ")) + " orders offered to up to " + teams + " teams at once";
        return several + (activities ? ", similar needs grouped into activities" : ", each order served alone");
    }
}
