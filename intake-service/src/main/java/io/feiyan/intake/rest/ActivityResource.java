package io.feiyan.intake.rest;

import io.feiyan.intake.service.Activities;
import io.feiyan.intake.service.ResidentAccess;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.RegionCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The planned activities (one visit serving several residents) a 飞燕 volunteer can add a resident of hers to. */
@Path("/api/activities")
public class ActivityResource {
    private final Activities activities;
    private final ResidentAccess access;

    ActivityResource(Activities activities, ResidentAccess access) {
        this.activities = activities;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER, Roles.OPERATOR})
    @Operation(summary = "Planned activities", description = "The activities the orders of a village (or the "
            + "caller's region, or a resident's own orders) are planned in — assigned or accepted, not yet "
            + "delivered — with the project, the team, when it comes and how many residents so far; the soonest "
            + "first. Who may see which: as for the village's orders. Add a resident to one by placing an order "
            + "with its activityId.")
    public List<Activities.Planned> list(
            @Parameter(example = "371322206201") @RegionCode @QueryParam("village") String village) {
        return activities.planned(access.scope(village));
    }
}
