package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Project;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.dispatch.metrics.DispatchMetrics;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.Tier;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    CaseRouting(Outbox outbox, TeamLoads loads, DispatchConfig config, DispatchMetrics metrics,
            CaseChanges caseChanges) {
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
        loads.giveBack(c.takeReleased());
        if (!c.isRoutable() || !needKnown(c)) {
            return false;
        }
        Set<String> projects = projectsFor(c);
        Routing.Case situation = new Routing.Case(c.villageCode, c.tier, projects, Set.copyOf(c.passedBy),
                Set.copyOf(c.declinedBy), c.unserved, move, leftTeam, c.askedAgain);
        List<Routing.Team> teams = loads.near(c.villageCode, projects);
        int several = config.offerToSeveral().teamsFor(c.urgency);
        Routing.Route route = Routing.route(situation, teams, several);
        for (List<String> full = takePlaces(route); !full.isEmpty(); full = takePlaces(route)) {
            Set<String> found = Set.copyOf(full);
            teams.replaceAll(team -> found.contains(team.code()) ? team.full() : team);
            route = Routing.route(situation, teams, several);
        }
        Instant now = Instant.now();
        for (Routing.Climb climb : route.climbs()) {
            escalated(c.escalate(climb.reason(), null, climb.note(), now));
        }
        if (route.team().isPresent()) {
            Routing.Team team = route.team().get();
            List<String> offers = route.offers().stream().map(Routing.Team::code).toList();
            assign(c, offers, team.tier(), route.askedAgain(), null, null,
                    Routing.capable(c.villageCode, projects, teams));
            return true;
        }
        if (!c.unserved) {
            OrderUnserved unserved = c.markUnserved(now);
            outbox.publish(unserved);
            DecisionLog.unserved(unserved);
        }
        return false;
    }

    /** Gives the case to the team an operator chose, whatever its tier or load; the team it was with never gets it back. */
    public void assignByHand(DispatchCase c, Team team, String operator, String note) {
        if (c.teamCode != null) {
            c.takenFrom(c.teamCode, Instant.now());
        }
        c.status = CaseStatus.WAITING;
        loads.take(team.code);
        Set<String> projects = projectsFor(c);
        assign(c, List.of(team.code), team.tier, false, operator, note,
                Routing.capable(c.villageCode, projects, loads.near(c.villageCode, projects)));
    }

    /** Publishes and logs an escalation the case made, and counts it once it commits. */
    public void escalated(OrderEscalated escalated) {
        outbox.publish(escalated);
        metrics.escalated(escalated);
        DecisionLog.escalated(escalated);
    }

    /** The case changed: the places it gave back are freed (before any retry of unserved cases) and it is said. */
    public void changed(DispatchCase c) {
        loads.giveBack(c.takeReleased());
        caseChanges.add(new CaseChanged(c.orderId, c.villageCode));
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
     * when it had let the case's time pass — saying the lowest tier a {@code capable} team was at and the first team's
     * peers (feedback measures dispatch by them).
     */
    private void assign(DispatchCase c, List<String> teams, Tier tier, boolean askedAgain, String operator, String note,
            Routing.Capable capable) {
        OrderAssigned assigned = c.offerTo(teams, tier, config.acceptWithin(c.urgency), operator, note,
                capable.lowestTier(), capable.peersOf(teams.get(0), tier), askedAgain, Instant.now());
        outbox.publish(assigned);
        DecisionLog.assigned(assigned);
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
}
