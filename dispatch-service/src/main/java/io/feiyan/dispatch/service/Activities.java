package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.Activity;
import io.feiyan.dispatch.domain.ActivityStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.events.Tier;
import io.feiyan.platform.messaging.SqlTime;
import io.feiyan.routing.Grouping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The activities (统单) and their residents: read as values for the grouping rule ({@link Grouping}) and changed only
 * by this class's statements, each atomic on the activity's row. A resident joins with {@code where residents <
 * per visit}, the check and the change in one statement, so routings running at once never put more residents into
 * one visit than it serves; the last to leave ends it (held, or dissolved) and gives its team's place back. None of
 * the statements flushes first, as {@link TeamLoads}'s.
 */
@ApplicationScoped
public class Activities {
    private final EntityManager entityManager;
    private final TeamLoads loads;

    Activities(EntityManager entityManager, TeamLoads loads) {
        this.entityManager = entityManager;
        this.loads = loads;
    }

    /** An open activity as routing sees it: the rule's view, its team's tier, its status and its time to accept. */
    public record Open(Grouping.Activity activity, Tier teamTier, ActivityStatus status, Instant acceptBy) {
        public UUID id() {
            return UUID.fromString(activity.id());
        }
    }

    /**
     * The open activity of the project the case joins by the rule, if any: the one asked for first, whatever its
     * team's tier, then one whose team is at most at {@code upTo}; never {@code notInto}. Its residents are one more
     * when it is returned (the case's deadline, {@code deadline}, brings a planned visit forward).
     */
    public Optional<Open> join(DispatchCase c, Catalogue.Entry project, Tier upTo, UUID asked, UUID notInto,
            Instant deadline, Instant now) {
        Grouping.Need need = new Grouping.Need(c.villageCode, project.code(), project.perVisit(), project.gathersAt(),
                c.urgency, deadline, Set.copyOf(c.passedBy));
        List<Open> open = open(project.code(), now);
        open.removeIf(a -> a.id().equals(notInto));
        if (asked != null) {
            Optional<Open> joined = first(need, open.stream().filter(a -> a.id().equals(asked)).toList(),
                    project.perVisit(), deadline);
            if (joined.isPresent()) {
                return joined;
            }
        }
        return first(need, open.stream().filter(a -> a.teamTier().compareTo(upTo) <= 0).toList(), project.perVisit(),
                deadline);
    }

    /** The first activity the rule picks that still has room when its resident is added. */
    private Optional<Open> first(Grouping.Need need, List<Open> candidates, int perVisit, Instant deadline) {
        List<Open> left = new ArrayList<>(candidates);
        while (true) {
            Optional<Grouping.Activity> picked = Grouping.join(need, left.stream().map(Open::activity).toList());
            if (picked.isEmpty()) {
                return Optional.empty();
            }
            Open chosen = left.stream().filter(a -> a.activity().id().equals(picked.get().id())).findFirst()
                    .orElseThrow();
            if (add(chosen.id(), perVisit, deadline)) {
                return Optional.of(chosen);
            }
            left.remove(chosen); // another routing took its last room
        }
    }

    /**
     * Starts an activity at the team for the case, its one resident, taking place by the case's deadline at the
     * latest; the team's place is the caller's to take.
     */
    public UUID start(String team, String project, String place, Instant deadline, Instant acceptBy, Instant now) {
        UUID id = UUID.randomUUID();
        start(id, team, project, place, deadline, acceptBy, now);
        return id;
    }

    /**
     * Starts the activity {@code id}, as {@link #start(String, String, String, Instant, Instant, Instant)} does,
     * unless there is one of that id already (an offer in it heard back after a restore): whether it did.
     */
    public boolean start(UUID id, String team, String project, String place, Instant deadline, Instant acceptBy,
            Instant now) {
        return entityManager.createNativeQuery("""
                        insert into activity (id, team_code, project_code, place_code, status, takes_place, residents,
                        accept_by, created_at, updated_at) values (?1, ?2, ?3, ?4, 'PLANNED', ?5, 1, ?6, ?7, ?7)
                        on conflict (id) do nothing""")
                .setParameter(1, id)
                .setParameter(2, team)
                .setParameter(3, project)
                .setParameter(4, place)
                .setParameter(5, deadline)
                .setParameter(6, acceptBy)
                .setParameter(7, now)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate() == 1;
    }

