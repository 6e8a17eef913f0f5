package io.feiyan.team.service;

import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.platform.messaging.OrderTraces;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.Team;
import io.feiyan.team.domain.Volunteer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A team completes an order with its service record: who served, and their hours, which go into the hours ledger
 * (the volunteers' own, or the team's when it names no one). A need met on the spot is completed so at once.
 */
@ApplicationScoped
@Transactional
public class ServiceRecords {
    private final Outbox outbox;
    private final HoursLedger ledger;

    ServiceRecords(Outbox outbox, HoursLedger ledger) {
        this.outbox = outbox;
        this.ledger = ledger;
    }

    /** Who served, and for how long; each must be a volunteer of the team. */
    public record Served(UUID volunteerId, BigDecimal hours) {
    }

    /**
     * Completes the order with its service record: the volunteers who served and their hours (which go
     * into the hours ledger and add up to the order's volunteer hours), and a summary.
     */
    public Assignment complete(UUID orderId, String team, List<Served> servedBy, String summary) {
        BigDecimal total = servedBy.stream().map(Served::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        Assignment assignment = Assignment.lockedFor(orderId, team);
        assignment.requireServedAlone("complete");
        assignment.requireTeamVolunteers(servedBy.stream().map(Served::volunteerId).toList(), "servedBy");
        completed(assignment, assignment.complete(total, servedBy.stream()
                .map(served -> new OrderCompleted.HoursLine(served.volunteerId(), served.hours())).toList(), Instant.now()));
        assignment.summary = summary;
        return assignment;
    }

    /**
     * Completes the order with its volunteer hours only, for teams that keep no service record here: the hours go into
     * the ledger as the team's, naming no volunteer.
     */
    public Assignment complete(UUID orderId, String team, BigDecimal volunteerHours) {
        Assignment assignment = Assignment.lockedFor(orderId, team);
        assignment.requireServedAlone("complete");
        completed(assignment, assignment.complete(volunteerHours, teamsOwn(volunteerHours), Instant.now()));
        return assignment;
    }

    /**
     * A need a 飞燕 volunteer met there and then: the village's 飞燕 team (the one they serve in, where the village has
     * several) completes it at once with their hours — in its work, in the hours ledger and as OrderCompleted — with
     * no offer and no acceptance. An order recorded before changes nothing.
     */
    public void solvedOnTheSpot(OrderPlaced placed) {
        if (Assignment.findById(placed.orderId()) != null) {
            return;
        }
        OrderPlaced.SolvedOnTheSpot solved = placed.solvedOnTheSpot();
        Volunteer volunteer = Volunteer.findById(solved.volunteerId());
        List<Team> villageTeams = Team.list("tier = ?1 and regionCode = ?2 and active = true", Sort.ascending("code"),
                Tier.VILLAGE, placed.villageCode());
        Team team = villageTeams.stream().filter(t -> volunteer != null && volunteer.teamCodes.contains(t.code))
                .findFirst().or(() -> villageTeams.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("village " + placed.villageCode()
                        + " has no active 飞燕 team to complete order " + placed.orderId() + " solved on the spot"));
        Instant now = Instant.now();
        Assignment assignment = Assignment.solvedOnTheSpot(placed, team.code, now);
        assignment.traceparent = OrderTraces.current();
        assignment.persist(); // first, so the outbox finds the order's trace on it
        completed(assignment, assignment.complete(solved.hours(), volunteer == null ? teamsOwn(solved.hours())
                : List.of(new OrderCompleted.HoursLine(volunteer.id, solved.hours())), now));
    }

    /** The completion published, and its lines written into the hours ledger. */
    private void completed(Assignment assignment, OrderCompleted completed) {
        outbox.publish(completed);
        ledger.write(assignment, completed);
    }

    /** Hours that name no one: one line, the team's. */
    static List<OrderCompleted.HoursLine> teamsOwn(BigDecimal hours) {
        return List.of(new OrderCompleted.HoursLine(null, hours));
    }
}
