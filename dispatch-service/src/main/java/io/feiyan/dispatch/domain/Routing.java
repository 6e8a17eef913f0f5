package io.feiyan.dispatch.domain;

import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where an order goes (派单): to the lowest tier that can serve it — the resident's village, then its
 * town, then the county ("诉求不出村") — and there to the least-loaded team that offers the project
 * and has room.
 */
public final class Routing {
    private Routing() {
    }

    /**
     * @param teams the teams that offer the project, anywhere
     * @param openOrders how many open orders each team holds now, by team code (absent means none)
     */
    public static Optional<Team> choose(String villageCode, String projectCode, List<Team> teams,
            Map<String, Long> openOrders) {
        RegionCode village = RegionCode.of(villageCode);
        for (Tier tier : Tier.values()) {
            String region = village.at(tier).value();
            Optional<Team> chosen = teams.stream()
                    .filter(team -> team.tier == tier && team.regionCode.equals(region) && team.offers(projectCode))
                    .filter(team -> load(team, openOrders) < team.capacity)
                    .min(Comparator.<Team>comparingLong(team -> load(team, openOrders)).thenComparing(team -> team.code));
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        return Optional.empty();
    }

    private static long load(Team team, Map<String, Long> openOrders) {
        return openOrders.getOrDefault(team.code, 0L);
    }
}