    /**
     * One resident more in the open activity if it has room ({@code perVisit}; 0 for an operator's choice, whatever its
     * residents), a planned one taking place by {@code deadline} at the latest. Whether it was added.
     */
    public boolean add(UUID activity, int perVisit, Instant deadline) {
        return entityManager.createNativeQuery("""
                        update activity set residents = residents + 1, updated_at = ?1,
                        takes_place = case when status = 'PLANNED' and ?2 < takes_place then ?2 else takes_place end
                        where id = ?3 and status in ('PLANNED', 'ACCEPTED') and (?4 = 0 or residents < ?4)""")
                .setParameter(1, Instant.now())
                .setParameter(2, deadline)
                .setParameter(3, activity)
                .setParameter(4, perVisit)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate() == 1;
    }

    /** The team accepted the activity, planning the visit for {@code scheduledFor} when it said. */
    public void accepted(UUID activity, Instant scheduledFor) {
        entityManager.createNativeQuery("""
                        update activity set status = 'ACCEPTED', takes_place = coalesce(?1, takes_place),
                        updated_at = ?2 where id = ?3 and status in ('PLANNED', 'ACCEPTED')""")
                .setParameter(1, scheduledFor)
                .setParameter(2, Instant.now())
                .setParameter(3, activity)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
    }

    /**
     * The cases left their activities: each has a resident fewer; one with none left is over — held when its last
     * order was served, else dissolved — and its team's place is given back. Returns the teams given a place back.
     */
    public List<String> left(Collection<DispatchCase.LeftActivity> left) {
        List<String> freed = new ArrayList<>();
        for (DispatchCase.LeftActivity leaving : left) {
            Instant now = Instant.now();
            entityManager.createNativeQuery("update activity set residents = residents - 1, updated_at = ?1"
                            + " where id = ?2 and residents > 0")
                    .setParameter(1, now)
                    .setParameter(2, leaving.activityId())
                    .setFlushMode(FlushModeType.COMMIT)
                    .executeUpdate();
            // the row stays locked by the statement above until commit: no routing joins it in between
            @SuppressWarnings("unchecked")
            List<String> ended = entityManager.createNativeQuery("""
                            update activity set status = ?1, updated_at = ?2
                            where id = ?3 and residents = 0 and status in ('PLANNED', 'ACCEPTED') returning team_code""")
                    .setParameter(1, (leaving.served() ? ActivityStatus.HELD : ActivityStatus.DISSOLVED).name())
                    .setParameter(2, now)
                    .setParameter(3, leaving.activityId())
                    .setFlushMode(FlushModeType.COMMIT)
                    .getResultList();
            loads.giveBack(ended);
            freed.addAll(ended);
        }
        return freed;
    }

    /** The open activities of the project that take place after {@code now}, with their teams' tiers. */
    public List<Open> open(String project, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select a.id, a.team_code, a.project_code, a.place_code, a.residents, a.takes_place, t.tier,
                        a.status, a.accept_by from activity a join team t on t.code = a.team_code
                        where a.project_code = ?1 and a.status in ('PLANNED', 'ACCEPTED') and a.takes_place > ?2""")
                .setParameter(1, project)
                .setParameter(2, now)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        List<Open> open = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            open.add(new Open(new Grouping.Activity(row[0].toString(), (String) row[1], (String) row[2],
                    (String) row[3], ((Number) row[4]).intValue(), SqlTime.instant(row[5])),
                    Tier.valueOf((String) row[6]), ActivityStatus.valueOf((String) row[7]), SqlTime.instant(row[8])));
        }
        return open;
    }

    /** The activity, its row locked and read afresh (its statements bypass the entity), or empty. */
    public Optional<Activity> locked(UUID id) {
        if (entityManager.createNativeQuery("select id from activity where id = ?1 for update")
                .setParameter(1, id)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList().isEmpty()) {
            return Optional.empty();
        }
        Activity activity = Activity.findById(id);
        entityManager.refresh(activity);
        return Optional.of(activity);
    }
}
