package io.feiyan.team.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.Tier;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.feiyan.team.domain.Activity;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.AssignmentStatus;
import io.feiyan.team.rest.AssignmentResource.Acceptance;
import io.feiyan.team.rest.AssignmentResource.Completion;
import io.feiyan.team.rest.AssignmentResource.Refusal;
import io.feiyan.team.service.Activities;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A team's activities: one visit serving several residents (an opera on the village square), which the team accepts,
 * declines and completes as one. Each order of it keeps its own events.
 */
@Path("/api/activities")
public class ActivityResource {
    private final Activities activities;
    private final ObjectMapper json;
    private final Caller caller;
    private final Validator validator;

    ActivityResource(Activities activities, ObjectMapper json, Caller caller, Validator validator) {
        this.activities = activities;
        this.json = json;
        this.caller = caller;
        this.validator = validator;
    }

    /**
     * An order of the activity: its resident appears as the team sees any order's (through intake's order, and its
     * audited contact once accepted), here by the village they live in.
     */
    public record ActivityOrder(UUID orderId, AssignmentStatus status, String villageCode, Instant acceptBy,
            Instant deadline, BigDecimal volunteerHours) {
    }

    /**
     * An activity as one offer: its project, where it gathers (a village or a town code), how many residents, the
     * earliest time to accept and deadline among its orders, the crew and time the team named, and its orders.
     */
    public record ActivityView(UUID activityId, String teamCode, Tier tier, String projectCode, AssignmentStatus status,
            Tier gathersAt, String placeCode, int residents, Instant acceptBy, Instant deadline, Instant scheduledFor,
            List<UUID> crew, Instant completedAt, BigDecimal volunteerHours, String summary,
            List<ActivityOrder> orders) {
        static ActivityView of(Activities.Seen seen) {
            Activity activity = seen.activity();
            Assignment first = activity.first();
            List<Assignment> orders = activity.orders();
            List<Assignment> waiting = orders.stream().filter(a -> a.status == AssignmentStatus.OFFERED).toList();
            List<Assignment> open = orders.stream().filter(a -> a.status == AssignmentStatus.OFFERED
                    || a.status == AssignmentStatus.ACCEPTED).toList();
            List<Assignment> completed = orders.stream().filter(a -> a.status == AssignmentStatus.COMPLETED).toList();
            BigDecimal hours = completed.isEmpty() ? null : completed.stream().map(a -> a.volunteerHours)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<UUID, String> villages = seen.villages();
            return new ActivityView(activity.id(), first.teamCode, first.tier, first.projectCode, activity.status(),
                    seen.gathersAt(), seen.placeCode(), open.isEmpty() ? completed.size() : open.size(),
                    earliest(waiting.isEmpty() ? orders : waiting, a -> a.acceptBy),
                    earliest(open.isEmpty() ? orders : open, a -> a.deadline), first.scheduledFor, first.crew,
                    first.completedAt, hours, first.summary,
                    orders.stream().map(a -> new ActivityOrder(a.orderId, a.status, villages.get(a.orderId),
                            a.acceptBy, a.deadline, a.volunteerHours)).toList());
        }

        private static Instant earliest(List<Assignment> orders, Function<Assignment, Instant> at) {
            return orders.stream().map(at).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        }
    }

    @GET
    @Path("/{activityId}")
    @RolesAllowed({Roles.TEAM_MEMBER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "An activity", description = "One visit serving several residents, with its orders. For the "
            + "members of its team, operators and admins.")
    public ActivityView get(@PathParam("activityId") UUID activityId) {
        ActivityView activity = ActivityView.of(activities.get(activityId));
        CallerTeam.visible(caller, activity.teamCode());
        return activity;
    }

    @POST
    @Path("/{activityId}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.TEAM_LEAD)
    @Operation(summary = "Accept an activity (接单)", description = "Every order of it waiting for the team's answer, "
            + "in one go (an OrderAccepted each, with the activity and the time), naming who goes and when, as an "
            + "order's acceptance does. By the lead of the team it is assigned to; 403 not-your-assignment for "
            + "another team's.")
    public ActivityView accept(@PathParam("activityId") UUID activityId, String body) throws JsonProcessingException {
        String team = CallerTeam.led(caller);
        Acceptance acceptance = Acceptance.read(body, json, validator);
        return ActivityView.of(activities.accept(activityId, team, acceptance.crew(), acceptance.scheduledFor()));
    }

    @POST
    @Path("/{activityId}/decline")
    @RolesAllowed(Roles.TEAM_LEAD)
    @Operation(summary = "Decline an activity", description = "Every order of it waiting for the team's answer (an "
            + "OrderDeclined each), with a reason code as an order's decline, by the lead of the team it is assigned "
            + "to.")
    public ActivityView decline(@PathParam("activityId") UUID activityId, Refusal refusal) {
        String team = CallerTeam.led(caller);
        Validation.check(validator, refusal);
        String reason = refusal.reason() == null || refusal.reason().isBlank() ? null : refusal.reason().strip();
        return ActivityView.of(activities.decline(activityId, team, refusal.reasonCode(), reason));
    }

    @POST
    @Path("/{activityId}/complete")
    @RolesAllowed(Roles.TEAM_LEAD)
    @Operation(summary = "Complete an activity", description = "Once, with the service record as an order's "
            + "completion (who served and their hours, or the volunteerHours alone): one entry in the hours ledger, "
            + "and an OrderCompleted for every accepted order, with its share of the hours (to the cent, the "
            + "remainder on the first; 422 hours-too-few-to-share when a share would be under 0.01). By the lead of "
            + "the team it is assigned to.")
    public ActivityView complete(@PathParam("activityId") UUID activityId, Completion completion) {
        String team = CallerTeam.led(caller);
        Validation.check(validator, completion);
        return ActivityView.of(activities.complete(activityId, team, completion.served(), completion.hours(),
                completion.summary()));
    }
}
