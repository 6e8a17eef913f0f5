package io.feiyan.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.feiyan.events.HouseholdTag;
import io.feiyan.events.Tier;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.LocalKeycloak;
import io.feiyan.launcher.demo.ServiceCalls.Response;
import io.feiyan.servers.Identity;
import io.feiyan.servers.KeycloakTokens;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads a {@link CountyPlan} — the demo county at the scale of the source report — into a running Feiyan
 * through the services' own APIs, as the county centre's admins and the villages' 飞燕 volunteers would:
 * categories, projects, teams, volunteers and this month's menu on team-service, residents on intake, and an
 * account in Keycloak for every volunteer it registered (its token naming the registry entry; a village's first
 * volunteer leads its 飞燕 team) and a lead of every town and county team it made, with the demo password. Intake
 * and team-service are loaded side by side, each by a few threads of its own. Loading again adds nothing:
 * the catalogue, teams and menu are PUTs, a volunteer already in their village (by name) is not registered
 * again, and a resident already registered (by ID number) is answered 409 duplicate-resident.
 *
 * <p>Started by {@code deploy/county.sh} against a running system, or by {@code deploy/run-local.sh --county}
 * once the system is ready. Arguments: a random seed (default 1), the number of villages (660) and residents
 * per village (15). Environment: {@code FEIYAN_HOST} (default localhost; the services' usual ports),
 * {@code FEIYAN_DATA} (default data: where the local Keycloak's secrets are).
 */
public final class CountyGenerator {
    /**
     * Requests in flight to each of intake and team-service: as many as the JDK keeps connections to a server
     * ({@code http.maxConnections}, 5), and enough to keep two cores busy.
     */
    private static final int THREADS_PER_SERVICE = 5;
    /** The county's time zone ({@code feiyan.time-zone}), which says what "this month" is for the menu. */
    private static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    /** What a load did, with how many of the volunteers and residents were new and how many there already. */
    public record Result(int towns, int villages, int categories, int projects, int countyTeams, int teams,
            int volunteersAdded, int volunteersThere, int residentsAdded, int residentsThere,
            Map<HouseholdTag, Long> residentsBySituation, YearMonth menuMonth, int menuVersion, int menuItems,
            Duration took) {
    }

    private final CountyPlan plan;
    private final CountyAccounts accounts;
    private final KeycloakTokens tokens;
    private final ServiceCalls calls;
    private final CountyChecks checks;
    private final PrintStream out;
    private final Map<String, String> bearers = new ConcurrentHashMap<>();
    private final AtomicInteger volunteersAdded = new AtomicInteger();
    private final AtomicInteger volunteersThere = new AtomicInteger();
    private final AtomicInteger residentsAdded = new AtomicInteger();
    private final AtomicInteger residentsThere = new AtomicInteger();
    private final ParallelRequests requests = new ParallelRequests();

    /** Loads the plan into the system whose services answer at {@code url}, with tokens its services trust. */
    public CountyGenerator(CountyPlan plan, KeycloakTokens tokens, Function<FeiyanService, String> url,
            PrintStream out) {
        this.plan = plan;
        this.accounts = new CountyAccounts(plan);
        this.tokens = tokens;
        this.calls = new ServiceCalls(url);
        this.checks = new CountyChecks(calls, this::admin);
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        long seed;
        int villages;
        int residents;
        try {
            seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
            villages = args.length > 1 ? Integer.parseInt(args[1]) : CountyPlan.FULL_VILLAGES;
            residents = args.length > 2 ? Integer.parseInt(args[2]) : CountyPlan.DEFAULT_RESIDENTS_PER_VILLAGE;
        } catch (NumberFormatException e) {
            System.err.println("usage: deploy/county.sh [random seed (1)] [villages (660)] [residents per village (15)]");
            System.exit(2);
            return;
        }
        String host = System.getenv().getOrDefault("FEIYAN_HOST", "localhost");
        Path data = Path.of(System.getenv().getOrDefault("FEIYAN_DATA", "data"));
        try {
            new CountyGenerator(CountyPlan.of(seed, villages, residents), LocalKeycloak.tokens(data),
                    service -> "http://" + host + ":" + service.defaultPort(), System.out).load();
        } catch (RuntimeException e) {
            System.err.println("The county could not be loaded: " + e.getMessage());
            System.exit(1);
        }
    }

    public Result load() throws InterruptedException {
        long started = System.nanoTime();
        out.printf("Loading the county of %s (seed %d): %d towns, %d villages, %d volunteers, %d residents...%n",
                CountyPlan.COUNTY, plan.seed(), plan.towns().size(), plan.villages().size(), plan.volunteers().size(),
                plan.residents().size());
        ExecutorService intake = Executors.newFixedThreadPool(THREADS_PER_SERVICE);
        ExecutorService team = Executors.newFixedThreadPool(THREADS_PER_SERVICE);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "county-progress");
            thread.setDaemon(true);
            return thread;
        });
        try {
            checks.awaitDemoCounty();
            Map<String, UUID> registered = registeredVolunteers();
            accounts.registered(registered);
            Set<String> there = registered.keySet();
            // the village volunteers who register its residents can sign in before they do
            tokens.ensureAccounts(plan.villages().stream()
                    .map(village -> accounts.registersResidents(village.code())).toList());
            // residents go to intake while team-service takes the catalogue, the teams and the volunteers
            List<Future<?>> residents = requests.submitAll(intake, plan.residents(), this::register);
            progress.scheduleAtFixedRate(() -> out.printf("  ... %,d of %,d volunteers, %,d of %,d residents (%.0f s)%n",
                    volunteersAdded.get() + volunteersThere.get(), plan.volunteers().size(),
                    residentsAdded.get() + residentsThere.get(), plan.residents().size(), seconds(started)),
                    5, 5, TimeUnit.SECONDS);

            for (CountyPlan.Category category : plan.categories()) {
                put("/api/categories/" + category.code(), Map.of("name", category.name()));
            }
            requests.await(requests.submitAll(team, plan.newProjects(), this::put));
            requests.failIfAny();
            out.printf("  catalogue: %d categories, %d projects (%.1f s)%n", plan.categories().size(),
                    plan.projectCodes().size(), seconds(started));
            requests.await(requests.submitAll(team, plan.newTeams().stream().filter(t -> t.tier() != Tier.VILLAGE)
                    .toList(), this::put));
            requests.failIfAny();
            // a village at a time: its 飞燕 team, then its volunteers
            requests.await(requests.submitAll(team, plan.villages(), village -> {
                CountyPlan.Team feiyan = accounts.newVillageTeam(village.code());
                if (feiyan != null) {
                    put(feiyan);
                }
                accounts.volunteersOf(village.code()).forEach(v -> register(v, there));
            }));
            out.printf("  teams: %d county, %d town, %d village; volunteers: %,d, %d in each village (%.1f s)%n",
                    plan.countyTeamCodes().size(), plan.towns().size(), plan.villages().size(),
                    plan.volunteers().size(), CountyPlan.VOLUNTEERS_PER_VILLAGE, seconds(started));
            requests.await(residents);
            out.printf("  residents: %,d (%.1f s)%n", plan.residents().size(), seconds(started));
            progress.shutdownNow();
            accounts.registered(registeredVolunteers());
            List<Identity> everyone = accounts.all();
            tokens.ensureAccounts(everyone);
            out.printf("  accounts: %,d in Keycloak, the demo password (%.1f s)%n", everyone.size(), seconds(started));

            YearMonth month = YearMonth.now(COUNTY_TIME);
            JsonNode menu = put("/api/menus/" + CountyPlan.COUNTY + "/" + month, Map.of("items",
                    plan.menu().stream().map(item -> item.note() == null ? Map.of("projectCode", item.projectCode())
                            : Map.of("projectCode", item.projectCode(), "note", item.note())).toList()));
            requests.failIfAny();
            checks.awaitDirectory(plan.teamCodes());

            Result result = new Result(plan.towns().size(), plan.villages().size(), plan.categories().size(),
                    plan.projectCodes().size(), plan.countyTeamCodes().size(), plan.teamCodes().size(),
                    volunteersAdded.get(), volunteersThere.get(), residentsAdded.get(), residentsThere.get(),
                    plan.residentsBySituation(), month, menu.path("version").asInt(), plan.menu().size(),
                    Duration.ofNanos(System.nanoTime() - started));
            print(result);
            return result;
        } finally {
            progress.shutdownNow();
            intake.shutdownNow();
            team.shutdownNow();
        }
    }

    private void print(Result r) {
        int residents = r.residentsAdded() + r.residentsThere();
        out.printf("""
                The county of %s is loaded (seed %d) in %.1f s:
                  %d towns and %,d villages; %d categories and %d projects; this month's menu (%s, version %d) of %d
                  %,d teams: %d at county tier, an institute in each town, a 飞燕 team in each village
                  %,d 飞燕 volunteers, %d a village on a one-day duty in turn (%,d new, %,d there already)
                  %,d residents, %d a village (%,d new, %,d there already): %s
                """, CountyPlan.COUNTY, plan.seed(), r.took().toMillis() / 1000.0, r.towns(), r.villages(),
                r.categories(), r.projects(), r.menuMonth(), r.menuVersion(), r.menuItems(), r.teams(),
                r.countyTeams(), r.volunteersAdded() + r.volunteersThere(), CountyPlan.VOLUNTEERS_PER_VILLAGE,
                r.volunteersAdded(), r.volunteersThere(), residents, plan.residentsPerVillage(), r.residentsAdded(),
                r.residentsThere(), r.residentsBySituation().entrySet().stream()
                        .map(tag -> String.format("%s %.0f%%", tag.getKey().name().toLowerCase().replace('_', '-'),
                                residents == 0 ? 0.0 : 100.0 * tag.getValue() / residents))
                        .collect(Collectors.joining(", ")));
    }

    /** The volunteers registered already, their registry id by village and name. */
    private Map<String, UUID> registeredVolunteers() {
        Map<String, UUID> there = new HashMap<>();
        calls.get(FeiyanService.TEAM, "/api/volunteers", admin()).forEach(v -> there.put(v.path("villageCode").asText() + "/"
                + v.path("name").asText(), UUID.fromString(v.path("volunteerId").asText())));
        return there;
    }

    private void register(CountyPlan.Volunteer v, Set<String> there) {
        if (there.contains(v.villageCode() + "/" + v.name())) {
            volunteersThere.incrementAndGet();
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", v.name());
        body.put("phone", v.phone());
        body.put("villageCode", v.villageCode());
        body.put("skills", v.skills());
        body.put("teamCodes", List.of(v.teamCode()));
        body.put("joinedOn", v.joinedOn().toString());
        Response response = calls.exchange("POST", FeiyanService.TEAM, "/api/volunteers", body, admin());
        if (response.status() == 201) {
            volunteersAdded.incrementAndGet();
        } else {
            fail("POST /api/volunteers", response);
        }
    }

    /** As one of the village's 飞燕 volunteers, who register its residents. */
    private void register(CountyPlan.Resident r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", r.name());
        body.put("phone", r.phone());
        body.put("idNumber", r.idNumber());
        body.put("villageCode", r.villageCode());
        body.put("householdTags", r.householdTags());
        if (r.guardian() != null) {
            body.put("guardian", Map.of("name", r.guardian().name(), "phone", r.guardian().phone(),
                    "relation", r.guardian().relation()));
        }
        String bearer = bearers.computeIfAbsent(r.villageCode(),
                village -> tokens.tokenFor(accounts.registersResidents(village)));
        Response response = calls.exchange("POST", FeiyanService.INTAKE, "/api/residents", body, bearer);
        if (response.status() == 201) {
            residentsAdded.incrementAndGet();
        } else if (response.status() == 409 && response.body().contains("duplicate-resident")) {
            residentsThere.incrementAndGet();
        } else {
            fail("POST /api/residents", response);
        }
    }

    private void put(CountyPlan.Project p) {
        put("/api/projects/" + p.code(), Map.of("name", p.name(), "category", p.category(),
                "aimedAt", p.aimedAt(), "servedAt", p.servedAt(), "perVisit", p.perVisit(),
                "gathersAt", p.gathersAt()));
    }

    private void put(CountyPlan.Team t) {
        put("/api/teams/" + t.code(), Map.of("name", t.name(), "tier", t.tier(), "regionCode", t.regionCode(),
                "projectCodes", t.projectCodes(), "capacity", t.capacity()));
    }

    /** An admin's PUT on team-service: the catalogue, a team, a menu. */
    private JsonNode put(String path, Object body) {
        Response response = calls.exchange("PUT", FeiyanService.TEAM, path, body, admin());
        if (response.status() != 200) {
            fail("PUT " + path, response);
            return NullNode.getInstance();
        }
        return ServiceCalls.read(response);
    }

    private String admin() {
        return bearers.computeIfAbsent("admin", who -> tokens.tokenFor(Identity.admin("ADM-county-generator")));
    }

    private void fail(String what, Response response) {
        requests.failed(what + " answered " + response.status() + ": " + response.body());
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
