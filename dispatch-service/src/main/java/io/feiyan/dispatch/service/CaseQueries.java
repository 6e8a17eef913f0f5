package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.platform.domain.NotFound;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

    public List<Team> teams() {
        return Team.listAll(Sort.by("code"));
    }
}
