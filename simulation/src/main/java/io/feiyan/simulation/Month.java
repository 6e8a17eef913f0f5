package io.feiyan.simulation;

import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.routing.Grouping;
import io.feiyan.routing.Routing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A county month on a simulated clock: each need placed when it arises, routed by dispatch's own rule ({@link Routing},
 * the code dispatch runs) to one team, or to several at once, as {@link Dispatching} says, or grouped into a visit
 * planned for its neighbours ({@link Grouping}); each team answers as {@link Behaviour} says — accepts, declines (the
 * tier's next team), or lets the time to accept pass (the tier above) — and delivers. What no team can take waits
 * unserved until a team it needs has room again, as in dispatch, or until an operator ({@link Operator}) offers it to a
 * team by hand. Nothing is sent anywhere; one seed gives one month.
 */
public final class Month {
    /** What became of one order: where and when it was served, and what it waited for. */
    public record Outcome(Demand.Need need, Tier lowestCapable, Tier servedAt, String team, String firstTeam,
            long firstAssignedAt, long acceptedAt, boolean everUnserved, long unservedWait, boolean deadlineMissed,
            boolean escalatedAfterDeadline, Set<String> passedBy, List<String> peers, boolean inActivity) {
        public boolean accepted() {
            return acceptedAt >= 0;
        }

        public String townCode() {
            return County.townOf(need.resident().villageCode());
        }
    }

    /** The visits for many that one tier's teams held, and the residents they served. */
    public record Visits(int held, int residents) {
    }

    /**
     * The month's orders; each tier's open orders at noon of each day against its capacity; the activities each tier's
     * teams held; offers withdrawn because another team took the order first; what the operators did, and how long
     * each case waited in their queue (entered → left, seconds; one still there at the month's end, until then).
     */
    public record Result(MonthClock clock, List<Outcome> outcomes, Map<Tier, int[]> openAtNoon,
            Map<Tier, Integer> capacity, Map<Tier, Visits> visits, int offersWithdrawn, int operatorActions,
            List<Long> queueWaits) {
    }

    private enum Kind { PLACE, ANSWER, TIMEOUT, DEADLINE, DELIVER, NOON, OPERATOR, VISIT_ANSWER, VISIT_TIMEOUT, HELD }

    private record Event(long at, long seq, Kind kind, Order order, Activity activity, TeamState team, int offer) {
    }

    private static final class Order {
        final Demand.Need need;
        final County.Project project;
        final Set<String> projects;
        final Tier lowestCapable;
        final Set<String> passedBy = new HashSet<>();
        final Set<String> declinedBy = new HashSet<>();
        final List<Long> escalatedAt = new ArrayList<>();
        /** The teams it is offered to now, not yet answered. */
        final List<TeamState> offers = new ArrayList<>();
        Tier tier = Tier.VILLAGE;
        boolean unserved;
        boolean askedAgain;
        List<String> peers = List.of();
        boolean everUnserved;
        long unservedSince = -1;
        long unservedWait;
        long queuedAt = -1;
        /** The team that took it, or whose activity it is in. */
        TeamState team;
        Activity activity;
        boolean everInActivity;
        int offer;
        long firstAssignedAt = -1;
        String firstTeam;
        long deadline = -1;
        long acceptedAt = -1;
        long deliveredAt = -1;

        Order(Demand.Need need, County.Project project, Tier lowestCapable) {
            this.need = need;
            this.project = project;
            this.projects = Set.of(need.projectCode());
            this.lowestCapable = lowestCapable;
        }

        String village() {
            return need.resident().villageCode();
        }

        boolean groupable() {
            return Grouping.groupable(need.urgency(), project.perVisit());
        }
    }

    /** An activity: one visit of a team serving several residents of a village or a town. */
    private static final class Activity {
        final String id;
        final String place;
        final TeamState team;
        final List<Order> orders = new ArrayList<>();
        boolean accepted;
        boolean over;
        /** When it takes place: the time its team gave, once accepted; until then its orders' earliest deadline. */
        long takesPlace = Long.MAX_VALUE;

        Activity(String id, String place, TeamState team) {
            this.id = id;
            this.place = place;
            this.team = team;
        }

        Urgency mostUrgent() {
            return orders.stream().map(o -> o.need.urgency()).min(Comparator.naturalOrder()).orElseThrow();
        }

        String project() {
            return orders.get(0).need.projectCode();
        }
    }

    private static final class TeamState {
        final County.Team team;
        /** Its orders open, an activity counting once. */
        int open;
        long lastAssigned = -1;

        TeamState(County.Team team) {
            this.team = team;
        }

        boolean hasRoom() {
            return open < team.capacity();
        }
    }

    private final County county;
    private final Behaviour behaviour;
    private final Operator operator;
    private final Dispatching dispatching;
    private final MonthClock clock;
    private final Random random;
    private final Map<String, TeamState> teams = new LinkedHashMap<>();
    /** The teams serving each region (a village, town or county code). */
    private final Map<String, List<TeamState>> serving = new LinkedHashMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparingLong(Event::at).thenComparingLong(Event::seq));
    /** Unserved orders, oldest first. */
    private final TreeSet<Order> unserved = new TreeSet<>(
            Comparator.comparingLong((Order o) -> o.need.at()).thenComparingInt(o -> o.need.resident().id())
                    .thenComparing(o -> o.need.projectCode()));
    /** The activities planned and not yet held, by project. */
    private final Map<String, List<Activity>> planned = new HashMap<>();
    private final Map<Tier, int[]> visits = new LinkedHashMap<>();
    private final List<Long> queueWaits = new ArrayList<>();
    private int withdrawn;
    private int operatorActions;
    private int activities;
    private long seq;

    private Month(County county, Behaviour behaviour, Operator operator, MonthClock clock, Random random) {
        this.county = county;
        this.behaviour = behaviour;
        this.operator = operator;
        this.dispatching = county.dispatching();
        this.clock = clock;
        this.random = random;
        for (County.Team team : county.teams().values()) {
            TeamState state = new TeamState(team);
            teams.put(team.code(), state);
            serving.computeIfAbsent(team.regionCode(), region -> new ArrayList<>()).add(state);
        }
        for (Tier tier : Tier.values()) {
            visits.put(tier, new int[2]);
        }
    }

    /** The month of these needs in the county, dispatch set as the county says, the operators working as given. */
    public static Result simulate(County county, Behaviour behaviour, Operator operator, MonthClock clock,
            List<Demand.Need> needs, Random random) {
        return new Month(county, behaviour, operator, clock, random).run(needs);
    }

    private Result run(List<Demand.Need> needs) {
        List<Order> orders = new ArrayList<>();
        for (Demand.Need need : needs) {
            Order order = new Order(need, county.projects().get(need.projectCode()), lowestCapable(need));
            orders.add(order);
            schedule(need.at(), Kind.PLACE, order, 0);
        }
        Map<Tier, int[]> openAtNoon = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            openAtNoon.put(tier, new int[clock.days()]);
        }
        for (int day = 0; day < clock.days(); day++) {
            schedule(day * MonthClock.DAY + 12 * MonthClock.HOUR, Kind.NOON, null, 0);
        }
        while (!events.isEmpty() && events.peek().at() < clock.end()) {
            Event event = events.poll();
            Order o = event.order();
            Activity a = event.activity();
            long now = event.at();
            switch (event.kind()) {
                case PLACE -> route(o, Routing.Move.ROUTE, null, now);
                case ANSWER -> {
                    if (event.offer() == o.offer && o.acceptedAt < 0 && o.offers.contains(event.team())) {
                        answer(o, event.team(), now);
                    }
                }
                case TIMEOUT -> {
                    if (event.offer() == o.offer && o.acceptedAt < 0 && !o.offers.isEmpty()) {
                        timedOut(o, now);
                    }
                }
                case DEADLINE -> {
                    // dispatch's sweep: an accepted order not delivered by its deadline is escalated, once
                    if (event.offer() == o.offer && o.acceptedAt >= 0 && o.deliveredAt < 0) {
                        o.escalatedAt.add(now);
                    }
                }
                case DELIVER -> {
                    o.deliveredAt = now;
                    o.team.open--;
                    freed(o.team, now);
                }
                case OPERATOR -> {
                    if (event.offer() == o.offer && o.unserved) {
                        operatorActs(o, now);
                    }
                }
                case VISIT_ANSWER -> {
                    if (!a.over) {
                        answer(a, now);
                    }
                }
                case VISIT_TIMEOUT -> {
                    if (!a.over) {
                        dissolve(a, Routing.Move.TIMED_OUT, now);
                    }
                }
                case HELD -> held(a, now);
                case NOON -> teams.values().forEach(t -> openAtNoon.get(t.team.tier())[clock.day(now)] += t.open);
            }
        }
        unserved.stream().filter(o -> o.queuedAt >= 0).forEach(o -> queueWaits.add(clock.end() - o.queuedAt));
        Map<Tier, Integer> capacity = new LinkedHashMap<>();
        Map<Tier, Visits> held = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            capacity.put(tier, county.teams().values().stream().filter(t -> t.tier() == tier)
                    .mapToInt(County.Team::capacity).sum());
            held.put(tier, new Visits(visits.get(tier)[0], visits.get(tier)[1]));
        }
        return new Result(clock, orders.stream().map(this::outcome).toList(), openAtNoon, capacity, held, withdrawn,
                operatorActions, List.copyOf(queueWaits));
    }

    /** One of the teams the order is offered to answers: it takes it (the others' offers withdrawn), or declines. */
    private void answer(Order o, TeamState team, long now) {
        o.offers.remove(team);
        if (behaviour.declines(random)) {
            team.open--;
            o.passedBy.add(team.team.code());
            o.declinedBy.add(team.team.code());
            if (o.offers.isEmpty()) {
                leave(o);
                route(o, Routing.Move.DECLINED, team.team.code(), now);
            }
            freed(team, now);
            return;
        }
        List<TeamState> others = List.copyOf(o.offers);
        o.offers.clear();
        o.team = team;
        o.acceptedAt = now;
        schedule(now + behaviour.delivery(o.need.urgency(), random), Kind.DELIVER, o, o.offer);
        for (TeamState other : others) {
            other.open--;
            withdrawn++;
            freed(other, now);
        }
    }

    /** No team it is offered to accepted in time: each is passed by, and the order goes up a tier. */
    private void timedOut(Order o, long now) {
        String first = o.offers.get(0).team.code();
        for (TeamState team : o.offers) {
            team.open--;
            o.passedBy.add(team.team.code());
        }
        List<TeamState> left = List.copyOf(o.offers);
        o.offers.clear();
        leave(o);
        route(o, Routing.Move.TIMED_OUT, first, now);
        left.forEach(team -> freed(team, now));
    }

    /** As in dispatch: a case with no team has no deadline until it has one again. */
    private static void leave(Order o) {
        o.team = null;
        o.activity = null;
        o.deadline = -1;
    }

    /**
     * Routes the order by the rule, with the teams that could take it as they are now: to one team, or several at
     * once; one that could be grouped joins an activity planned for its neighbours at a team no higher than the rule
     * reaches (at any, when the rule finds no team with room), or starts one at its team. With no team, unserved, and
     * queued for an operator.
     */
    private void route(Order o, Routing.Move move, String leftTeam, long now) {
        Routing.Case situation = new Routing.Case(o.village(), o.tier, o.projects, Set.copyOf(o.passedBy),
                Set.copyOf(o.declinedBy), o.unserved, move, leftTeam, o.askedAgain);
        List<Routing.Team> candidates = candidates(o.village());
        boolean grouped = dispatching.activities() && o.groupable();
        Routing.Route route = Routing.route(situation, candidates, grouped ? 1 : dispatching.several(o.need.urgency()));
        Optional<Activity> joined = grouped ? joinable(o, route.team().map(Routing.Team::tier).orElse(Tier.COUNTY),
                now) : Optional.empty();
        Tier reached = joined.map(a -> a.team.team.tier()).orElse(Tier.COUNTY);
        for (Routing.Climb climb : route.climbs()) {
            if (climb.to().compareTo(reached) <= 0) {
                o.tier = climb.to();
                o.escalatedAt.add(now);
            }
        }
        if (joined.isPresent()) {
            add(o, joined.get(), candidates, now);
            return;
        }
        if (route.unserved()) {
            if (!o.unserved) {
                o.unserved = true;
                o.everUnserved = true;
                o.unservedSince = now;
                unserved.add(o);
                queue(o, now);
            }
            return;
        }
        o.askedAgain = route.askedAgain();
        List<TeamState> offered = route.offers().stream().map(team -> teams.get(team.code())).toList();
        if (grouped) {
            start(o, offered.get(0), candidates, now);
        } else {
            offer(o, offered, candidates, now);
        }
    }

    /** Offers the order to these teams at once (one, or several of one tier): the first to accept takes it. */
    private void offer(Order o, List<TeamState> offered, List<Routing.Team> candidates, long now) {
        assigned(o, offered.get(0), candidates, now);
        long acceptBy = now + county.acceptWithin(o.need.urgency()).toSeconds();
        for (TeamState team : offered) {
            team.open++;
            team.lastAssigned = now;
            o.offers.add(team);
            long answers = behaviour.answersAt(team.team.tier(), now, clock, random);
            if (answers <= acceptBy) {
                schedule(answers, Kind.ANSWER, o, team, o.offer);
            }
        }
        schedule(acceptBy, Kind.TIMEOUT, o, o.offer);
    }

    /**
     * The order has a team (or several offered), for the first time or again: its deadline runs from now, and dispatch
     * says the team's peers, among whom its work is fairly shared.
     */
    private void assigned(Order o, TeamState team, List<Routing.Team> candidates, long now) {
        if (o.unserved) {
            o.unserved = false;
            o.unservedWait += now - o.unservedSince;
            unserved.remove(o);
        }
        if (o.queuedAt >= 0) {
            queueWaits.add(now - o.queuedAt);
            o.queuedAt = -1;
        }
        o.tier = team.team.tier();
        o.peers = Routing.capable(o.village(), o.projects, candidates).peersOf(team.team.code(), team.team.tier());
        o.offer++;
        if (o.firstAssignedAt < 0) {
            o.firstAssignedAt = now;
            o.firstTeam = team.team.code();
        }
        o.deadline = now + o.need.urgency().timeLimit().toSeconds();
        schedule(o.deadline, Kind.DEADLINE, o, o.offer);
    }

    /** Starts an activity at the team with this order in it, and offers it to the team. */
    private void start(Order o, TeamState team, List<Routing.Team> candidates, long now) {
        Activity a = new Activity(String.format("%08d", activities++),
                Grouping.placeOf(o.village(), o.project.gathersAt(), team.team.tier()), team);
        team.open++;
        team.lastAssigned = now;
        planned.computeIfAbsent(o.need.projectCode(), code -> new ArrayList<>()).add(a);
        add(o, a, candidates, now);
        long acceptBy = now + county.acceptWithin(o.need.urgency()).toSeconds();
        long answers = behaviour.answersAt(team.team.tier(), now, clock, random);
        schedule(Math.min(answers, acceptBy), answers <= acceptBy ? Kind.VISIT_ANSWER : Kind.VISIT_TIMEOUT, a);
    }

    /** The activity planned for the order's neighbours it may join, at a team of at most this tier, if any. */
    private Optional<Activity> joinable(Order o, Tier upTo, long now) {
        Map<String, Activity> byId = new HashMap<>();
        List<Grouping.Activity> open = new ArrayList<>();
        for (Activity a : planned.getOrDefault(o.need.projectCode(), List.of())) {
            if (a.team.team.tier().compareTo(upTo) <= 0) {
                byId.put(a.id, a);
                open.add(new Grouping.Activity(a.id, a.team.team.code(), a.project(), a.place, a.orders.size(),
                        clock.instant(a.takesPlace)));
            }
        }
        Grouping.Need need = new Grouping.Need(o.village(), o.need.projectCode(), o.project.perVisit(),
                o.project.gathersAt(), o.need.urgency(), clock.instant(now + o.need.urgency().timeLimit().toSeconds()),
                Set.copyOf(o.passedBy));
        return Grouping.join(need, open).map(joined -> byId.get(joined.id()));
    }

    /** The order is in the activity: accepted at once when the activity is. */
    private void add(Order o, Activity a, List<Routing.Team> candidates, long now) {
        assigned(o, a.team, candidates, now);
        a.team.lastAssigned = now;
        o.activity = a;
        o.everInActivity = true;
        o.team = a.team;
        a.orders.add(o);
        if (a.accepted) {
            o.acceptedAt = now;
        } else {
            a.takesPlace = Math.min(a.takesPlace, o.deadline);
        }
    }

    /** The activity's team answers: it takes every order in it, planning the visit, or declines them all. */
    private void answer(Activity a, long now) {
        if (behaviour.declines(random)) {
            dissolve(a, Routing.Move.DECLINED, now);
            return;
        }
        a.accepted = true;
        a.takesPlace = now + behaviour.delivery(a.mostUrgent(), random);
        a.orders.forEach(o -> o.acceptedAt = now);
        schedule(a.takesPlace, Kind.HELD, a);
    }

    /** The team let the activity go: each of its orders goes on, the first to find a team starting another. */
    private void dissolve(Activity a, Routing.Move move, long now) {
        over(a);
        String left = a.team.team.code();
        for (Order o : a.orders) {
            o.passedBy.add(left);
            if (move == Routing.Move.DECLINED) {
                o.declinedBy.add(left);
            }
            leave(o);
        }
        for (Order o : a.orders) {
            route(o, move, left, now);
        }
        freed(a.team, now);
    }

    /** The visit took place: every order in it delivered, the team's place free again. */
    private void held(Activity a, long now) {
        over(a);
        a.orders.forEach(o -> o.deliveredAt = now);
        visits.get(a.team.team.tier())[0]++;
        visits.get(a.team.team.tier())[1] += a.orders.size();
        freed(a.team, now);
    }

    private void over(Activity a) {
        a.over = true;
        a.team.open--;
        planned.get(a.project()).remove(a);
    }

    /** An unserved case enters the operators' queue; an operator will act on it, in office hours. */
    private void queue(Order o, long now) {
        if (!operator.works()) {
            return;
        }
        o.queuedAt = now;
        schedule(operator.actsAt(now, clock, random), Kind.OPERATOR, o, o.offer);
    }

    /**
     * An operator works a queued case, as a county centre would, offering it by hand: to the teams that serve the
     * resident — her village's, town's and county's that offer its project, the lowest tier first, one that declined it
     * too (after a phone call) — and else to a team of another town that offers it; only teams with room, the least
     * loaded first, up to dispatch's number; one that could be grouped starts an activity at the first. With none to
     * offer it to, the operator looks again later.
     */
    private void operatorActs(Order o, long now) {
        List<TeamState> withRoom = teams.values().stream()
                .filter(t -> t.hasRoom() && t.team.projects().contains(o.need.projectCode()))
                .sorted(Comparator.comparing((TeamState t) -> !o.village().startsWith(t.team.regionCode()))
                        .thenComparing(t -> t.team.tier())
                        .thenComparingInt(t -> t.open).thenComparingLong(t -> t.lastAssigned)
                        .thenComparing(t -> t.team.code()))
                .toList();
        if (withRoom.isEmpty()) {
            schedule(operator.actsAt(now + operator.lookAgain().toSeconds(), clock, random), Kind.OPERATOR, o,
                    o.offer);
            return;
        }
        operatorActions++;
        boolean grouped = dispatching.activities() && o.groupable();
        TeamState first = withRoom.get(0);
        List<TeamState> offered = withRoom.stream().filter(t -> t.team.tier() == first.team.tier()
                        && o.village().startsWith(t.team.regionCode()) == o.village().startsWith(first.team.regionCode()))
                .limit(grouped ? 1 : dispatching.teams()).toList();
        List<Routing.Team> candidates = candidates(o.village());
        if (grouped) {
            start(o, first, candidates, now);
        } else {
            offer(o, offered, candidates, now);
        }
    }

    /**
     * A team has room again: the unserved orders it could take are routed again, oldest first, as dispatch does.
     */
    private void freed(TeamState team, long now) {
        if (unserved.isEmpty()) {
            return;
        }
        for (Order o : List.copyOf(unserved)) {
            if (o.unserved && o.village().startsWith(team.team.regionCode())
                    && team.team.projects().contains(o.need.projectCode())) {
                route(o, Routing.Move.ROUTE, null, now);
            }
        }
    }

    /** The village's, the town's and the county's teams, with their load now. */
    private List<Routing.Team> candidates(String villageCode) {
        RegionCode village = RegionCode.of(villageCode);
        List<Routing.Team> candidates = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            for (TeamState t : serving.getOrDefault(village.at(tier).value(), List.of())) {
                candidates.add(new Routing.Team(t.team.code(), t.team.tier(), t.team.regionCode(), true,
                        t.team.projects(), t.team.capacity(), t.open,
                        t.lastAssigned < 0 ? null : clock.instant(t.lastAssigned)));
            }
        }
        return candidates;
    }

    /** The lowest tier with a team that offers the order's project, room or not: dispatch's own measure. */
    private Tier lowestCapable(Demand.Need need) {
        String village = need.resident().villageCode();
        return Routing.lowestCapableTier(village, Set.of(need.projectCode()), candidates(village));
    }

    private Outcome outcome(Order o) {
        long end = clock.end();
        long wait = o.unservedWait + (o.unserved ? end - o.unservedSince : 0);
        boolean missed = o.deadline >= 0 && (o.deliveredAt >= 0 ? o.deliveredAt > o.deadline : end > o.deadline);
        long deadline = o.deadline;
        boolean escalated = missed && o.escalatedAt.stream().anyMatch(at -> at >= deadline);
        return new Outcome(o.need, o.lowestCapable, o.acceptedAt >= 0 ? o.team.team.tier() : null,
                o.acceptedAt >= 0 ? o.team.team.code() : null, o.firstTeam, o.firstAssignedAt, o.acceptedAt,
                o.everUnserved, wait, missed, escalated, Set.copyOf(o.passedBy), o.peers, o.everInActivity);
    }

    private void schedule(long at, Kind kind, Order order, int offer) {
        events.add(new Event(at, seq++, kind, order, null, null, offer));
    }

    private void schedule(long at, Kind kind, Order order, TeamState team, int offer) {
        events.add(new Event(at, seq++, kind, order, null, team, offer));
    }

    private void schedule(long at, Kind kind, Activity activity) {
        events.add(new Event(at, seq++, kind, null, activity, null, 0));
    }
}
