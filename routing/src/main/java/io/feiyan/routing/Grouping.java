package io.feiyan.routing;

import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Grouping (统单) as a rule: whether an order joins a visit already planned for its neighbours — an activity, one visit
 * of one team serving many residents of a village or a town — rather than being served alone. Only a project one visit
 * can serve several residents of ({@code perVisit} above 1) and only a routine or complex need: a critical or urgent
 * one never waits for a group. It joins an activity of the same project whose place holds the resident's village, that
 * has room, that takes place by the order's deadline, and whose team has not passed the order by; among those, the one
 * that takes place first. Otherwise the order is routed ({@link Routing}) and starts an activity of its own at its team.
 * No database, no clock, no events sent.
 */
public final class Grouping {
    private Grouping() {
    }

    /**
     * What grouping knows of an order: the resident's village, its project, how many residents one visit of it serves
     * and where they live (their village or their town), how urgent it is, by when it must be served, and the teams
     * it has passed by.
     */
    public record Need(String villageCode, String projectCode, int perVisit, Tier gathersAt, Urgency urgency,
            Instant deadline, Set<String> passedBy) {
    }

    /**
     * An activity as grouping sees it: its team, project and place (a village or a town code), the residents it serves
     * so far, and when it takes place — the time its team gave, once it accepted, and until then at the latest the
     * earliest deadline of its orders.
     */
    public record Activity(String id, String teamCode, String projectCode, String placeCode, int residents,
            Instant takesPlace) {
    }

    /** Whether an order of this urgency for a project serving this many residents a visit may be grouped at all. */
    public static boolean groupable(Urgency urgency, int perVisit) {
        return perVisit > 1 && (urgency == Urgency.ROUTINE || urgency == Urgency.COMPLEX);
    }

    /**
     * Where an activity a team of {@code teamTier} starts for a resident of the village gathers its residents: her
     * village, or her town where the project says so and the team serves the town (a village's team never gathers a
     * town).
     */
    public static String placeOf(String villageCode, Tier gathersAt, Tier teamTier) {
        Tier at = teamTier == Tier.VILLAGE || gathersAt != Tier.TOWN ? Tier.VILLAGE : Tier.TOWN;
        return RegionCode.of(villageCode).at(at).value();
    }

    /** The activity the order joins, if any of these can take it. */
    public static Optional<Activity> join(Need need, Collection<Activity> activities) {
        if (!groupable(need.urgency(), need.perVisit())) {
            return Optional.empty();
        }
        return activities.stream()
                .filter(activity -> activity.projectCode().equals(need.projectCode()))
                .filter(activity -> need.villageCode().startsWith(activity.placeCode()))
                .filter(activity -> activity.residents() < need.perVisit())
                .filter(activity -> !activity.takesPlace().isAfter(need.deadline()))
                .filter(activity -> !need.passedBy().contains(activity.teamCode()))
                .min(Comparator.comparing(Activity::takesPlace).thenComparing(Activity::id));
    }
}
