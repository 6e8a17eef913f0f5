package io.feiyan.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Tier;
import io.feiyan.launcher.demo.CountyPlan;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A small county's month: the same seed gives the same month; what-ifs change what they should. */
class SimulationTest {
    private static final Path ROOT = Path.of(System.getProperty("feiyan.root", "..")).toAbsolutePath().normalize();
    private static final MonthClock JANUARY = new MonthClock(YearMonth.of(2027, 1), ZoneId.of("Asia/Shanghai"));

    @Test
    void theSameSeedGivesTheSameMonth_andAnotherSeedAnother() {
        assertEquals(table(7, 1), table(7, 1));
        assertNotEquals(table(7, 1), table(8, 1));
    }

    @Test
    void everyOrderIsAccountedFor_servedAtATierItsResidentsMenuOffers_orWaitingWithAReason() {
        County county = County.of(ROOT, 3, 40, 15);
        Month.Result month = month(county, 3, 1);
        assertTrue(month.outcomes().size() > 150, "a month's orders: " + month.outcomes().size());
        for (Month.Outcome o : month.outcomes()) {
            assertTrue(o.lowestCapable() != null, "ordered from the village's menu: some team offers it");
            if (o.accepted()) {
                County.Team team = county.teams().get(o.team());
                assertTrue(team.projects().contains(o.need().projectCode()), "served by a team that offers it");
                assertTrue(o.need().resident().villageCode().startsWith(team.regionCode()), "a team serving her");
                assertTrue(o.acceptedAt() >= o.firstAssignedAt() && o.firstAssignedAt() >= o.need().at());
                assertTrue(o.servedAt().compareTo(o.lowestCapable()) >= 0, "never below the lowest capable tier");
            } else {
                assertTrue(o.everUnserved() || o.firstAssignedAt() >= 0, "waiting for a team, or unserved");
            }
        }
    }

    @Test
    void moreDemandWaitsLonger_andATeamTakenAwayServesNothing() {
        County county = County.of(ROOT, 3, 40, 15);
        Figures usual = new Figures(month(county, 3, 1), county);
        Figures doubled = new Figures(month(county, 3, 2), county);
        assertTrue(doubled.total().orders() > 1.8 * usual.total().orders());
        assertTrue(doubled.total().unserved() > usual.total().unserved(), "more orders wait for a team");

        String cavalry = "art-light-cavalry";
        County without = county.without(cavalry);
        Month.Result month = month(without, 3, 1);
        assertTrue(month.outcomes().stream().noneMatch(o -> cavalry.equals(o.team())));
        assertEquals(month(county, 3, 1).capacity().get(Tier.COUNTY) - county.teams().get(cavalry).capacity(),
                month.capacity().get(Tier.COUNTY), "the county's places, less the cavalry's");
    }

    @Test
    void activitiesOffersToSeveralAndTheOperators_serveMore_andOneAtATimeHasNoneOfThem() {
        // the whole county: a tier with several teams offering one project is rare in a small one
        County county = County.of(ROOT, 3, CountyPlan.FULL_VILLAGES, 15);
        Month.Result asSet = month(county, 3, 1);
        Random random = new Random(3);
        List<Demand.Need> needs = Demand.defaults().needs(county, JANUARY, random);
        Month.Result oneAtATime = Month.simulate(county.dispatching(Dispatching.oneAtATime()), Behaviour.defaults(),
                Operator.nobody(), JANUARY, needs, random);

        Month.Visits held = asSet.visits().values().stream().reduce((a, b) -> new Month.Visits(a.held() + b.held(),
                a.residents() + b.residents())).orElseThrow();
        assertTrue(held.residents() > held.held(), "some visit served several residents: " + held);
        assertTrue(asSet.offersWithdrawn() > 0, "an urgent order taken by one of several teams");
        assertTrue(asSet.operatorActions() > 0 && !asSet.queueWaits().isEmpty(), "the operators worked the queue");
        assertTrue(notAccepted(asSet) < notAccepted(oneAtATime),
                notAccepted(asSet) + " not accepted, against " + notAccepted(oneAtATime) + " one at a time");

        assertTrue(oneAtATime.outcomes().stream().noneMatch(Month.Outcome::inActivity));
        assertEquals(0, oneAtATime.offersWithdrawn());
        assertEquals(0, oneAtATime.operatorActions());
    }

    private static long notAccepted(Month.Result month) {
        return month.outcomes().stream().filter(o -> !o.accepted()).count();
    }

    @Test
    void aRunningSystemsDemandBecomesAsManyNeedsOfEachProjectInEachVillage_withoutWhatTheCountyLacks() {
        County county = County.of(ROOT, 3, 40, 15);
        String village = county.residents().get(0).villageCode();
        String other = county.residents().get(county.residents().size() - 1).villageCode();
        List<Demand.Ordered> ordered = List.of(new Demand.Ordered(village, "elderly-visit", 5),
                new Demand.Ordered(other, "culture-opera", 3), new Demand.Ordered("371322999999", "elderly-visit", 4),
                new Demand.Ordered(village, "no-such-project", 2));

        List<Demand.Need> needs = Demand.defaults().needs(ordered, county, JANUARY, new Random(1));

        Map<String, Long> counted = needs.stream().collect(Collectors.groupingBy(
                need -> need.resident().villageCode() + " " + need.projectCode(), Collectors.counting()));
        assertEquals(Map.of(village + " elderly-visit", 5L, other + " culture-opera", 3L), counted);
        assertTrue(needs.stream().allMatch(need -> need.at() >= 0 && need.at() < JANUARY.days() * MonthClock.DAY));
        assertEquals(16, Demand.defaults().times(2).needs(ordered, county, JANUARY, new Random(1)).size(),
                "--demand x2 doubles it");
    }

    @Test
    void theTeamsBehaviourIsAskedOnTheCommandLine_andNonsenseIsRefusedInWords() {
        Behaviour asked = Simulate.Options.parse("--decline", "0", "--answer", "county=30m", "--hours", "0-24",
                "--days-off", "county=none", "--days-off", "town=sat+sun").behaviour();
        Behaviour usual = Behaviour.defaults();
        assertEquals(new Behaviour(Map.of(Tier.VILLAGE, usual.answer().get(Tier.VILLAGE), Tier.TOWN,
                usual.answer().get(Tier.TOWN), Tier.COUNTY, Duration.ofMinutes(30)), usual.spread(), 0, 24, 0,
                Map.of(Tier.VILLAGE, Set.of(), Tier.TOWN, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        Tier.COUNTY, Set.of()), usual.deliver()), asked);
        for (List<String> nonsense : List.of(List.of("--decline", "2"), List.of("--answer", "county=soon"),
                List.of("--answer", "province=1h"), List.of("--hours", "21-7"), List.of("--days-off", "town=someday"),
                List.of("--from-running", "localhost:8084"))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Simulate.Options.parse(nonsense.toArray(String[]::new)));
            assertTrue(refused.getMessage().startsWith(nonsense.get(0)) || refused.getMessage().contains(nonsense.get(1)),
                    refused.getMessage());
        }
    }

    private static String table(long seed, double demand) {
        County county = County.of(ROOT, seed, 40, 15);
        return new Figures(month(county, seed, demand), county).table();
    }

    private static Month.Result month(County county, long seed, double demand) {
        Random random = new Random(seed);
        List<Demand.Need> needs = Demand.defaults().times(demand).needs(county, JANUARY, random);
        return Month.simulate(county, Behaviour.defaults(), Operator.defaults(), JANUARY, needs, random);
    }
}
