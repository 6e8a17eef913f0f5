package io.feiyan.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Tier;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.routing.Grouping;
import io.feiyan.simulation.Behaviour;
import io.feiyan.simulation.County;
import io.feiyan.simulation.Demand;
import io.feiyan.simulation.Month;
import io.feiyan.simulation.Operator;
import io.feiyan.simulation.MonthClock;
import io.feiyan.simulation.RunningDemand;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestIdNumbers;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A slice of a simulated month replayed through the real services (Kafka, PostgreSQL): the same orders, placed one
 * after another in the same county, go to the same teams as in the simulation — the simulation runs dispatch's rule,
 * on the loads dispatch would see, with dispatch set as its settings say ({@link County#dispatching()}): similar needs
 * grouped into activities, critical and urgent orders offered to several teams at once. For an order in an activity
 * the team is the activity's; for one offered to several, the rule's first choice.
 */
@ExtendWith(RunningFeiyan.class)
class ReplayIT {
    private static final long SEED = 7;
    /** The towns the other system tests place orders in (Quanyuan, Gaofengtou): their teams' loads are theirs. */
    private static final Set<String> BUSY_TOWNS = Set.of("371322206", "371322107");
    private static final int SLICE = 80;

    @Test
    void aSliceOfASimulatedMonthGoesToTheSameTeamsThroughTheServices() throws InterruptedException {
        DemoCounty.generatedCounty();
        County county = County.of(RunningFeiyan.root(), DemoCounty.GENERATED);
        MonthClock clock = new MonthClock(YearMonth.of(2027, 1), ZoneId.of("Asia/Shanghai"));

        // the month's first needs outside the busy towns, placed a second apart, and teams that answer nothing
        // meanwhile: each goes where the rule sends it on the loads of the orders before it
        List<Demand.Need> month = Demand.defaults().needs(county, clock, new Random(SEED));
        // and, so that the slice has activities, a neighbour asking for the same for each need that may be grouped. (No
        // village or town of the generated county has two teams of a tier offering one project: its offers to several
        // are the county's, which are not compared; the orders offered to several are counted, not required.)
        List<Demand.Need> slice = new ArrayList<>();
        for (Demand.Need need : month.stream()
                .filter(need -> !BUSY_TOWNS.contains(County.townOf(need.resident().villageCode())))
                .limit(SLICE).toList()) {
            slice.add(need);
            if (Grouping.groupable(need.urgency(), county.projects().get(need.projectCode()).perVisit())) {
                slice.add(need);
            }
        }
        List<Demand.Need> replayed = IntStream.range(0, slice.size()).mapToObj(i -> new Demand.Need(i,
                slice.get(i).resident(), slice.get(i).projectCode(), slice.get(i).urgency())).toList();
        Month.Result simulated = Month.simulate(county, silentTeams(), Operator.nobody(), clock, replayed,
                new Random(SEED));

        assertTrue(county.dispatching().activities() && county.dispatching().teams() > 1,
                "replayed as dispatch is set: " + county.dispatching().describe());
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        List<Demand.Need> placed = new ArrayList<>();
        Map<String, Integer> residentsByActivity = new TreeMap<>();
        int offeredToSeveral = 0;
        for (Month.Outcome outcome : simulated.outcomes()) {
            String team = outcome.firstTeam();
            // the county's teams serve every test's orders: only what the villages and towns serve is compared
            if (team == null || county.teams().get(team).tier() == Tier.COUNTY) {
                continue;
            }
            expected.add(team + (outcome.inActivity() ? " in an activity" : ""));
            Placed real = placeAndAwaitItsTeam(outcome.need());
            actual.add(real.team() + (real.activityId() != null ? " in an activity" : ""));
            if (real.activityId() != null) {
                residentsByActivity.merge(real.activityId(), 1, Integer::sum);
            }
            offeredToSeveral += real.offeredTo() != null && real.offeredTo().size() > 1 ? 1 : 0;
            placed.add(outcome.need());
        }
        System.out.printf("ReplayIT: %d of %d orders of the slice replayed below the county; activities' residents %s;"
                + " %d offered to several teams at once%n", expected.size(), slice.size(), residentsByActivity.values(),
                offeredToSeveral);
        assertTrue(expected.size() >= 20, "enough of the slice is served in villages and towns: " + expected);
        assertEquals(expected, actual, "the services send each order where the simulation did");
        assertTrue(residentsByActivity.values().stream().anyMatch(residents -> residents > 1),
                "the slice groups neighbours into one visit: " + residentsByActivity);

        // and back: the running system's month, as the simulation takes it (--from-running), has those orders
        Map<String, Long> replayedDemand = byVillageAndProject(placed);
        Set<String> villages = placed.stream().map(need -> need.resident().villageCode()).collect(Collectors.toSet());
        await().atMost(DemoCounty.WAIT).untilAsserted(() -> {
            RunningDemand.Month running = RunningDemand.of(URI.create(RunningFeiyan.url(FeiyanService.FEEDBACK)),
                    DemoCounty.token(Identity.analyst("AN-replay")), YearMonth.now(ZoneId.of("Asia/Shanghai")));
            List<Demand.Need> needs = Demand.defaults().needs(running.ordered().stream()
                    .filter(row -> villages.contains(row.villageCode())).toList(), county, clock, new Random(SEED));
            assertEquals(replayedDemand, byVillageAndProject(needs));
        });
    }

    private static Map<String, Long> byVillageAndProject(List<Demand.Need> needs) {
        return needs.stream().collect(Collectors.groupingBy(
                need -> need.resident().villageCode() + " " + need.projectCode(), TreeMap::new, Collectors.counting()));
    }

    /** Where an order went: its team (the first of several it is offered to), its activity, the teams offered it. */
    private record Placed(String team, String activityId, List<String> offeredTo) {
    }

    /**
     * Places the order for a new resident of its village, by phone at the county centre; the team it goes to, and
     * the activity, or the several teams, it is offered in.
     */
    private static Placed placeAndAwaitItsTeam(Demand.Need need) {
        String village = need.resident().villageCode();
        String resident = DemoCounty.as(DemoCounty.COUNTY_OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("name", "回放居民", "phone", "13805390000", "idNumber", TestIdNumbers.next(),
                        "villageCode", village, "householdTags", List.copyOf(need.resident().situation())))
                .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents")
                .then().statusCode(201).extract().path("residentId");
        String order = DemoCounty.placeOrder(DemoCounty.COUNTY_OPERATOR, Map.of("residentId", resident,
                "projectCode", need.projectCode(), "urgency", need.urgency().name()));
        return await().atMost(DemoCounty.WAIT).until(() -> {
            var view = DemoCounty.as(DemoCounty.COUNTY_OPERATOR)
                    .get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/api/cases/" + order).then().extract();
            return new Placed(view.path("teamCode"), view.path("activityId"), view.path("offeredTo"));
        }, placedAt -> placedAt.team() != null);
    }

    /** Teams that answer no offer within the slice (a day later), so that each order finds the loads as placed. */
    private static Behaviour silentTeams() {
        Behaviour usual = Behaviour.defaults();
        Map<Tier, Duration> aDay = Map.of(Tier.VILLAGE, Duration.ofDays(1), Tier.TOWN, Duration.ofDays(1),
                Tier.COUNTY, Duration.ofDays(1));
        return new Behaviour(aDay, 0, 0, 24, 0, Map.of(Tier.VILLAGE, Set.of(), Tier.TOWN, Set.of(),
                Tier.COUNTY, Set.of()), usual.deliver());
    }
}
