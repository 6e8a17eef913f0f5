package io.feiyan.team.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.Tier;
import io.feiyan.platform.observability.AboutOrder;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.CrossChecked;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.AssignmentStatus;
import io.feiyan.team.service.Activities;
import io.feiyan.team.service.Assignments;
import io.feiyan.team.service.Offers;
import io.feiyan.team.service.ServiceRecords;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A team's work (接单): the orders given to it, which it accepts and completes. */
@Path("/api/assignments")
@AboutOrder
public class AssignmentResource {
    private static final BigDecimal MAX_HOURS = new BigDecimal("1000");

    private final Assignments assignments;
    private final Offers offers;
    private final ServiceRecords serviceRecords;
    private final Activities activities;
    private final ObjectMapper json;
    private final Caller caller;
    private final Validator validator;

    AssignmentResource(Assignments assignments, Offers offers, ServiceRecords serviceRecords, Activities activities,
            ObjectMapper json, Caller caller, Validator validator) {
        this.activities = activities;
        this.validator = validator;
        this.assignments = assignments;
        this.offers = offers;
        this.serviceRecords = serviceRecords;
        this.json = json;
        this.caller = caller;
    }

    /**
     * The service record: who served and their hours ({@code servedBy}, which the order's volunteer hours
     * add up from) and a summary; or, for a team that keeps no record here, the {@code volunteerHours} alone.
     */
    public record Completion(BigDecimal volunteerHours, List<ServiceRecords.Served> servedBy,
            @Size(max = 2000, message = Reasons.LONGER) String summary) implements CrossChecked {
        /** Those who served; none when left out. */
        List<ServiceRecords.Served> served() {
            return servedBy == null ? List.of() : servedBy;
        }

        /** The order's hours: those in servedBy added up, or volunteerHours when it names no one. */
        BigDecimal hours() {
            return served().isEmpty() ? volunteerHours
                    : served().stream().map(served -> served == null || served.hours() == null ? BigDecimal.ZERO
                            : served.hours()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @Override
        public void crossCheck(Checks checks) {
            List<ServiceRecords.Served> served = served();
            BigDecimal hours = hours();
            checks.require(hours != null, "volunteerHours", "is required, or servedBy with each volunteer's hours")
                    .require(hours == null || (hours.signum() > 0 && hours.compareTo(MAX_HOURS) <= 0),
                            "volunteerHours", "must be more than 0 and at most 1000")
                    .require(hours == null || hours.scale() <= 2, "volunteerHours", "has at most two decimals")
                    .require(served.stream().allMatch(one -> one != null && one.volunteerId() != null
                            && one.hours() != null && one.hours().signum() > 0
                            && one.hours().compareTo(BigDecimal.valueOf(24)) <= 0), "servedBy",
                            "names each volunteer and their hours, more than 0 and at most 24")
                    .require(served.stream().map(one -> one == null ? null : one.volunteerId()).distinct().count()
                            == served.size(), "servedBy", "names each volunteer once")
                    .require(served.isEmpty() || volunteerHours == null || volunteerHours.compareTo(hours) == 0,
                            "volunteerHours", "is the sum of the hours in servedBy, or left out");
        }
    }

    /** A decline: its reason code, and the team's words (required for OTHER). */
    public record Refusal(@NotNull(message = Reasons.REQUIRED) OrderDeclined.DeclineReason reasonCode,
            @Size(max = 500, message = Reasons.LONGER) String reason) implements CrossChecked {
        @Override
        public void crossCheck(Checks checks) {
            checks.require(reasonCode != OrderDeclined.DeclineReason.OTHER || reason != null && !reason.isBlank(),
                    "reason", "says why, when the reason code is OTHER");
        }
    }

    /** An acceptance: the volunteers the team sends and, if it knows, when they come. Both may be left out. */
    public record Acceptance(List<UUID> volunteerIds, @Future(message = Reasons.FUTURE) Instant scheduledFor)
            implements CrossChecked {
        /** The acceptance a request's body says, checked: a bare POST accepts with no crew or time. */
        static Acceptance read(String body, ObjectMapper json, Validator validator) throws JsonProcessingException {
            if (body == null || body.isBlank()) {
                return new Acceptance(List.of(), null);
            }
            Acceptance acceptance = json.readValue(body, Acceptance.class);
            Validation.of(validator, acceptance).orThrow();
            return acceptance;
        }

        /** The volunteers it sends, none if it names none. */
        List<UUID> crew() {
            return volunteerIds == null ? List.of() : volunteerIds;
        }

        @Override
        public void crossCheck(Checks checks) {
            checks.require(volunteerIds == null || volunteerIds.stream().allMatch(Objects::nonNull)
                    && volunteerIds.stream().distinct().count() == volunteerIds.size(),
                    "volunteerIds", "names each volunteer once");
        }
    }

    public record AssignmentView(UUID orderId, String teamCode, Tier tier, String projectCode, Instant acceptBy,
            Instant deadline, AssignmentStatus status, Instant assignedAt, Instant acceptedAt, List<UUID> crew,
            Instant scheduledFor, Instant completedAt, BigDecimal volunteerHours, String summary,
            OrderDeclined.DeclineReason declineCode, String declineReason, List<String> offeredTo, UUID activityId) {
        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.orderId, a.teamCode, a.tier, a.projectCode, a.acceptBy, a.deadline, a.status,
                    a.assignedAt, a.acceptedAt, a.crew, a.scheduledFor, a.completedAt, a.volunteerHours, a.summary,
                    a.declineCode, a.declineReason, a.offeredTo.isEmpty() ? null : a.offeredTo, a.activityId);
        }
    }

