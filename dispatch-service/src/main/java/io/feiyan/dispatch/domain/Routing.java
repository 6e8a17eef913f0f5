package io.feiyan.dispatch.domain;

import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which team of a tier gets an order (派单): one serving the resident's village, town or county at
 * that tier, active, able to serve the need, with room, and not one the order has already passed
 * by; among those the least loaded, and among equally loaded ones the one that waited longest for
 * its last order, so ties go round fairly.
 */
public final class Routing {
    private Routing() {
    }

    /** What routing knows of the teams now. */
    public record Teams(List<Team> all, Map<String, Long> openOrders, Map<String, Instant> lastAssigned) {
        long load(Team team) {
            return openOrders.getOrDefault(team.code, 0L);
        }

        Instant lastAssigned(Team team) {
            return lastAssigned.getOrDefault(team.code, Instant.MIN);
        }
    }

    public static Optional<Team> choose(Tier tier, String villageCode, Predicate<Team> canServe, Set<String> passedBy,
            Teams teams) {
        String region = RegionCode.of(villageCode).at(tier).value();
        return teams.all().stream()
                .filter(team -> team.active && team.tier == tier && team.regionCode.equals(region))
                .filter(canServe)
                .filter(team -> !passedBy.contains(team.code))
                .filter(team -> teams.load(team) < team.capacity)
                .min(Comparator.<Team>comparingLong(teams::load)
                        .thenComparing(teams::lastAssigned)
                        .thenComparing(team -> team.code));
    }
}
