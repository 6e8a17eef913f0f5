package io.feiyan.team.service;

import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.Unprocessable;
import io.feiyan.platform.messaging.OrderTraces;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.AssignmentStatus;
import io.feiyan.team.domain.IllegalAssignmentMove;
import io.feiyan.team.domain.ServiceHours;
import io.feiyan.team.domain.Team;
import io.feiyan.team.domain.UnattributedHours;
import io.feiyan.team.domain.Volunteer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A team's work: the orders dispatch gives it, which it accepts (接单) and completes. */
@ApplicationScoped
@Transactional
public class AssignmentService {
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ZoneId zone;

    AssignmentService(Outbox outbox, EntityManager entityManager,
            @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.zone = zone;
    }

    /**
     * Records dispatch's assignment of an order. The newest assignment wins: after a decline or a missed time
     * to accept the order goes to another team, and after a reopening it comes back. An order withdrawn before
     * its assignment arrived is recorded as called off.
     */
    public void record(OrderAssigned assigned) {
        Assignment assignment = Assignment.findById(assigned.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null) {
            assignment = Assignment.offeredBy(assigned);
            assignment.traceparent = OrderTraces.current();
            assignment.persist();
        } else if (assignment.isOlderThan(assigned)) {
            assignment.offer(assigned);
        }
        if (isCancelled(assigned.orderId())) {
            assignment.cancel();
        }
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
        outbox.publish(assignment.complete(solved.hours(), now));
        assignment.persist();
        if (volunteer == null) {
            unattributed(assignment, solved.hours());
        } else {
            served(assignment, new Served(volunteer.id, solved.hours()));
        }
    }

    /** The order was withdrawn in intake: an offer not yet accepted is called off. */
    public void cancel(UUID orderId) {
        entityManager.createNativeQuery("insert into cancelled_order (order_id) values (?1) on conflict do nothing")
                .setParameter(1, orderId).executeUpdate();
        Assignment assignment = Assignment.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment != null) {
            assignment.cancel();
        }
    }

    /** Dispatch sent the order up a tier: an offer made before that and not yet accepted is called off. */
    public void passedOn(UUID orderId, Instant escalatedAt) {
        Assignment assignment = Assignment.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment != null && assignment.assignedAt.isBefore(escalatedAt)) {
            assignment.cancel();
        }
    }

    private static void requireTeamVolunteers(Assignment assignment, List<UUID> volunteers, String field) {
        for (UUID id : volunteers) {
            Volunteer volunteer = Volunteer.findById(id);
            if (volunteer == null || !volunteer.teamCodes.contains(assignment.teamCode)) {
                throw new Unprocessable("not-a-team-volunteer", "Not a volunteer of the team",
                        "volunteer " + id + " is not one of " + assignment.teamCode + "'s").with("field", field);
            }
        }
    }

    private boolean isCancelled(UUID orderId) {
        return !entityManager.createNativeQuery("select 1 from cancelled_order where order_id = ?1")
                .setParameter(1, orderId).getResultList().isEmpty();
    }

    /** The team takes the order, naming the volunteers it sends (its own) and, if it knows, when they come. */
    public Assignment accept(UUID orderId, String team, List<UUID> crew, Instant scheduledFor) {
        return move(orderId, team, assignment -> {
            requireTeamVolunteers(assignment, crew, "volunteerIds");
            return outbox.publish(assignment.accept(crew, scheduledFor, Instant.now()));
        });
    }

    public Assignment decline(UUID orderId, String team, OrderDeclined.DeclineReason code, String reason) {
        return move(orderId, team, assignment -> outbox.publish(assignment.decline(code, reason, Instant.now())));
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
        return move(orderId, team, assignment -> {
            requireTeamVolunteers(assignment, servedBy.stream().map(Served::volunteerId).toList(), "servedBy");
            UUID eventId = outbox.publish(assignment.complete(total, Instant.now()));
            assignment.summary = summary;
            servedBy.forEach(served -> served(assignment, served));
            return eventId;
        });
    }

    /**
     * Completes the order with its volunteer hours only, for teams that keep no service record here: the hours go into
     * the ledger as the team's, naming no volunteer.
     */
    public Assignment complete(UUID orderId, String team, BigDecimal volunteerHours) {
        return move(orderId, team, assignment -> {
            UUID eventId = outbox.publish(assignment.complete(volunteerHours, Instant.now()));
            unattributed(assignment, volunteerHours);
            return eventId;
        });
    }

    /** A volunteer's hours on a completed order, into the ledger. */
    private void served(Assignment assignment, Served served) {
        ServiceHours line = new ServiceHours();
        line.orderId = assignment.orderId;
        line.volunteerId = served.volunteerId();
        line.teamCode = assignment.teamCode;
        line.projectCode = assignment.projectCode;
        line.hours = served.hours();
        line.servedOn = LocalDate.ofInstant(assignment.completedAt, zone);
        line.persist();
    }

    /** A completed order's hours that name no one, into the ledger as the team's. */
    private void unattributed(Assignment assignment, BigDecimal hours) {
        UnattributedHours line = new UnattributedHours();
        line.orderId = assignment.orderId;
        line.teamCode = assignment.teamCode;
        line.projectCode = assignment.projectCode;
        line.hours = hours;
        line.servedOn = LocalDate.ofInstant(assignment.completedAt, zone);
        line.persist();
    }

    /** A team's inbox: new offers, accepted orders (with a time: scheduled) and recently completed ones. */
    public record Inbox(List<Assignment> offered, List<Assignment> accepted, List<Assignment> scheduled,
            List<Assignment> completed) {
    }

    public Inbox inbox(String teamCode) {
        List<Assignment> open = Assignment.list("teamCode = ?1 and status in ?2", Sort.ascending("acceptBy"), teamCode,
                List.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED));
        List<Assignment> completed = Assignment.find("teamCode = ?1 and status = ?2", Sort.descending("completedAt"),
                teamCode, AssignmentStatus.COMPLETED).page(0, 20).list();
        return new Inbox(
                open.stream().filter(a -> a.status == AssignmentStatus.OFFERED).toList(),
                open.stream().filter(a -> a.status == AssignmentStatus.ACCEPTED && a.scheduledFor == null).toList(),
                open.stream().filter(a -> a.status == AssignmentStatus.ACCEPTED && a.scheduledFor != null)
                        .sorted(Comparator.comparing(a -> a.scheduledFor)).toList(),
                completed);
    }

    public Assignment get(UUID orderId) {
        Assignment assignment = Assignment.findById(orderId);
        if (assignment == null) {
            throw new NotFound("assignment", orderId);
        }
        return assignment;
    }

    public List<Assignment> list(String teamCode, AssignmentStatus status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (teamCode != null) {
            query.append(" and teamCode = :team");
            params.put("team", teamCode);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        return Assignment.list(query.toString(), Sort.descending("assignedAt"), params);
    }

    /** Makes a move on the assignment, which only the team it is assigned to may make. */
    private Assignment move(UUID orderId, String team, Function<Assignment, UUID> move) {
        Assignment assignment = Assignment.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null) {
            throw new NotFound("assignment", orderId);
        }
        if (!assignment.teamCode.equals(team)) {
            throw new NotAllowed("not-your-assignment", "The order is not assigned to your team",
                    "order " + orderId + " is assigned to another team; only that team can act on it");
        }
        try {
            move.apply(assignment);
        } catch (IllegalAssignmentMove e) {
            throw new IllegalMove("assignment-state", "The assignment cannot make that move", e.getMessage())
                    .with("status", e.status());
        }
        return assignment;
    }
}
