package io.feiyan.launcher.demo;

import io.feiyan.events.Tier;
import io.feiyan.servers.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who signs in to the county the plan makes: each volunteer of the plan, named V-village-n (the n-th of the village)
 * and naming their registry entry, the first of a village registering its residents and leading its 飞燕 team too;
 * and a lead of each town and county team the plan adds, L-team.
 */
final class CountyAccounts {
    private final CountyPlan plan;
    /** The plan's volunteers by village, in the plan's order (the first of each registers its residents). */
    private final Map<String, List<CountyPlan.Volunteer>> volunteersOf;
    /** The 飞燕 team the plan adds to a village, by village (the demo county's villages have theirs already). */
    private final Map<String, CountyPlan.Team> newVillageTeams;
    /** The registry's volunteers, their id by village and name, as last read. */
    private volatile Map<String, UUID> registered = Map.of();

    CountyAccounts(CountyPlan plan) {
        this.plan = plan;
        this.volunteersOf = plan.volunteers().stream().collect(Collectors.groupingBy(
                CountyPlan.Volunteer::villageCode, LinkedHashMap::new, Collectors.toList()));
        this.newVillageTeams = plan.newTeams().stream().filter(t -> t.tier() == Tier.VILLAGE)
                .collect(Collectors.toMap(CountyPlan.Team::regionCode, t -> t));
    }

    /** The village's volunteers in the plan, in its order. */
    List<CountyPlan.Volunteer> volunteersOf(String village) {
        return volunteersOf.getOrDefault(village, List.of());
    }

    /** The 飞燕 team the plan adds to the village; null for a demo village, which has its own. */
    CountyPlan.Team newVillageTeam(String village) {
        return newVillageTeams.get(village);
    }

    /** The registry's volunteers as now read, their id by village and name: the accounts name them. */
    void registered(Map<String, UUID> now) {
        registered = now;
    }

    /** Every account: each volunteer's, and a lead of each town and county team. */
    List<Identity> all() {
        List<Identity> accounts = new ArrayList<>();
        volunteersOf.forEach((village, volunteers) -> {
            accounts.add(registersResidents(village));
            for (int n = 1; n < volunteers.size(); n++) {
                accounts.add(Identity.volunteer("V-" + village + "-" + (n + 1), village)
                        .registeredAs(registered.get(village + "/" + volunteers.get(n).name())));
            }
        });
        plan.newTeams().stream().filter(t -> t.tier() != Tier.VILLAGE)
                .forEach(t -> accounts.add(Identity.teamLead("L-" + t.code(), t.code())));
        return accounts;
    }

    /**
     * The village's first volunteer: registers its residents, and leads its 飞燕 team; their registry id once they are
     * registered.
     */
    Identity registersResidents(String village) {
        CountyPlan.Team feiyan = newVillageTeams.get(village);
        List<CountyPlan.Volunteer> volunteers = volunteersOf(village);
        UUID registryId = volunteers.isEmpty() ? null : registered.get(village + "/" + volunteers.get(0).name());
        return new Identity("V-" + village + "-1", feiyan == null ? List.of("volunteer")
                : List.of("volunteer", "team-member", "team-lead"), village, feiyan == null ? null : feiyan.code(),
                null, registryId);
    }
}