    /**
     * An offer made to several teams at once that another took first (抢单): withdrawn from this team, taken by
     * {@code takenBy} when it accepted ({@code withdrawnAt}).
     */
    public record WithdrawnOffer(UUID orderId, Tier tier, String projectCode, Instant assignedAt, String takenBy,
            Instant withdrawnAt) {
        static WithdrawnOffer of(Assignment a) {
            return new WithdrawnOffer(a.orderId, a.tier, a.projectCode, a.assignedAt, a.teamCode, a.acceptedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.TEAM_MEMBER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Assignments", description = "A team's members see their own team's; operators and admins "
            + "any team's, or all.")
    public List<AssignmentView> list(@QueryParam("team") String team, @QueryParam("status") AssignmentStatus status) {
        return assignments.list(CallerTeam.visible(caller, team), status).stream().map(AssignmentView::of).toList();
    }

    /** The orders served alone, by where they stand; and the activities, each one offer with its orders. */
    public record InboxView(List<AssignmentView> offered, List<AssignmentView> accepted,
            List<AssignmentView> scheduled, List<AssignmentView> completed, List<WithdrawnOffer> withdrawn,
            List<ActivityResource.ActivityView> activities) {
    }

    @GET
    @Path("/inbox")
    @Operation(summary = "A team's inbox", description = "New offers (by time left to accept), accepted orders, "
            + "scheduled ones (by their time), and the last 20 completed, of the orders served alone; the last 20 offers "
            + "made to several teams at once that another team took first (withdrawn, with takenBy); and the "
            + "activities (one visit serving several residents), each one entry with its orders: open ones by time "
            + "left to accept, then those completed lately.")
    @RolesAllowed({Roles.TEAM_MEMBER, Roles.OPERATOR, Roles.ADMIN})
    public InboxView inbox(@QueryParam("team") String team) {
        String whose = CallerTeam.visible(caller, team);
        new Validation().present(whose, "team").orThrow();
        Assignments.Inbox inbox = assignments.inbox(whose);
        return new InboxView(views(inbox.offered()), views(inbox.accepted()), views(inbox.scheduled()),
                views(inbox.completed()), inbox.withdrawn().stream().map(WithdrawnOffer::of).toList(),
                activities.inbox(whose).stream().map(ActivityResource.ActivityView::of).toList());
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.TEAM_MEMBER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "An assignment", description = "For the members of its team, operators and admins.")
    public AssignmentView get(@PathParam("orderId") UUID orderId) {
        Assignment assignment = assignments.get(orderId);
        // a team the order was offered to at once with others sees it too
        String own = caller.team().orElse(null);
        CallerTeam.visible(caller, own != null && assignment.offeredTo.contains(own) ? own : assignment.teamCode);
        return AssignmentView.of(assignment);
    }

    @POST
    @Path("/{orderId}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.TEAM_LEAD)
    @Operation(summary = "Accept an order (接单)", description = "By the lead of the team it is assigned to (the "
            + "team in their token); 403 not-your-assignment for another team's. Offered to several teams at once, the "
            + "first to accept takes it; a later one gets 409 taken, naming the team in takenBy.")
    public AssignmentView accept(@PathParam("orderId") UUID orderId, String body) throws JsonProcessingException {
        String team = CallerTeam.led(caller);
        Acceptance acceptance = Acceptance.read(body, json, validator);
        return AssignmentView.of(offers.accept(orderId, team, acceptance.crew(), acceptance.scheduledFor()));
    }

    @POST
    @Path("/{orderId}/decline")
    @RolesAllowed(Roles.TEAM_LEAD)
    @Operation(summary = "Decline an order", description = "With a reason code, by the lead of the team it is "
            + "assigned to.")
    public AssignmentView decline(@PathParam("orderId") UUID orderId, Refusal refusal) {
        String team = CallerTeam.led(caller);
        Validation.check(validator, refusal);
        String reason = refusal.reason() == null || refusal.reason().isBlank() ? null : refusal.reason().strip();
        return AssignmentView.of(offers.decline(orderId, team, refusal.reasonCode(), reason));
    }

    @POST
    @Path("/{orderId}/complete")
    @RolesAllowed(Roles.TEAM_LEAD)
    @Operation(summary = "Complete an order", description = "With the service record (who served, their hours), by "
            + "the lead of the team it is assigned to.")
    public AssignmentView complete(@PathParam("orderId") UUID orderId, Completion completion) {
        String team = CallerTeam.led(caller);
        Validation.check(validator, completion);
        List<ServiceRecords.Served> servedBy = completion.served();
        return AssignmentView.of(servedBy.isEmpty() ? serviceRecords.complete(orderId, team, completion.hours())
                : serviceRecords.complete(orderId, team, servedBy, completion.summary()));
    }

    private static List<AssignmentView> views(List<Assignment> assignments) {
        return assignments.stream().map(AssignmentView::of).toList();
    }
}
