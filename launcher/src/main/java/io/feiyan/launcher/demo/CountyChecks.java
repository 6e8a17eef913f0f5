package io.feiyan.launcher.demo;

import io.feiyan.launcher.FeiyanService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What loading the county waits for in the running system: team-service holding the demo county it grows from, and
 * dispatch, which routes orders, having heard of every team.
 */
final class CountyChecks {
    private static final Duration DEMO_WAIT = Duration.ofSeconds(60);
    private static final Duration DIRECTORY_WAIT = Duration.ofMinutes(2);

    private final ServiceCalls calls;
    private final Supplier<String> admin;

    /** Checks through these calls, as the admin whose token {@code admin} gives. */
    CountyChecks(ServiceCalls calls, Supplier<String> admin) {
        this.calls = calls;
        this.admin = admin;
    }

    /** Until team-service has the demo county this one grows from (it loads it at start). */
    void awaitDemoCounty() throws InterruptedException {
        long until = System.nanoTime() + DEMO_WAIT.toNanos();
        String missing;
        while (true) {
            Map<String, String> projects = new LinkedHashMap<>();
            calls.get(FeiyanService.TEAM, "/api/projects", admin.get()).forEach(p -> projects.put(p.path("code").asText(),
                    p.path("category").asText()));
            Map<String, String> teams = new LinkedHashMap<>();
            calls.get(FeiyanService.TEAM, "/api/teams", admin.get()).forEach(t -> teams.put(t.path("code").asText(),
                    t.path("regionCode").asText()));
            List<String> absent = new ArrayList<>();
            CountyPlan.DEMO_PROJECTS.forEach((code, category) -> {
                if (!category.equals(projects.get(code))) {
                    absent.add("project " + code + " (" + category + ")");
                }
            });
            CountyPlan.DEMO_TEAMS.forEach((code, region) -> {
                if (!region.equals(teams.get(code))) {
                    absent.add("team " + code + " (" + region + ")");
                }
            });
            if (absent.isEmpty()) {
                return;
            }
            missing = String.join(", ", absent);
            if (System.nanoTime() > until) {
                throw new IllegalStateException("team-service does not have the demo county this one grows from ("
                        + "missing " + missing + "): start it with feiyan.demo-data.enabled=true, as "
                        + "deploy/run-local.sh does");
            }
            Thread.sleep(500);
        }
    }

    /** Until dispatch, which routes orders, has heard of every team (from team-service's events). */
    void awaitDirectory(List<String> teamCodes) throws InterruptedException {
        long until = System.nanoTime() + DIRECTORY_WAIT.toNanos();
        Set<String> wanted = new HashSet<>(teamCodes);
        while (true) {
            Set<String> known = new HashSet<>();
            calls.get(FeiyanService.DISPATCH, "/api/teams", admin.get()).forEach(t -> known.add(t.path("code").asText()));
            if (known.containsAll(wanted)) {
                return;
            }
            if (System.nanoTime() > until) {
                wanted.removeAll(known);
                throw new IllegalStateException("dispatch has not heard of " + wanted.size() + " teams after "
                        + DIRECTORY_WAIT.toSeconds() + " s, e.g. " + wanted.iterator().next());
            }
            Thread.sleep(500);
        }
    }
}
