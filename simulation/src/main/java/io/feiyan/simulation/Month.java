package io.feiyan.simulation;

import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.routing.Routing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A county month on a simulated clock: each need placed when it arises and routed by dispatch's own rule
 * ({@link Routing}, the code dispatch runs), then offered to its team, which answers as {@link Behaviour} says —
 * accepts, declines (the tier's next team), or lets the time to accept pass (the tier above) — and delivers; what no
 * team can take waits unserved until a team it needs has room again, as in dispatch. Nothing is sent anywhere; one
 * seed gives one month.
 */
public final class Month {
    /** What became of one order: where and when it was served, and what it waited for. */
    public record Outcome(Demand.Need need, Tier lowestCapable, Tier servedAt, String team, String firstTeam,
            long firstAssignedAt, long acceptedAt, boolean everUnserved, long unservedWait, boolean deadlineMissed,
            boolean escalatedAfterDeadline, Set<String> passedBy, List<String> peers) {
        public boolean accepted() {
            return acceptedAt >= 0;
        }

        public String townCode() {
            return County.townOf(need.resident().villageCode());
        }
    }

    /** The month's orders, and each tier's open orders at noon of each day against its capacity. */
    public record Result(MonthClock clock, List<Outcome> outcomes, Map<Tier, int[]> openAtNoon,
            Map<Tier, Integer> capacity) {
    }

    private enum Kind { PLACE, ANSWER, TIMEOUT, DEADLINE, DELIVER, NOON }

    private record Event(long at, long seq, Kind kind, Order order, int offer) {
    }

    private static final class Order {
        final Demand.Need need;
        final Set<String> projects;
        final Tier lowestCapable;
        final Set<String> passedBy = new HashSet<>();
        final Set<String> declinedBy = new HashSet<>();
        final List<Long> escalatedAt = new ArrayList<>();
        Tier tier = Tier.VILLAGE;
        boolean unserved;
        boolean askedAgain;
        List<String> peers = List.of();
        boolean everUnserved;
        long unservedSince = -1;
        long unservedWait;
        TeamState team;
        int offer;
        long firstAssignedAt = -1;
        String firstTeam;
        long acceptBy;
        long deadline = -1;
        long acceptedAt = -1;
        long deliveredAt = -1;

        Order(Demand.Need need, Tier lowestCapable) {
            this.need = need;
            this.projects = Set.of(need.projectCode());
            this.lowestCapable = lowestCapable;
        }
    }

    private static final class TeamState {
        final County.Team team;
        int open;
        long lastAssigned = -1;

        TeamState(County.Team team) {
            this.team = team;
        }
    }

    private final County county;
    private final Behaviour behaviour;
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
    private long seq;

    private Month(County county, Behaviour behaviour, MonthClock clock, Random random) {
        this.county = county;
        this.behaviour = behaviour;
        this.clock = clock;
        this.random = random;
        for (County.Team team : county.teams().values()) {
            TeamState state = new TeamState(team);
            teams.put(team.code(), state);
            serving.computeIfAbsent(team.regionCode(), region -> new ArrayList<>()).add(state);
        }
    }

    /** The month of these needs in the county. */
    public static Result simulate(County county, Behaviour behaviour, MonthClock clock, List<Demand.Need> needs,
            Random random) {
        return new Month(county, behaviour, clock, random).run(needs);
    }

    private Result run(List<Demand.Need> needs) {
        List<Order> orders = new ArrayList<>();
        for (Demand.Need need : needs) {
            Order order = new Order(need, lowestCapable(need));
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
            long now = event.at();
            switch (event.kind()) {
                case PLACE -> route(o, Routing.Move.ROUTE, null, now);
                case ANSWER -> {
                    if (event.offer() == o.offer) {
                        answer(o, now);
                    }
                }
                case TIMEOUT -> {
                    if (event.offer() == o.offer && o.acceptedAt < 0) {
                        passOn(o, Routing.Move.TIMED_OUT, now);
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
                    TeamState team = o.team;
                    team.open--;
                    freed(team, now);
                }
                case NOON -> teams.values().forEach(t -> openAtNoon.get(t.team.tier())[clock.day(now)] += t.open);
            }
        }
        Map<Tier, Integer> capacity = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            capacity.put(tier, county.teams().values().stream().filter(t -> t.tier() == tier)
                    .mapToInt(County.Team::capacity).sum());
        }
        return new Result(clock, orders.stream().map(this::outcome).toList(), openAtNoon, capacity);
    }

    private void answer(Order o, long now) {
        if (behaviour.declines(random)) {
            passOn(o, Routing.Move.DECLINED, now);
            return;
        }
        o.acceptedAt = now;
        schedule(now + behaviour.delivery(o.need.urgency(), random), Kind.DELIVER, o, o.offer);
    }

    /**
     * The team let the order go (a decline, a missed time to accept): it goes on. (The place it held is free again;
     * as in dispatch, only a delivery sends unserved orders to a team with room.)
     */
    private void passOn(Order o, Routing.Move move, long now) {
        TeamState left = o.team;
        left.open--;
        o.passedBy.add(left.team.code());
        if (move == Routing.Move.DECLINED) {
            o.declinedBy.add(left.team.code());
        }
        o.team = null;
        o.deadline = -1; // as in dispatch: a case with no team has no deadline until it has one again
        route(o, move, left.team.code(), now);
    }

    /** Routes the order by the rule, with the teams that could take it as they are now. */
    private void route(Order o, Routing.Move move, String leftTeam, long now) {
        Routing.Case situation = new Routing.Case(o.need.resident().villageCode(), o.tier, o.projects,
                Set.copyOf(o.passedBy), Set.copyOf(o.declinedBy), o.unserved, move, leftTeam, o.askedAgain);
        List<Routing.Team> candidates = candidates(o.need.resident().villageCode());
        Routing.Route route = Routing.route(situation, candidates);
        for (Routing.Climb climb : route.climbs()) {
            o.tier = climb.to();
            o.escalatedAt.add(now);
        }
        if (route.team().isPresent()) {
            Routing.Team team = route.team().get();
            o.askedAgain = route.askedAgain();
            // as dispatch says them on the assignment: the teams its work is fairly shared among
            o.peers = Routing.capable(o.need.resident().villageCode(), o.projects, candidates)
                    .peersOf(team.code(), team.tier());
            assign(o, teams.get(team.code()), now);
        } else if (!o.unserved) {
            o.unserved = true;
            o.everUnserved = true;
            o.unservedSince = now;
            unserved.add(o);
        }
    }

    private void assign(Order o, TeamState team, long now) {
        if (o.unserved) {
            o.unserved = false;
            o.unservedWait += now - o.unservedSince;
            unserved.remove(o);
        }
        team.open++;
        team.lastAssigned = now;
        o.team = team;
        o.tier = team.team.tier();
        o.offer++;
        if (o.firstAssignedAt < 0) {
            o.firstAssignedAt = now;
            o.firstTeam = team.team.code();
        }
        o.acceptBy = now + county.acceptWithin(o.need.urgency()).toSeconds();
        o.deadline = now + o.need.urgency().timeLimit().toSeconds();
        schedule(o.deadline, Kind.DEADLINE, o, o.offer);
        long answers = behaviour.answersAt(team.team.tier(), now, clock, random);
        if (answers <= o.acceptBy) {
            schedule(answers, Kind.ANSWER, o, o.offer);
        } else {
            schedule(o.acceptBy, Kind.TIMEOUT, o, o.offer);
        }
    }

    /**
     * A team delivered, and has room again: the unserved orders it could take are routed again, oldest first, as
     * dispatch does.
     */
    private void freed(TeamState team, long now) {
        if (unserved.isEmpty()) {
            return;
        }
        for (Order o : List.copyOf(unserved)) {
            if (o.need.resident().villageCode().startsWith(team.team.regionCode())
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
                o.everUnserved, wait, missed, escalated, Set.copyOf(o.passedBy), o.peers);
    }

    private void schedule(long at, Kind kind, Order order, int offer) {
        events.add(new Event(at, seq++, kind, order, offer));
    }
}
