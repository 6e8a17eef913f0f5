package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.Decision;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.IllegalCaseMove;
import io.feiyan.dispatch.domain.Project;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.dispatch.metrics.DispatchMetrics;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.platform.messaging.OrderTraces;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.messaging.SqlTime;
import io.feiyan.platform.rest.Problem;
import io.feiyan.platform.security.Caller;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Review and dispatch (审核, 派单). Every placed order becomes a case; one that needs no review is
 * routed at once: to a team of the resident's village, else up to the town, else to the county
 * ("诉求不出村"). A decline tries the next team of the tier, a missed time to accept sends it up a
 * tier, and what no team can take waits, unserved, for an operator. Every decision is an event.
 */
@ApplicationScoped
@Transactional
public class DispatchService {
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final DispatchConfig config;
    private final DispatchMetrics metrics;
    private final CaseChanges caseChanges;

    DispatchService(Outbox outbox, EntityManager entityManager, DispatchConfig config, DispatchMetrics metrics,
            CaseChanges caseChanges) {
        this.outbox = outbox;
        this.caseChanges = caseChanges;
        this.entityManager = entityManager;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Opens the order's case and routes it unless it needs review; an order seen before changes nothing. A need its
     * 飞燕 volunteer solved on the spot opens none: no team is sought (the village's 飞燕 team completes it).
     */
    public void open(OrderPlaced placed) {
        if (placed.solvedOnTheSpot() != null || DispatchCase.findById(placed.orderId()) != null) {
            return;
        }
        DispatchCase c = DispatchCase.open(placed, reviewReason(placed), config.review().tier(), Instant.now());
        c.traceparent = OrderTraces.current();
        c.persist();
        if (c.reviewReason == null) {
            outbox.publish(c.approve(null, Instant.now()), c.traceparent);
        }
        route(c, Routing.Move.ROUTE, null);
        changed(c);
    }

    public void approve(UUID orderId, Operator by) {
        DispatchCase c = lockedFor(orderId, by);
        outbox.publish(move(() -> c.approve(by.id(), Instant.now())), c.traceparent);
        Decision.record(orderId, Decision.Kind.APPROVED, "approved at review", by.id(), Instant.now());
        route(c, Routing.Move.ROUTE, null);
        changed(c);
    }

    public void reject(UUID orderId, Operator by, String reason) {
        DispatchCase c = lockedFor(orderId, by);
        outbox.publish(move(() -> c.reject(reason, by.id(), Instant.now())), c.traceparent);
        Decision.record(orderId, Decision.Kind.REJECTED, reason, by.id(), Instant.now());
        changed(c);
    }

    /** An operator gives the case to a team of their choice, whatever its tier or load. */
    public void assign(UUID orderId, String teamCode, Operator by, String note) {
        DispatchCase c = lockedFor(orderId, by);
        if (!c.isRoutable() && c.status != CaseStatus.ASSIGNED && c.status != CaseStatus.IN_REVIEW) {
            throw cannot(new IllegalCaseMove(orderId, c.status, "assigned"));
        }
        Team team = Team.findById(teamCode);
        if (team == null || !team.active) {
            throw Problem.of(422, "unknown-team", "No such active team", "there is no active team " + teamCode)
                    .with("field", "teamCode").exception();
        }
        if (c.status == CaseStatus.IN_REVIEW) {
            outbox.publish(c.approve(by.id(), Instant.now()), c.traceparent);
        }
        if (c.teamCode != null) {
            c.takenFrom(c.teamCode, Instant.now());
        }
        c.status = CaseStatus.WAITING;
        take(team.code, false);
        Set<String> projects = projectsFor(c);
        assign(c, team.code, team.tier, false, by.id(), note, Routing.capable(c.villageCode, projects,
                candidates(c, projects)));
        changed(c);
    }

    /** An operator sends the case up one tier; it is routed there at once. */
    public void escalate(UUID orderId, Operator by, String note) {
        DispatchCase c = lockedFor(orderId, by);
        if (!c.status.isOpen() || c.status == CaseStatus.ACCEPTED) {
            throw cannot(new IllegalCaseMove(orderId, c.status, "escalated"));
        }
        if (c.status == CaseStatus.IN_REVIEW) {
            outbox.publish(c.approve(by.id(), Instant.now()), c.traceparent);
        }
        escalate(c, move(() -> c.escalate(EscalationReason.OPERATOR, by.id(), note, Instant.now())));
        route(c, Routing.Move.ROUTE, null);
        changed(c);
    }

    /** The team said no: the next team of the tier, or the tier above when none is left. */
    public void declined(OrderDeclined declined) {
        DispatchCase c = DispatchCase.findById(declined.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.status != CaseStatus.ASSIGNED || !declined.teamCode().equals(c.teamCode)) {
            return; // not (or no longer) that team's
        }
        c.declinedBy(declined.teamCode(), Instant.now());
        Decision.record(c.orderId, Decision.Kind.DECLINED, declined.teamCode() + ": " + declined.inWords(), null,
                Instant.now());
        route(c, Routing.Move.DECLINED, declined.teamCode());
        changed(c);
    }

    /** The team accepted it and did not deliver by the deadline: the tier above is told; the team keeps it. */
    public void deadlinePassed(DispatchCase c, Instant now) {
        OrderEscalated overdue = c.deadlinePassed(now);
        outbox.publish(overdue, c.traceparent);
        metrics.escalated(overdue);
        Decision.record(c.orderId, Decision.Kind.ESCALATED, overdue.note() + ": overdue, "
                + overdue.toTier().name().toLowerCase(Locale.ROOT) + " tier told", null, now);
        changed(c);
    }

    /** The team let its time to accept pass: the case goes up a tier, and is routed there. */
    public void timedOut(DispatchCase c, Instant now) {
        String team = c.teamCode;
        c.passedOnBy(team, now);
        Decision.record(c.orderId, Decision.Kind.TIMED_OUT, team + " did not accept in time", null, now);
        route(c, Routing.Move.TIMED_OUT, team);
        changed(c);
    }

    /** A delivered order reported unresolved comes back, to be routed again from the village. */
    public void reopened(OrderReopened reopened) {
        DispatchCase c = DispatchCase.findById(reopened.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.status != CaseStatus.COMPLETED) {
            return;
        }
        c.reopen(Instant.now());
        Decision.record(c.orderId, Decision.Kind.REOPENED, reopened.reason(), null, Instant.now());
        route(c, Routing.Move.ROUTE, null);
        changed(c);
    }

    /**
     * Routes the cases waiting for a team again, oldest first, after the directory or catalogue changed: a
     * new or changed team may serve them, unserved ones included. Each case is locked, and cases another
     * instance holds are skipped.
     */
    public void retryWaiting() {
        retry("status = 'WAITING'");
    }

    /**
     * Routes again the waiting cases not yet marked unserved: one whose project reached this copy of the
     * catalogue just after the case itself would otherwise wait for the next change of the directory.
     * Unserved cases change only with the directory, which retries them itself.
     */
    public void retryNotYetRouted() {
        retry("status = 'WAITING' and not unserved");
    }

    /**
     * A team has room again: the unserved cases of its region that it could serve are routed again, no
     * others (only its room changed). Unlike the other retries it waits for cases another transaction holds:
     * that one may have routed them on the loads from before this room was made.
     */
    private void retryUnservedFor(String teamCode) {
        Team team = Team.findById(teamCode);
        if (team == null || !team.active || team.projectCodes.isEmpty()) {
            return;
        }
        List<String> categories = Project.<Project>list("code in ?1 and active = true", team.projectCodes).stream()
                .map(project -> project.category).distinct().toList();
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                select order_id from dispatch_case where status = 'WAITING' and unserved and village_code like ?1
                and (project_code in (?2) or project_code is null and category in (?3))
                order by placed_at for update""", UUID.class)
                .setParameter(1, team.regionCode + "%")
                .setParameter(2, team.projectCodes)
                .setParameter(3, categories.isEmpty() ? List.of("") : categories)
                .getResultList();
        routeAgain(ids);
    }

    private void retry(String which) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("select order_id from dispatch_case where " + which
                + " order by placed_at for update skip locked", UUID.class).getResultList();
        routeAgain(ids);
    }

    private void routeAgain(List<UUID> ids) {
        for (UUID id : ids) {
            DispatchCase c = DispatchCase.findById(id);
            if (route(c, Routing.Move.ROUTE, null)) {
                changed(c);
            }
        }
    }

    /** The resident withdrew the order; a team it was offered to has room again for an unserved case. */
    public void cancel(UUID orderId) {
        DispatchCase c = DispatchCase.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (c != null) {
            String offeredTo = c.status == CaseStatus.ASSIGNED ? c.teamCode : null;
            c.cancel(Instant.now());
            changed(c);
            if (offeredTo != null && c.status == CaseStatus.CANCELLED) {
                retryUnservedFor(offeredTo);
            }
        }
    }

    /**
     * The team the case is with reports it accepted or completed it; reports of other teams are stale. A
     * completion leaves the team room for an unserved case.
     */
    public void advance(UUID orderId, String team, CaseStatus reached) {
        DispatchCase c = DispatchCase.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (c != null && c.advance(team, reached, Instant.now())) {
            changed(c);
            if (reached == CaseStatus.COMPLETED) {
                retryUnservedFor(team);
            }
        }
    }

    /**
     * Routes the case by the rule ({@link Routing}) and carries its route out: each tier it climbs an escalation, then
     * a place taken at its team, or unserved. One statement takes the place only while the team has room, so
     * routings running at once that chose the same team take its last places one at a time; a team found full
     * meanwhile is left out and the rule asked again. Returns whether the case reached a team.
     */
    private boolean route(DispatchCase c, Routing.Move move, String leftTeam) {
        release(c);
        if (!c.isRoutable() || !needKnown(c)) {
            return false;
        }
        Set<String> projects = projectsFor(c);
        Routing.Case situation = new Routing.Case(c.villageCode, c.tier, projects, Set.copyOf(c.passedBy),
                Set.copyOf(c.declinedBy), c.unserved, move, leftTeam, c.askedAgain);
        List<Routing.Team> teams = candidates(c, projects);
        Routing.Route route = Routing.route(situation, teams);
        while (route.team().isPresent() && !take(route.team().get().code(), true)) {
            String full = route.team().get().code();
            teams.replaceAll(team -> team.code().equals(full) ? team.full() : team);
            route = Routing.route(situation, teams);
        }
        Instant now = Instant.now();
        for (Routing.Climb climb : route.climbs()) {
            escalate(c, c.escalate(climb.reason(), null, climb.note(), now));
        }
        if (route.team().isPresent()) {
            assign(c, route.team().get().code(), route.team().get().tier(), route.askedAgain(), null, null,
                    Routing.capable(c.villageCode, projects, teams));
            return true;
        }
        if (!c.unserved) {
            outbox.publish(c.markUnserved(now), c.traceparent);
            Decision.record(c.orderId, Decision.Kind.UNSERVED, "no team in the county can take it now", null, now);
        }
        return false;
    }

    /**
     * The active teams of the case's village, town and county that offer one of its projects, with their loads now:
     * the rows routing decides on, in one statement, however large the county and however many cases it has seen.
     * Each team's open orders and last assignment are kept on its row ({@link #take}, {@link #release}).
     */
    private List<Routing.Team> candidates(DispatchCase c, Set<String> projects) {
        if (projects.isEmpty()) {
            return new ArrayList<>();
        }
        RegionCode village = RegionCode.of(c.villageCode);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select code, tier, region_code, array_to_string(project_codes, ','), capacity, open_orders,
                        last_assigned_at from team
                        where active and region_code in (?1, ?2, ?3) and project_codes && string_to_array(?4, ',')""")
                .setParameter(1, village.value())
                .setParameter(2, village.at(Tier.TOWN).value())
                .setParameter(3, village.at(Tier.COUNTY).value())
                .setParameter(4, String.join(",", projects)) // codes have no commas (team-service: letters, digits, - and _)
                .setFlushMode(FlushModeType.COMMIT) // the loads are on the rows already: nothing to flush first
                .getResultList();
        List<Routing.Team> teams = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            teams.add(new Routing.Team((String) row[0], Tier.valueOf((String) row[1]), (String) row[2], true,
                    // a team may name a project twice (team-service keeps the list as given): Set.copyOf takes that
                    Set.copyOf(Arrays.asList(((String) row[3]).split(","))), ((Number) row[4]).intValue(),
                    ((Number) row[5]).longValue(),
                    row[6] == null ? null : SqlTime.instant(row[6])));
        }
        return teams;
    }

