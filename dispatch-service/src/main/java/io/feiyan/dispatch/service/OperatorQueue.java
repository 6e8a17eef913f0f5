package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operators' queue: the cases of a region that no rule will move on and that wait for a person — every team that
 * could take it declined it, no team has room, its team let the deadline pass, or its review has waited too long —
 * each with why and since when, the most urgent first (as {@link io.feiyan.events.Urgency} ranks them: critical,
 * urgent, routine, complex), then the longest waiting. A case leaves it when it no longer needs a person: assigned,
 * accepted, delivered, withdrawn, approved or rejected.
 */
@ApplicationScoped
@Transactional
public class OperatorQueue {

    public enum Reason {
        /** Unserved, and every team that could take it (its village's, town's and county's offering it) declined it. */
        DECLINED_BY_ALL,
        /** Unserved: no team that could take it has room now, or none offers it. */
        UNSERVED,
        /** Accepted, and not delivered by its deadline. */
        DEADLINE_PASSED,
        /** Waiting in review longer than {@code feiyan.dispatch.queue.review-after}. */
        REVIEW_WAITING
    }

    /**
     * A team of the county that offers the case's need, wherever it is (another town's too): one an operator may offer
     * the case to; {@code declined} when it said no to it before.
     */
    public record Offering(String code, String name, Tier tier, String regionCode, boolean declined) {
    }

    /** A case that needs a person: why, and since when. */
    public record Queued(DispatchCase c, Reason reason, Instant since, List<Offering> teams) {
    }

    /** Most urgent first, then the longest waiting. */
    public static final Comparator<Queued> ORDER = Comparator.<Queued, Integer>comparing(q -> q.c().urgency.ordinal())
            .thenComparing(Queued::since);

    private final DispatchConfig config;

    private final Catalogue catalogue;

    OperatorQueue(DispatchConfig config, Catalogue catalogue) {
        this.config = config;
        this.catalogue = catalogue;
    }

    /**
     * The queue of a region (a county, town or village code: the cases of the villages in it), optionally of the cases
     * at one tier.
     */
    public List<Queued> of(String region, Tier tier, Instant now) {
        Duration reviewAfter = config.queue().reviewAfter();
        Parameters parameters = Parameters.with("region", region + "%").and("waiting", CaseStatus.WAITING)
                .and("accepted", CaseStatus.ACCEPTED).and("review", CaseStatus.IN_REVIEW).and("now", now)
                .and("reviewSince", now.minus(reviewAfter));
        if (tier != null) {
            parameters.and("tier", tier);
        }
        List<DispatchCase> cases = DispatchCase.list("villageCode like :region" + (tier == null ? "" : " and tier = :tier")
                + " and (status = :waiting and unserved = true or status = :accepted and deadline < :now"
                + " or status = :review and placedAt < :reviewSince)", parameters);
        if (cases.isEmpty()) {
            return List.of();
        }
        List<Team> county = Team.list("active = true and regionCode like ?1",
                RegionCode.of(region).at(Tier.COUNTY).value() + "%");
        Map<String, Set<String>> projectsOfCategory = new HashMap<>();
        return cases.stream().map(c -> {
            Set<String> projects = c.projectCode != null ? Set.of(c.projectCode)
                    : projectsOfCategory.computeIfAbsent(c.category, catalogue::activeIn);
            List<Team> offering = county.stream().filter(t -> t.projectCodes.stream().anyMatch(projects::contains))
                    .toList();
            Set<String> near = offering.stream().filter(t -> c.villageCode.startsWith(t.regionCode))
                    .map(t -> t.code).collect(Collectors.toSet());
            return reasonOf(c, near, reviewAfter, now).map(reason -> new Queued(c, reason, since(c, reason),
                    offering.stream().sorted(nearestFirst(c.villageCode))
                            .map(t -> new Offering(t.code, t.name, t.tier, t.regionCode, c.declinedBy.contains(t.code)))
                            .toList()));
        }).flatMap(Optional::stream).sorted(ORDER).toList();
    }

    /**
     * Why the case needs a person now, if it does; {@code capable} are the teams that could take it by the rule (of its
     * village, town and county, offering its need).
     */
    public static Optional<Reason> reasonOf(DispatchCase c, Set<String> capable, Duration reviewAfter, Instant now) {
        return switch (c.status) {
            case WAITING -> !c.unserved ? Optional.empty()
                    : Optional.of(!capable.isEmpty() && c.declinedBy.containsAll(capable) ? Reason.DECLINED_BY_ALL
                            : Reason.UNSERVED);
            case ACCEPTED -> c.deadline != null && c.deadline.isBefore(now) ? Optional.of(Reason.DEADLINE_PASSED)
                    : Optional.empty();
            case IN_REVIEW -> c.placedAt.plus(reviewAfter).isBefore(now) ? Optional.of(Reason.REVIEW_WAITING)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Since when the case has been in the state that put it in the queue. */
    static Instant since(DispatchCase c, Reason reason) {
        return switch (reason) {
            case DECLINED_BY_ALL, UNSERVED -> c.unservedSince != null ? c.unservedSince : c.updatedAt;
            case DEADLINE_PASSED -> c.deadline;
            case REVIEW_WAITING -> c.placedAt;
        };
    }

    /** The case's village's teams, its town's, its county's, then other towns' and villages'; by tier, then code. */
    private static Comparator<Team> nearestFirst(String villageCode) {
        return Comparator.<Team, Boolean>comparing(t -> !villageCode.startsWith(t.regionCode))
                .thenComparing(t -> t.tier).thenComparing(t -> t.code);
    }
}
