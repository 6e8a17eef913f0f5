package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.Activity;
import io.feiyan.dispatch.domain.ActivityStatus;
import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.platform.domain.NotFound;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

/** What the API reads of dispatch: cases and the directory copy. Nothing here changes a row. */
@ApplicationScoped
public class CaseQueries {

    public DispatchCase get(UUID orderId) {
        DispatchCase c = DispatchCase.findById(orderId);
        if (c == null) {
            throw new NotFound("case", orderId);
        }
        return c;
    }

    /** The cases of a region (a county, town or village code: a prefix of their villages'), newest first. */
    public List<DispatchCase> list(String region, CaseStatus status) {
        Parameters parameters = Parameters.with("region", region + "%");
        if (status == null) {
            return DispatchCase.list("villageCode like :region", Sort.descending("placedAt"), parameters);
        }
        return DispatchCase.list("villageCode like :region and status = :status", Sort.descending("placedAt"),
                parameters.and("status", status));
    }

    /**
     * The open activities in a region (a county, town or village code) or whose place holds it (a town's activity for a
     * village of it), the soonest first.
     */
    public List<Activity> activities(String region) {
        return Activity.list("status in :open and (placeCode like :prefix or :region like concat(placeCode, '%'))",
                Sort.ascending("takesPlace", "id"), Parameters.with("open", ActivityStatus.OPEN)
                        .and("prefix", region + "%").and("region", region));
    }

    /** The open orders of these activities, by activity. */
    public Map<UUID, List<UUID>> ordersOf(Collection<UUID> activities) {
        if (activities.isEmpty()) {
            return Map.of();
        }
        return DispatchCase.<DispatchCase>list("activityId in ?1 and status in ?2", Sort.ascending("placedAt"),
                        activities, List.of(CaseStatus.ASSIGNED, CaseStatus.ACCEPTED)).stream()
                .collect(Collectors.groupingBy(c -> c.activityId, Collectors.mapping(c -> c.orderId,
                        Collectors.toList())));
    }

    public List<Team> teams() {
        return Team.listAll(Sort.by("code"));
    }
}
