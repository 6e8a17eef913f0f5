package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.Activity;
import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.Unprocessable;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What operators do to activities by hand: merge one into another (every order moves, its team's place is freed) or
 * split orders out of one (each routed again alone, never back into it). The activities' rows are locked first, in
 * the order of their ids, then each case, which must be the operator's to act on as for the other case commands.
 */
@ApplicationScoped
@Transactional
public class ActivityCommands {
    private final CaseRouting routing;
    private final RoutingRetries retries;
    private final Activities activities;

    ActivityCommands(CaseRouting routing, RoutingRetries retries, Activities activities) {
        this.routing = routing;
        this.retries = retries;
        this.activities = activities;
    }

    /**
     * Moves every open order of one activity into another of the same project whose place holds them all: the other's
     * team takes them; the first activity, left empty, is dissolved and its team's place freed.
     */
    public void merge(UUID from, UUID into, Operator by) {
        if (from.equals(into)) {
            throw new Unprocessable("same-activity", "An activity cannot be merged into itself",
                    "activity " + from + " is the one to merge into").with("field", "into");
        }
        List<Activity> locked = lockedInIdOrder(List.of(from, into));
        Activity merged = locked.stream().filter(a -> a.id.equals(from)).findFirst().orElseThrow();
        Activity target = locked.stream().filter(a -> a.id.equals(into)).findFirst().orElseThrow();
        for (Activity activity : locked) {
            if (!activity.status.isOpen()) {
                throw CaseRouting.activityClosed(activity);
            }
        }
        List<DispatchCase> cases = casesOf(merged, by);
        cases.forEach(c -> CaseCommands.requireHolds(target, c));
        Team team = Team.findById(target.teamCode);
        List<String> freed = new ArrayList<>();
        for (DispatchCase c : cases) {
            c.takenOutOfActivity(Instant.now());
            routing.addByHand(c, target, team, by.id(), "merged from activity " + from);
            freed.addAll(routing.changed(c));
        }
        retries.unservedFor(freed);
    }

    /** Takes the orders out of the activity, each routed again by the rule alone, never back into it. */
    public void split(UUID activityId, Collection<UUID> orderIds, Operator by, String note) {
        Activity activity = lockedInIdOrder(List.of(activityId)).get(0);
        List<String> freed = new ArrayList<>();
        for (UUID orderId : orderIds.stream().distinct().sorted().toList()) {
            DispatchCase c = CaseCommands.lockedFor(orderId, by);
            if (!activityId.equals(c.activityId) || !open(c)) {
                throw new Unprocessable("not-in-activity", "The order is not open in the activity",
                        "order " + orderId + " is not an open order of activity " + activityId)
                        .with("field", "orderIds");
            }
            Instant now = Instant.now();
            c.takenOutOfActivity(now);
            DecisionLog.split(c.orderId, activity.id, by.id(), note, now);
            routing.route(c, Routing.Move.ROUTE, null, activityId);
            freed.addAll(routing.changed(c));
        }
        retries.unservedFor(freed);
    }

    private List<Activity> lockedInIdOrder(List<UUID> ids) {
        List<Activity> locked = new ArrayList<>();
        for (UUID id : ids.stream().sorted(Comparator.naturalOrder()).toList()) {
            locked.add(activities.locked(id).orElseThrow(() -> new NotFound("activity", id)));
        }
        return locked;
    }

    /** The activity's open orders, each locked and the operator's to act on. */
    private static List<DispatchCase> casesOf(Activity activity, Operator by) {
        List<UUID> ids = DispatchCase.<DispatchCase>list("activityId = ?1 and status in ?2", activity.id,
                List.of(CaseStatus.ASSIGNED, CaseStatus.ACCEPTED)).stream().map(c -> c.orderId).sorted().toList();
        return ids.stream().map(id -> CaseCommands.lockedFor(id, by)).filter(ActivityCommands::open).toList();
    }

    private static boolean open(DispatchCase c) {
        return c.status == CaseStatus.ASSIGNED || c.status == CaseStatus.ACCEPTED;
    }
}
