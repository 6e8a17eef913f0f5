package io.feiyan.dispatch.rest;

import io.feiyan.dispatch.domain.Activity;
import io.feiyan.dispatch.domain.ActivityStatus;
import io.feiyan.dispatch.service.ActivityCommands;
import io.feiyan.dispatch.service.CaseQueries;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.Reasons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The open activities (统单: one visit of one team serving several residents) operators see, and what they do to them:
 * merge one into another, split orders out of one. Adding a case to one is a case's action ({@link CaseResource}).
 */
@Path("/api/activities")
@RolesAllowed(Roles.OPERATOR)
public class ActivityResource {
    private final ActivityCommands commands;
    private final CaseQueries queries;
    private final Caller caller;

    ActivityResource(ActivityCommands commands, CaseQueries queries, Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.caller = caller;
    }

    public record ActivityView(UUID id, String teamCode, String projectCode, String placeCode, ActivityStatus status,
            Instant takesPlace, int residents, Instant acceptBy, List<UUID> orderIds) {
        static ActivityView of(Activity a, List<UUID> orders) {
            return new ActivityView(a.id, a.teamCode, a.projectCode, a.placeCode, a.status, a.takesPlace, a.residents,
                    a.acceptBy, orders);
        }
    }

    /** The activity to merge into. */
    public record Merge(@NotNull(message = Reasons.REQUIRED) UUID into) {
    }

    /** The orders to take out, and why. */
    public record Split(@NotEmpty(message = Reasons.REQUIRED) List<@NotNull UUID> orderIds,
            @Size(max = 500, message = Reasons.LONGER) String reason) {
    }

    @GET
    @Operation(summary = "Open activities, the soonest first", description = "For operators: the planned and accepted "
            + "activities whose place (a village or a town) lies in their region, or in a part of it, or holds it; "
            + "each with its team, project, place, when it takes place, its residents and their orders. 400 for a "
            + "region that is no county, town or village code; 403 forbidden for one outside the operator's.")
    public List<ActivityView> list(
            @Parameter(description = "A county, town or village code in the operator's region; the operator's "
                    + "region when left out", example = "371322206") @QueryParam("region") String region) {
        List<Activity> activities = queries.activities(OperatorRegion.asked(caller, region));
        Map<UUID, List<UUID>> orders = queries.ordersOf(activities.stream().map(a -> a.id).toList());
        return activities.stream().map(a -> ActivityView.of(a, orders.getOrDefault(a.id, List.of()))).toList();
    }

    @POST
    @Path("/{id}/merge")
    @Operation(summary = "Merge an activity into another", description = "Every open order of the activity moves into "
            + "the other (same project, its place holding their villages: 422 activity-elsewhere otherwise): "
            + "OrderAssigned to its team with its activityId, no place taken; the first is dissolved and its team's "
            + "place freed. 409 when either is no longer open. For operators of the region of each order's tier; 403 "
            + "forbidden for others, and nothing changes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "merge",
            value = "{\"into\": \"0190f5c2-7a4e-7b61-9a52-3c1f1e2d4b10\"}")))
    public List<ActivityView> merge(@PathParam("id") UUID id, @Valid @NotNull(message = Reasons.REQUIRED) Merge merge) {
        commands.merge(id, merge.into(), CaseResource.operator(caller));
        return list(null);
    }

    @POST
    @Path("/{id}/split")
    @Operation(summary = "Split orders out of an activity", description = "Each order named leaves the activity and is "
            + "routed again by the rule alone — starting or joining another activity, never back into this one; the "
            + "activity, left empty, is dissolved and its team's place freed. 422 not-in-activity for an order not "
            + "open in it. For operators of the region of each order's tier; 403 forbidden for others, and nothing "
            + "changes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "split",
            value = "{\"orderIds\": [\"0190f5c2-7a4e-7b61-9a52-3c1f1e2d4b11\"], \"reason\": \"she cannot walk to "
                    + "the square\"}")))
    public List<ActivityView> split(@PathParam("id") UUID id, @Valid @NotNull(message = Reasons.REQUIRED) Split split) {
        commands.split(id, split.orderIds(), CaseResource.operator(caller), split.reason());
        return list(null);
    }
}
