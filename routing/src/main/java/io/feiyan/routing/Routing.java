package io.feiyan.routing;

import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Routing (派单) as a rule: where a case goes, decided from the case and the teams that could take it, as they are
 * now — no database, no clock, no events sent. The tier walk: a team of the resident's village, else one of her
 * town, else one of the county ("诉求不出村"); at each tier only a team serving that village, town or county, active,
 * offering the project (or, for a need in the resident's words, a project of its category), with room, and not one
 * the case has passed by; among those the least loaded, and among equally loaded ones the one that waited longest
 * for its last order, so that ties take turns. A decline tries the tier's next team before the tier above; a missed
 * time to accept sends the case up a tier at once. When no team is left at the county that has not passed the case
 * by, a team that only let its time to accept pass (at night, at a weekend) is asked again, the lowest tier first;
 * one that declined it never is, nor one never offered it. What no team can take then is unserved; an unserved case goes
 * to the lowest tier that can take it when routed again, never to a team that declined it.
 */
public final class Routing {
    private Routing() {
    }

    /** Why the case is being routed now. */
    public enum Move {
        /** Placed, approved, reopened, escalated by an operator or tried again: its tier first. */
        ROUTE,
        /** Its team said no: the tier's next team, else the tier above (reason DECLINED). */
        DECLINED,
        /**
         * Its team let the time to accept pass: the tier above at once (reason TIMEOUT); at the county, the county; with
         * no team left there, a team that only let its time pass, asked again.
         */
        TIMED_OUT
    }

    /**
     * What routing knows of the case: its village, the tier it is at, the projects a team must offer one of (its
     * project; for a need in the resident's words, the active projects of its category), the teams it has passed by
     * and, among them, those never to have it again (they declined it, or an operator took it from them), whether it
     * is unserved, why it is routed now, the team it just left (a decline or a timeout), if any, and whether that
     * team had been asked again.
     */
    public record Case(String villageCode, Tier tier, Set<String> projects, Set<String> passedBy,
            Set<String> declinedBy, boolean unserved, Move move, String leftTeam, boolean askedAgain) {
    }

    /** A team that could take an order, with its load now. */
    public record Team(String code, Tier tier, String regionCode, boolean active, Set<String> projectCodes,
            int capacity, long openOrders, Instant lastAssigned) {
        boolean hasRoom() {
            return openOrders < capacity;
        }

        boolean offersAnyOf(Set<String> projects) {
            return projectCodes.stream().anyMatch(projects::contains);
        }

        /** The same team, found full (another routing took its last place meanwhile). */
        public Team full() {
            return new Team(code, tier, regionCode, active, projectCodes, capacity, capacity, lastAssigned);
        }
    }

    /** The case goes up from one tier to the next, for a reason. */
    public record Climb(Tier from, Tier to, EscalationReason reason, String note) {
    }

    /**
     * Where the case goes: up these tiers, then offered to {@code offers} — one team, or several of one tier at once,
     * the first the one the rule would choose alone; with none, it is unserved (and stays so, when it was already).
     * {@code askedAgain}: the team is one that let the case's time to accept pass, asked again.
     */
    public record Route(List<Climb> climbs, List<Team> offers, boolean askedAgain) {
        public Route {
            climbs = List.copyOf(climbs);
            offers = List.copyOf(offers);
        }

        /** The team the rule chose first; the only one, unless offered to several. */
        public Optional<Team> team() {
            return offers.stream().findFirst();
        }

        public boolean unserved() {
            return offers.isEmpty();
        }
    }

    /** Where the case goes, given the teams that could take it (any others among them are left out): to one team. */
    public static Route route(Case c, Collection<Team> teams) {
        return route(c, teams, 1);
    }

    /**
     * Where the case goes, offered at once to as many as {@code several} teams of the tier the rule reaches — every
     * capable team there with room, the least loaded first — so that the first to accept takes it (抢单). A team asked
     * again is asked alone.
     */
    public static Route route(Case c, Collection<Team> teams, int several) {
        if (several < 1) {
            throw new IllegalArgumentException("a case is offered to at least one team: " + several);
        }
        if (c.unserved()) {
            for (Tier tier : Tier.values()) {
                List<Team> offers = eligible(c, tier, teams, c.declinedBy());
                if (!offers.isEmpty()) {
                    boolean again = c.passedBy().contains(offers.get(0).code());
                    return new Route(List.of(), again ? offers.subList(0, 1) : first(offers, several), again);
                }
            }
            return new Route(List.of(), List.of(), false);
        }
        // a team asked again that let the time pass once more: the tiers were climbed already, so the walk starts at its
        // own tier and says no escalation again each time
        boolean climbed = c.move() == Move.TIMED_OUT && c.askedAgain();
        List<Climb> climbs = new ArrayList<>();
        Tier tier = c.tier();
        EscalationReason leaving = c.move() == Move.DECLINED ? EscalationReason.DECLINED
                : EscalationReason.NO_TEAM_AVAILABLE;
        if (c.move() == Move.TIMED_OUT && tier != Tier.COUNTY && !climbed) {
            climbs.add(new Climb(tier, tier.above(), EscalationReason.TIMEOUT, c.leftTeam() + " did not accept in time"));
            tier = tier.above();
        }
        while (true) {
            List<Team> offers = eligible(c, tier, teams, c.passedBy());
            if (!offers.isEmpty()) {
                return new Route(climbs, first(offers, several), false);
            }
            if (tier == Tier.COUNTY) {
                Optional<Team> again = askedAgain(c, teams);
                return new Route(climbs, again.stream().toList(), again.isPresent());
            }
            if (!climbed) {
                climbs.add(new Climb(tier, tier.above(), leaving, null));
            }
            tier = tier.above();
            leaving = EscalationReason.NO_TEAM_AVAILABLE;
        }
    }

    /**
     * The teams that could serve a resident of the village at all — active, serving her village, town or county, and
     * offering one of the projects — whether or not they have room or have passed the case by.
     */
    public static Capable capable(String villageCode, Set<String> projects, Collection<Team> teams) {
        RegionCode village = RegionCode.of(villageCode);
        return new Capable(teams.stream()
                .filter(team -> team.active() && team.regionCode().equals(village.at(team.tier()).value()))
                .filter(team -> team.offersAnyOf(projects))
                .toList());
    }

    /** The lowest tier of the {@link #capable} teams. */
    public static Tier lowestCapableTier(String villageCode, Set<String> projects, Collection<Team> teams) {
        return capable(villageCode, projects, teams).lowestTier();
    }

    /** The teams that could serve a case at all: what an assignment says of where and among whom it was made. */
    public record Capable(List<Team> teams) {
        /** Where "诉求不出村" would have the case served; null when no team of the county offers its need. */
        public Tier lowestTier() {
            return teams.stream().map(Team::tier).min(Comparator.naturalOrder()).orElse(null);
        }

        /**
         * The peers of a team given the case at a tier, its work fairly shared among them: the capable teams of the
         * tier and the team itself (an operator may choose one that does not list the project), in order.
         */
        public List<String> peersOf(String team, Tier tier) {
            return Stream.concat(Stream.of(team),
                            teams.stream().filter(capable -> capable.tier() == tier).map(Team::code))
                    .distinct().sorted().toList();
        }
    }

    /**
     * When no team is left that has not passed the case by: a team that only let its time to accept pass (at night,
     * at a weekend), of the lowest tier that has one with room, asked again rather than the case waiting for nobody.
     * Never one that declined it, nor one below its tier that it was never offered.
     */
    private static Optional<Team> askedAgain(Case c, Collection<Team> teams) {
        List<Team> letItPass = teams.stream()
                .filter(team -> c.passedBy().contains(team.code()) && !c.declinedBy().contains(team.code())).toList();
        return lowestWithRoom(c, letItPass, c.declinedBy());
    }

    /** A team of the lowest tier that has one with room, but none of {@code leftOut}. */
    private static Optional<Team> lowestWithRoom(Case c, Collection<Team> teams, Set<String> leftOut) {
        for (Tier tier : Tier.values()) {
            Optional<Team> team = choose(c, tier, teams, leftOut);
            if (team.isPresent()) {
                return team;
            }
        }
        return Optional.empty();
    }

    /** The team of the tier that gets the case, if any can take it, but none of {@code leftOut}. */
    static Optional<Team> choose(Case c, Tier tier, Collection<Team> teams, Set<String> leftOut) {
        return eligible(c, tier, teams, leftOut).stream().findFirst();
    }

    /**
     * The teams of the tier that could take the case now, but none of {@code leftOut}, in the order the rule prefers
     * them: the least loaded first, and among equally loaded ones the one that waited longest for its last order.
     */
    private static List<Team> eligible(Case c, Tier tier, Collection<Team> teams, Set<String> leftOut) {
        String region = RegionCode.of(c.villageCode()).at(tier).value();
        return teams.stream()
                .filter(team -> team.active() && team.tier() == tier && team.regionCode().equals(region))
                .filter(team -> team.offersAnyOf(c.projects()))
                .filter(team -> !leftOut.contains(team.code()))
                .filter(Team::hasRoom)
                .sorted(Comparator.comparingLong(Team::openOrders)
                        .thenComparing(team -> team.lastAssigned() == null ? Instant.MIN : team.lastAssigned())
                        .thenComparing(Team::code))
                .toList();
    }

    private static List<Team> first(List<Team> teams, int several) {
        return teams.subList(0, Math.min(several, teams.size()));
    }
}