    /**
     * Takes a place at the team for a case given to it: its open orders one more, and now its last assignment. With
     * {@code onlyWithRoom}, only while it has room; returns whether the place was taken.
     */
    private boolean take(String team, boolean onlyWithRoom) {
        return entityManager.createNativeQuery("update team set open_orders = open_orders + 1, last_assigned_at = ?1"
                        + " where code = ?2" + (onlyWithRoom ? " and open_orders < capacity" : ""))
                .setParameter(1, Instant.now())
                .setParameter(2, team)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate() == 1;
    }

    /** Gives back the places the case held at teams it has left, completed or been withdrawn from. */
    private void release(DispatchCase c) {
        for (String team : c.takeReleased()) {
            entityManager.createNativeQuery("update team set open_orders = open_orders - 1 where code = ?1"
                            + " and open_orders > 0")
                    .setParameter(1, team)
                    .setFlushMode(FlushModeType.COMMIT)
                    .executeUpdate();
        }
    }

    /**
     * Gives the case to the team — {@code askedAgain} when it had let the case's time pass — saying the lowest tier a
     * {@code capable} team was at and the team's peers (feedback measures dispatch by them).
     */
    private void assign(DispatchCase c, String team, Tier tier, boolean askedAgain, String operator, String note,
            Routing.Capable capable) {
        outbox.publish(c.assignTo(team, tier, config.acceptWithin(c.urgency), operator, note, capable.lowestTier(),
                capable.peersOf(team, tier), askedAgain, Instant.now()), c.traceparent);
        Decision.record(c.orderId, Decision.Kind.ASSIGNED, team + " at " + lower(tier) + " tier"
                + (askedAgain ? ", asked again: no other team is left" : "") + (note == null ? "" : ": " + note),
                operator, Instant.now());
    }

