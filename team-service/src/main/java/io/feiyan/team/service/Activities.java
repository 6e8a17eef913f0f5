package io.feiyan.team.service;

import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.team.domain.Activity;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.AssignmentStatus;
import io.feiyan.team.domain.Project;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A team's activities — one visit serving several residents — and its answers for each as one: it accepts once (an
 * OrderAccepted for every order), declines once, and completes once with who served and their hours (one entry in
 * the hours ledger; an OrderCompleted for every order with its share of the hours). An order that joins an activity
 * the team has accepted is accepted at once, with the activity's crew and time.
 */
@ApplicationScoped
@Transactional
public class Activities {
    private static final int COMPLETED_SHOWN = 20;

    private final Outbox outbox;
    private final HoursLedger ledger;
    private final EntityManager entityManager;

    Activities(Outbox outbox, HoursLedger ledger, EntityManager entityManager) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.entityManager = entityManager;
    }

    /** An activity as the team sees it: its orders, the village each resident lives in, and where they gather. */
    public record Seen(Activity activity, Map<UUID, String> villages, Tier gathersAt, String placeCode) {
    }

    /** The team accepts every order of the activity waiting for its answer, naming its crew and, if it knows, when. */
    public Seen accept(UUID activityId, String team, List<UUID> crew, Instant scheduledFor) {
        Activity activity = Activity.lockedFor(activityId, team);
        activity.first().requireTeamVolunteers(crew, "volunteerIds");
        activity.accept(crew, scheduledFor, Instant.now()).forEach(outbox::publish);
        return seen(activity);
    }

    public Seen decline(UUID activityId, String team, OrderDeclined.DeclineReason code, String reason) {
        Activity activity = Activity.lockedFor(activityId, team);
        activity.decline(code, reason, Instant.now()).forEach(outbox::publish);
        return seen(activity);
    }

    /**
     * Completes the activity's accepted orders: its hours go into the ledger once — a line for each volunteer who
     * served, or one line as the team's when it names no one — on its first order, and are shared among its orders'
     * OrderCompleted to the cent.
     */
    public Seen complete(UUID activityId, String team, List<ServiceRecords.Served> servedBy, BigDecimal hours,
            String summary) {
        Activity activity = Activity.lockedFor(activityId, team);
        activity.first().requireTeamVolunteers(servedBy.stream().map(ServiceRecords.Served::volunteerId).toList(),
                "servedBy");
        List<OrderCompleted.HoursLine> lines = servedBy.isEmpty() ? ServiceRecords.teamsOwn(hours)
                : servedBy.stream().map(served -> new OrderCompleted.HoursLine(served.volunteerId(), served.hours()))
                        .toList();
        List<OrderCompleted> completed = activity.complete(hours, lines, Instant.now());
        completed.forEach(outbox::publish);
        ledger.write(Assignment.findById(completed.get(0).orderId()), completed.get(0));
        activity.orders().stream().filter(a -> a.status == AssignmentStatus.COMPLETED && summary != null)
                .forEach(a -> a.summary = summary);
        return seen(activity);
    }

    /**
     * An order dispatch just gave the team in an activity the team has already accepted joins the planned visit: it
     * is accepted at once, with the activity's crew and time.
     */
    public void joined(OrderAssigned assigned) {
        if (assigned.activityId() == null) {
            return;
        }
        Assignment joining = Assignment.findById(assigned.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (joining == null || joining.status != AssignmentStatus.OFFERED
                || !assigned.activityId().equals(joining.activityId)) {
            return;
        }
        Activity activity = Activity.lockedFor(assigned.activityId(), joining.teamCode);
        activity.accepted().ifPresent(planned -> outbox.publish(
                joining.accept(planned.crew, planned.scheduledFor, Instant.now())));
    }

    /** The activity, as whoever may see its team's work sees it. */
    public Seen get(UUID activityId) {
        List<Assignment> orders = Assignment.list("activityId = ?1", activityId);
        if (orders.isEmpty()) {
            throw new NotFound("activity", activityId);
        }
        return seen(new Activity(activityId, orders));
    }

    /**
     * The team's activities in its inbox: those with an order waiting for its answer or to be served, by time left to
     * accept, then those it completed lately, the latest first.
     */
    public List<Seen> inbox(String teamCode) {
        List<Assignment> open = Assignment.list("teamCode = ?1 and activityId is not null and status in ?2",
                Sort.ascending("acceptBy"), teamCode, List.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED));
        List<Assignment> completed = Assignment.find("teamCode = ?1 and activityId is not null and status = ?2",
                Sort.descending("completedAt"), teamCode, AssignmentStatus.COMPLETED).page(0, COMPLETED_SHOWN).list();
        Set<UUID> shown = new LinkedHashSet<>();
        open.forEach(a -> shown.add(a.activityId));
        completed.forEach(a -> shown.add(a.activityId));
        if (shown.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Assignment>> byActivity = Assignment.<Assignment>list("teamCode = ?1 and activityId in ?2",
                teamCode, shown).stream().collect(Collectors.groupingBy(a -> a.activityId));
        return shown.stream().map(id -> seen(new Activity(id, byActivity.get(id)))).toList();
    }

    private Seen seen(Activity activity) {
        Map<UUID, String> villages = villagesOf(activity.orders().stream().map(a -> a.orderId).toList());
        Assignment first = activity.first();
        Project project = first.projectCode == null ? null : Project.findById(first.projectCode);
        Tier gathersAt = project == null ? Tier.VILLAGE : project.gathersAt;
        String village = activity.orders().stream().map(a -> villages.get(a.orderId))
                .filter(code -> code != null).findFirst().orElse(null);
        String place = village == null ? null
                : gathersAt == Tier.TOWN ? RegionCode.of(village).at(Tier.TOWN).value() : village;
        return new Seen(activity, villages, gathersAt, place);
    }

    /** The village of each order's resident, as its OrderPlaced said (none for an order not heard of yet). */
    private Map<UUID, String> villagesOf(Collection<UUID> orderIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select order_id, village_code from demand where order_id in (?1) and village_code is not null")
                .setParameter(1, orderIds).getResultList();
        Map<UUID, String> villages = new HashMap<>();
        rows.forEach(row -> villages.put((UUID) row[0], (String) row[1]));
        return villages;
    }
}
