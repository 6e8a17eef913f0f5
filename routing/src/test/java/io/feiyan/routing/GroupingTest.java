package io.feiyan.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grouping rule, situation by situation: each row an order, the activities planned, and the one it joins, or
 * "alone" (routed, starting its own).
 */
class GroupingTest {
    private static final String VILLAGE = "371322206201";
    private static final String NEIGHBOUR_VILLAGE = "371322206202";
    private static final String TOWN = "371322206";
    private static final String OTHER_TOWN = "371322107";
    private static final Instant MONDAY = Instant.parse("2027-01-04T02:00:00Z");
    private static final Instant DEADLINE = MONDAY.plusSeconds(7 * 86_400);

    static Stream<Arguments> situations() {
        return Stream.of(
                row("an opera on the village square planned before her deadline, with room: she joins it",
                        need(), List.of(activity("A1", VILLAGE, 3, 2)), "A1"),
                row("a project one visit serves one resident of: alone",
                        need().perVisit(1), List.of(activity("A1", VILLAGE, 0, 2)), "alone"),
                row("an urgent need never waits for a group",
                        need().urgency(Urgency.URGENT), List.of(activity("A1", VILLAGE, 3, 2)), "alone"),
                row("a critical need never waits for a group",
                        need().urgency(Urgency.CRITICAL), List.of(activity("A1", VILLAGE, 3, 2)), "alone"),
                row("a complex need may join",
                        need().urgency(Urgency.COMPLEX), List.of(activity("A1", VILLAGE, 3, 2)), "A1"),
                row("the activity is full: alone",
                        need().perVisit(3), List.of(activity("A1", VILLAGE, 3, 2)), "alone"),
                row("the activity takes place after her deadline: alone",
                        need(), List.of(activity("A1", VILLAGE, 3, 8)), "alone"),
                row("the activity takes place on her deadline: she joins",
                        need(), List.of(activity("A1", VILLAGE, 3, 7)), "A1"),
                row("another project's activity: alone",
                        need(), List.of(new Grouping.Activity("A1", "T1", "film", VILLAGE, 3, day(2))), "alone"),
                row("an activity in a neighbouring village: alone",
                        need(), List.of(activity("A1", NEIGHBOUR_VILLAGE, 3, 2)), "alone"),
                row("an activity gathering her town: she joins",
                        need(), List.of(activity("A1", TOWN, 3, 2)), "A1"),
                row("an activity gathering another town: alone",
                        need(), List.of(activity("A1", OTHER_TOWN, 3, 2)), "alone"),
                row("an activity of a team that passed her by: alone",
                        need().passedBy("T1"), List.of(activity("A1", VILLAGE, 3, 2)), "alone"),
                row("two she could join: the one that takes place first",
                        need(), List.of(activity("A1", VILLAGE, 3, 4), activity("A2", TOWN, 9, 2)), "A2"),
                row("two on the same day: by id, so the choice is always the same",
                        need(), List.of(activity("A2", VILLAGE, 3, 2), activity("A1", TOWN, 9, 2)), "A1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void joinsAsTheRuleSays(String situation, Grouping.Need need, List<Grouping.Activity> activities,
            String expected) {
        assertEquals(expected, Grouping.join(need, activities).map(Grouping.Activity::id).orElse("alone"));
    }

    @Test
    void anActivityGathersTheTownOnlyWhereTheProjectSaysSoAndItsTeamServesTheTown() {
        assertEquals(TOWN, Grouping.placeOf(VILLAGE, Tier.TOWN, Tier.COUNTY));
        assertEquals(TOWN, Grouping.placeOf(VILLAGE, Tier.TOWN, Tier.TOWN));
        assertEquals(VILLAGE, Grouping.placeOf(VILLAGE, Tier.TOWN, Tier.VILLAGE), "a village's team");
        assertEquals(VILLAGE, Grouping.placeOf(VILLAGE, Tier.VILLAGE, Tier.COUNTY), "the opera on the square");
    }

    private static Arguments row(String situation, Need need, List<Grouping.Activity> activities, String expected) {
        return Arguments.of(situation, need.build(), activities, expected);
    }

    /** An activity of team T1 for the opera, gathering the place, with so many residents, on the day after Monday. */
    private static Grouping.Activity activity(String id, String place, int residents, int day) {
        return new Grouping.Activity(id, "T1", "opera", place, residents, day(day));
    }

    private static Instant day(int days) {
        return MONDAY.plusSeconds(days * 86_400L);
    }

    /** A routine order for the opera (a visit serves 200) by a resident of {@link #VILLAGE}, due in 7 days. */
    private static Need need() {
        return new Need();
    }

    private static final class Need {
        private int perVisit = 200;
        private Urgency urgency = Urgency.ROUTINE;
        private Set<String> passedBy = Set.of();

        Need perVisit(int residents) {
            perVisit = residents;
            return this;
        }

        Need urgency(Urgency urgency) {
            this.urgency = urgency;
            return this;
        }

        Need passedBy(String team) {
            passedBy = Set.of(team);
            return this;
        }

        Grouping.Need build() {
            return new Grouping.Need(VILLAGE, "opera", perVisit, Tier.VILLAGE, urgency, DEADLINE, passedBy);
        }
    }
}
