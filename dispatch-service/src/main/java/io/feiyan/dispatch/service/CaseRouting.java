package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.Activity;
import io.feiyan.dispatch.domain.ActivityStatus;
import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.dispatch.metrics.DispatchMetrics;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.Tier;
import io.feiyan.platform.domain.DomainException;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.messaging.CatchingUp;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.routing.Grouping;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Carries a case to a team (派单): gathers what the rule ({@link Routing}) decides on — the case, the teams near it
 * and their loads — asks it, and carries its route out: each tier it climbs an escalation, then a place taken at its
 * team (at each of its teams, when the case's urgency has it offered to several at once: 抢单), or unserved. An operator's choice of team is carried out the same way. Every move is published and logged.
 * Runs in its caller's transaction, on a case its caller has locked.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseRouting {
    private final Outbox outbox;
    private final TeamLoads loads;
    private final DispatchConfig config;
    private final DispatchMetrics metrics;
    private final CaseChanges caseChanges;
    private final Activities activities;
    private final Catalogue catalogue;
    private final CatchingUp catchingUp;

    CaseRouting(Outbox outbox, TeamLoads loads, DispatchConfig config, DispatchMetrics metrics,
            CaseChanges caseChanges, Activities activities, Catalogue catalogue, CatchingUp catchingUp) {
        this.catchingUp = catchingUp;
        this.activities = activities;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.loads = loads;
        this.config = config;
        this.metrics = metrics;
        this.caseChanges = caseChanges;
    }

    /**
     * Routes the case by the rule, {@code leftTeam} being the team it just left by {@code move}. A team found full
     * when its place is taken (another routing took its last) is left out and the rule asked again. Returns whether
     * the case reached a team.
     */
    public boolean route(DispatchCase c, Routing.Move move, String leftTeam) {
        return route(c, move, leftTeam, null);
    }

    /**
     * Routes the case by the rule, never into the activity {@code notInto} (one an operator took it out of). An order
     * that may be grouped ({@link Grouping#groupable}) joins an open activity of its project planned for its
     * neighbours — the one its 飞燕 volunteer asked for first, else one whose team is at no higher tier than the rule
     * reaches (at any, when no team has room: a full team still takes joiners, its capacity counting visits) — taking
     * no place at the team, and climbs no higher than that team; otherwise it takes a place at the rule's team and
     * starts an activity there.
     *
     * <p>While the service catches up after a restore, the rule decides nothing: what dispatch decided on the events
     * it takes again comes back from its own topics ({@link HeardDecisions}), and what it never published is decided
     * by the deadline sweep once it has caught up ({@link RoutingRetries#notYetRouted}).
     */
    public boolean route(DispatchCase c, Routing.Move move, String leftTeam, UUID notInto) {
        release(c);
        if (!c.isRoutable() || !needKnown(c) || catchingUp.isCatchingUp()) {
            return false;
        }
        Set<String> projects = projectsFor(c);
        Routing.Case situation = new Routing.Case(c.villageCode, c.tier, projects, Set.copyOf(c.passedBy),
                Set.copyOf(c.declinedBy), c.unserved, move, leftTeam, c.askedAgain);
        List<Routing.Team> teams = loads.near(c.villageCode, projects);
        Instant now = Instant.now();
        Catalogue.Entry project = c.projectCode == null ? null : catalogue.project(c.projectCode);
        boolean grouped = project != null && Grouping.groupable(c.urgency, project.perVisit());
        // an order that may be grouped is offered to one team: its activity's
        int several = grouped ? 1 : config.offerToSeveral().teamsFor(c.urgency);
        Routing.Route route = Routing.route(situation, teams, several);
        Optional<Activities.Open> joined = grouped
                ? activities.join(c, project, route.team().map(Routing.Team::tier).orElse(Tier.COUNTY),
                        c.joinActivity, notInto, now.plus(c.urgency.timeLimit()), now)
                : Optional.empty();
        if (joined.isPresent()) {
            Activities.Open activity = joined.get();
            climb(c, route, activity.teamTier(), now);
            now = afterTheClimbs(now);
            Instant acceptBy = activity.status() == ActivityStatus.ACCEPTED
                    ? now.plus(config.acceptWithin(c.urgency)) // its team accepts the joiner at once
                    : activity.acceptBy();
            loads.givenInActivity(activity.activity().teamCode());
            assign(c, List.of(activity.activity().teamCode()), activity.teamTier(), activity.id(), acceptBy, false,
                    null, null, Routing.capable(c.villageCode, projects, teams), now);
            return true;
        }
        for (List<String> full = takePlaces(route); !full.isEmpty(); full = takePlaces(route)) {
            Set<String> found = Set.copyOf(full);
            teams.replaceAll(team -> found.contains(team.code()) ? team.full() : team);
            route = Routing.route(situation, teams, several);
        }
        climb(c, route, Tier.COUNTY, now);
        now = afterTheClimbs(now);
        if (route.team().isPresent()) {
            Routing.Team team = route.team().get();
            List<String> offers = route.offers().stream().map(Routing.Team::code).toList();
            Instant acceptBy = now.plus(config.acceptWithin(c.urgency));
            UUID activity = grouped ? activities.start(team.code(), project.code(),
                    Grouping.placeOf(c.villageCode, project.gathersAt(), team.tier()), now.plus(c.urgency.timeLimit()),
                    acceptBy, now) : null;
            assign(c, offers, team.tier(), activity, acceptBy, route.askedAgain(), null, null,
                    Routing.capable(c.villageCode, projects, teams), now);
            return true;
        }
        if (!c.unserved) {
            OrderUnserved unserved = c.markUnserved(now);
            outbox.publish(unserved);
            DecisionLog.unserved(unserved);
        }
        return false;
    }

    /**
     * The time of an assignment after escalations made at {@code climbed}: later, as team-service calls off an offer
     * made before an escalation it hears of (times kept to the microsecond).
     */
    private static Instant afterTheClimbs(Instant climbed) {
        Instant now = Instant.now();
        return now.isAfter(climbed.plusNanos(1000)) ? now : climbed.plusNanos(1000);
    }

    /** The route's escalations up to tier {@code upTo}: a case joining an activity climbs no higher than its team. */
    private void climb(DispatchCase c, Routing.Route route, Tier upTo, Instant now) {
        for (Routing.Climb climb : route.climbs()) {
            if (climb.to().compareTo(upTo) <= 0) {
                escalated(c.escalate(climb.reason(), null, climb.note(), now));
            }
        }
    }

    /**
     * An operator adds the case to the open activity: its team takes it, no place taken (the activity holds one),
     * whatever its residents; the team the case was with never gets it back by the rule.
     */
    public void addByHand(DispatchCase c, Activity activity, Team team, String operator, String note) {
        if (c.teamCode != null) {
            c.takenFrom(c.teamCode, Instant.now());
        }
        c.status = CaseStatus.WAITING;
        release(c);
        Instant now = Instant.now();
        if (!activities.add(activity.id, 0, now.plus(c.urgency.timeLimit()))) {
            throw activityClosed(activity);
        }
        loads.givenInActivity(team.code);
        Set<String> projects = projectsFor(c);
        Instant acceptBy = activity.status == ActivityStatus.ACCEPTED ? now.plus(config.acceptWithin(c.urgency))
                : activity.acceptBy;
        assign(c, List.of(team.code), team.tier, activity.id, acceptBy, false, operator, note,
                Routing.capable(c.villageCode, projects, loads.near(c.villageCode, projects)), now);
    }

    /** An activity no order can join any more. */
    public static DomainException activityClosed(Activity activity) {
        return new IllegalMove("activity-state", "The activity takes no more orders",
                "activity " + activity.id + " is " + activity.status).with("status", activity.status);
    }

    /** Gives the case to the team an operator chose, whatever its tier or load; the team it was with never gets it back. */
    public void assignByHand(DispatchCase c, Team team, String operator, String note) {
        assignByHand(c, List.of(team), operator, note);
    }

    /**
     * Offers the case at once to the teams an operator chose, whatever their tier or load, each taking a place; the
     * first to accept takes it. The team it was with never gets it back.
     */
    public void assignByHand(DispatchCase c, List<Team> teams, String operator, String note) {
        if (c.teamCode != null) {
            c.takenFrom(c.teamCode, Instant.now());
        }
        c.status = CaseStatus.WAITING;
        teams.forEach(team -> loads.take(team.code));
        Set<String> projects = projectsFor(c);
        Instant now = Instant.now();
        Team first = teams.get(0);
        assign(c, teams.stream().map(team -> team.code).toList(), first.tier, null,
                now.plus(config.acceptWithin(c.urgency)), false, operator, note,
                Routing.capable(c.villageCode, projects, loads.near(c.villageCode, projects)), now);
    }

    /**
     * Dispatch's offer of the case, heard back from its topic after a restore: the case is offered as it was, a place
     * taken at each team it is offered to, or it joins its activity (made again when the database lost it: the team's
     * place is taken then).
     */
    public void heard(DispatchCase c, OrderAssigned assigned) {
        c.heard(assigned);
        release(c);
        if (assigned.activityId() == null) {
            c.holders().forEach(loads::take);
            return;
        }
        if (activities.add(assigned.activityId(), 0, assigned.deadline())) {
            return;
        }
        Catalogue.Entry project = catalogue.project(c.projectCode);
        String place = project == null ? c.villageCode
                : Grouping.placeOf(c.villageCode, project.gathersAt(), assigned.tier());
        if (activities.start(assigned.activityId(), assigned.teamCode(), c.projectCode, place, assigned.deadline(),
                assigned.acceptBy(), assigned.assignedAt())) {
            loads.take(assigned.teamCode());
        }
    }

    /** Publishes and logs an escalation the case made, and counts it once it commits. */
    public void escalated(OrderEscalated escalated) {
        outbox.publish(escalated);
        metrics.escalated(escalated);
        DecisionLog.escalated(escalated);
    }

    /**
     * The case changed: the places it gave back are freed (before any retry of unserved cases) and it is said. Returns
     * the teams given a place back since the case was last routed or changed (its team's, or its activity's once
     * over), for their unserved cases to be retried.
     */
    public List<String> changed(DispatchCase c) {
        release(c);
        caseChanges.add(new CaseChanged(c.orderId, c.villageCode));
        return c.takeFreed();
    }

    /** Gives back the places the case left, and a resident of each activity it left. */
    private void release(DispatchCase c) {
        List<String> teams = c.takeReleased();
        loads.giveBack(teams);
        c.freed(teams);
        c.freed(activities.left(c.takeLeft()));
    }

    /**
     * Takes a place at each team the route offers the case to. Returns the teams found full (another routing took
     * their last place meanwhile), having given back the places it took: then the rule is asked again without them.
     */
    private List<String> takePlaces(Routing.Route route) {
        List<String> taken = new ArrayList<>();
        List<String> full = new ArrayList<>();
        for (Routing.Team team : route.offers()) {
            (loads.takeIfRoom(team.code()) ? taken : full).add(team.code());
        }
        if (!full.isEmpty()) {
            loads.giveBack(taken);
        }
        return full;
    }

    /**
     * Gives the case to the team, or offers it to several at once, the first the rule's choice — {@code askedAgain}
     * when it had let the case's time pass — in the activity when one is named, saying the lowest tier a
     * {@code capable} team was at and the first team's peers (feedback measures dispatch by them).
     */
    private void assign(DispatchCase c, List<String> teams, Tier tier, UUID activity, Instant acceptBy,
            boolean askedAgain, String operator, String note, Routing.Capable capable, Instant now) {
        OrderAssigned assigned = c.offerTo(teams, tier, activity, acceptBy, operator, note, capable.lowestTier(),
                capable.peersOf(teams.get(0), tier), askedAgain, now);
        outbox.publish(assigned);
        DecisionLog.assigned(assigned);
    }

    /** A catalogue order waits until the catalogue copy knows its project. */
    private boolean needKnown(DispatchCase c) {
        if (c.projectCode == null) {
            return true;
        }
        Catalogue.Entry project = catalogue.project(c.projectCode);
        return project != null && project.active();
    }

    /** The projects a team must offer one of: the order's, or for a need in the resident's words, its category's. */
    private Set<String> projectsFor(DispatchCase c) {
        return c.projectCode != null ? Set.of(c.projectCode) : catalogue.activeIn(c.category);
    }
}
