package io.feiyan.dispatch.dashboard;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.Decision;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.dispatch.rest.CaseResource.CaseView;
import io.feiyan.dispatch.rest.CaseResource.QueuedView;
import io.feiyan.dispatch.service.OperatorQueue;
import io.feiyan.events.Tier;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an operator of a region sees: its cases by state, its review queue, open assignments, trouble, and the queue
 * of cases that need a person ({@link OperatorQueue}).
 */
@ApplicationScoped
@Transactional
public class DashboardService {
    private static final int RECENT = 30;

    private final OperatorQueue queue;

    DashboardService(OperatorQueue queue) {
        this.queue = queue;
    }

    public record Snapshot(String region, Tier tier, Instant at, Map<CaseStatus, Long> counts, List<CaseView> review,
            List<CaseView> open, List<CaseView> unserved, List<DecisionView> recent, List<TeamChoice> teams,
            List<QueuedView> queue) {
    }

    public record DecisionView(UUID orderId, Decision.Kind kind, String detail, String actor, Instant at) {
    }

    /** A team an operator can assign to. */
    public record TeamChoice(String code, String name, Tier tier, String regionCode) {
    }

    /**
     * The region's cases (its code is a prefix of theirs: a county, a town or a village), optionally only
     * those at one tier.
     */
    public Snapshot snapshot(String region, Tier tier) {
        String where = "villageCode like :region" + (tier == null ? "" : " and tier = :tier");
        Parameters parameters = Parameters.with("region", region + "%");
        if (tier != null) {
            parameters.and("tier", tier);
        }
        List<DispatchCase> cases = DispatchCase.list(where, Sort.descending("updatedAt"), parameters);
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            counts.put(status, cases.stream().filter(c -> c.status == status).count());
        }
        // the queues of the reviewing stations inside the region: a county operator sees every town's queue
        List<CaseView> review = cases.stream()
                .filter(c -> c.status == CaseStatus.IN_REVIEW && c.reviewQueue != null && c.reviewQueue.startsWith(region))
                .map(CaseView::of).toList();
        List<CaseView> open = cases.stream().filter(c -> CaseStatus.WITH_TEAM.contains(c.status))
                .sorted((a, b) -> a.acceptBy == null || b.acceptBy == null ? 0 : a.acceptBy.compareTo(b.acceptBy))
                .map(CaseView::of).toList();
        List<CaseView> unserved = cases.stream().filter(c -> c.status == CaseStatus.WAITING).map(CaseView::of).toList();
        List<UUID> ids = cases.stream().map(c -> c.orderId).toList();
        List<DecisionView> recent = ids.isEmpty() ? List.of()
                : Decision.<Decision>find("orderId in ?1 and kind in ?2", Sort.descending("decidedAt"), ids,
                        List.of(Decision.Kind.ESCALATED, Decision.Kind.DECLINED, Decision.Kind.TIMED_OUT,
                                Decision.Kind.REJECTED, Decision.Kind.UNSERVED, Decision.Kind.REOPENED,
                                Decision.Kind.CALL_REQUESTED, Decision.Kind.SPLIT))
                        .page(0, RECENT).list().stream()
                        .map(d -> new DecisionView(d.orderId, d.kind, d.detail, d.actor, d.decidedAt)).toList();
        List<TeamChoice> teams = Team.<Team>list("active = true", Sort.by("tier").and("code")).stream()
                .filter(t -> region.startsWith(t.regionCode) || t.regionCode.startsWith(region))
                .map(t -> new TeamChoice(t.code, t.name, t.tier, t.regionCode)).toList();
        Instant now = Instant.now();
        List<QueuedView> queued = queue.of(region, tier, now).stream().map(q -> QueuedView.of(q, now)).toList();
        return new Snapshot(region, tier, now, counts, review, open, unserved, recent, teams, queued);
    }
}