    private void escalate(DispatchCase c, OrderEscalated escalated) {
        outbox.publish(escalated, c.traceparent);
        metrics.escalated(escalated);
        Decision.record(c.orderId, Decision.Kind.ESCALATED, lower(escalated.fromTier()) + " → " + lower(escalated.toTier())
                + ": " + lower(escalated.reason()) + (escalated.note() == null ? "" : " (" + escalated.note() + ")"),
                escalated.escalatedBy(), escalated.escalatedAt());
    }

    /** A catalogue order waits until the catalogue copy knows its project. */
    private static boolean needKnown(DispatchCase c) {
        if (c.projectCode == null) {
            return true;
        }
        Project project = Project.findById(c.projectCode);
        return project != null && project.active;
    }

    /** The projects a team must offer one of: the order's, or for a need in the resident's words, its category's. */
    private static Set<String> projectsFor(DispatchCase c) {
        if (c.projectCode != null) {
            return Set.of(c.projectCode);
        }
        return Project.<Project>list("category = ?1 and active = true", c.category).stream()
                .map(project -> project.code).collect(Collectors.toSet());
    }

    private String reviewReason(OrderPlaced placed) {
        if (placed.needsReview()) {
            return "a need in the resident's words";
        }
        long open = DispatchCase.count("residentId = ?1 and status in ?2", placed.residentId(), CaseStatus.OPEN);
        int limit = config.review().openOrdersPerResident();
        return open >= limit ? "the resident already has " + open + " open orders" : null;
    }

