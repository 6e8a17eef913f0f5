package io.feiyan.dispatch.rest;

import io.feiyan.dispatch.domain.Team;
import io.feiyan.dispatch.service.CaseQueries;
import io.feiyan.events.Tier;
import io.feiyan.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The team directory as dispatch knows it, from team-service's events: what routing decides on. */
@Path("/api/teams")
public class DirectoryResource {
    private final CaseQueries queries;

    DirectoryResource(CaseQueries queries) {
        this.queries = queries;
    }

    public record TeamView(String code, String name, Tier tier, String regionCode, List<String> projectCodes,
            int capacity, boolean active) {
        static TeamView of(Team t) {
            return new TeamView(t.code, t.name, t.tier, t.regionCode, t.projectCodes, t.capacity, t.active);
        }
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The teams dispatch routes to", description = "For operators and admins: every team of the "
            + "county, active or not, with its tier, region, projects and capacity.")
    public List<TeamView> list() {
        return queries.teams().stream().map(TeamView::of).toList();
    }
}
