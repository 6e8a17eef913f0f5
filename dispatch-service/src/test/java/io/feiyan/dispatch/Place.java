package io.feiyan.dispatch;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A town of its own for one test, in county 371322: town 3713222NN with its village 3713222NN201, and
 * projects and teams whose codes carry the town's number, so tests sharing a database never meet.
 */
final class Place {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final EventProbe probe;
    private final int number;
    final String town;
    final String village;

    Place(EventProbe probe, int number) {
        this.probe = probe;
        this.number = number;
        this.town = "371322" + number;
        this.village = town + "201";
    }

    String prefix() {
        return "t" + number + "-";
    }

    String code(String name) {
        return prefix() + name;
    }

    void project(String name) {
        project(name, "CAT" + number);
    }

    void project(String name, String category) {
        probe.publish(new ProjectUpdated(code(name), name, category, List.of(), true));
    }

    /** A project one visit of which serves up to {@code perVisit} residents of a village, or of a town. */
    void project(String name, int perVisit, Tier gathersAt) {
        probe.publish(new ProjectUpdated(code(name), name, "CAT" + number, List.of(), true, perVisit, gathersAt));
    }

    /** A team of the place at the tier: of its village, its town, or the county. */
    void team(String name, Tier tier, int capacity, String... projects) {
        String region = switch (tier) {
            case VILLAGE -> village;
            case TOWN -> town;
            case COUNTY -> "371322";
        };
        probe.publish(new TeamUpdated(code(name), name, tier, region,
                Arrays.stream(projects).map(this::code).toList(), capacity, true));
        await().atMost(WAIT).until(() -> Auth.countyCentre().get("/api/teams").then().extract().jsonPath()
                .getList("code").contains(code(name)));
    }

    UUID order(String project, Urgency urgency) {
        UUID order = UUID.randomUUID();
        probe.publish(new OrderPlaced(order, UUID.randomUUID(), code(project), "CAT" + number, false, village, urgency,
                Channel.PROXY, "V-1", null, null, Instant.now()));
        return order;
    }

    /** An order a 飞燕 volunteer asked to add to the activity. */
    UUID order(String project, Urgency urgency, UUID joinActivity) {
        UUID order = UUID.randomUUID();
        probe.publish(new OrderPlaced(order, UUID.randomUUID(), code(project), "CAT" + number, false, village, urgency,
                Channel.PROXY, "V-1", null, null, Instant.now(), null, joinActivity));
        return order;
    }

    UUID freeTextNeed(UUID resident) {
        UUID order = UUID.randomUUID();
        probe.publish(new OrderPlaced(order, resident, null, "CAT" + number, true, village, Urgency.ROUTINE,
                Channel.PHONE, null, null, null, Instant.now()));
        return order;
    }

    OrderAssigned assigned(UUID order) {
        return assignments(order, 1).get(0);
    }

    /** The order's first {@code count} assignments, once there are that many. */
    List<OrderAssigned> assignments(UUID order, int count) {
        List<OrderAssigned> assignments = probe.first(count, Topics.ORDERS_ASSIGNED, keyed(order), WAIT).stream()
                .map(record -> payload(record, OrderAssigned.class)).toList();
        assertEquals(count, assignments.size(), "assignments of " + order + " within " + WAIT);
        return assignments;
    }

    OrderEscalated escalated(UUID order) {
        return payload(probe.await(Topics.ORDERS_ESCALATED, keyed(order), WAIT), OrderEscalated.class);
    }
}