    /** The case, locked, if it is the operator's to act on (its {@link DispatchCase#handledBy() region}). */
    private DispatchCase lockedFor(UUID orderId, Operator by) {
        DispatchCase c = locked(orderId);
        String region = c.handledBy();
        if (!by.covers().test(region)) {
            throw Caller.forbidden((c.status == CaseStatus.IN_REVIEW ? "the case waits in the review queue of " + region
                    : "the case is at " + lower(c.tier) + " tier, in " + region) + ", which is outside your region");
        }
        return c;
    }

    private DispatchCase locked(UUID orderId) {
        DispatchCase c = DispatchCase.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw Problem.notFound("case", orderId).exception();
        }
        return c;
    }

    private static <T> T move(Supplier<T> move) {
        try {
            return move.get();
        } catch (IllegalCaseMove e) {
            throw cannot(e);
        }
    }

    private static void move(Runnable move) {
        move(() -> {
            move.run();
            return null;
        });
    }

    private static RuntimeException cannot(IllegalCaseMove e) {
        return Problem.of(409, "case-state", "The case cannot make that move", e.getMessage())
                .with("status", e.status()).exception();
    }

    /** The case changed: the places it gave back are freed (before any retry of unserved cases) and it is said. */
    private void changed(DispatchCase c) {
        release(c);
        caseChanges.add(new CaseChanged(c.orderId, c.villageCode));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
