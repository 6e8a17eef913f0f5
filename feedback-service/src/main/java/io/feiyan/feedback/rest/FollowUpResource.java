package io.feiyan.feedback.rest;

import io.feiyan.events.Tier;
import io.feiyan.feedback.domain.FollowUp;
import io.feiyan.feedback.domain.FollowUp.Outcome;
import io.feiyan.feedback.domain.FollowUp.Reason;
import io.feiyan.feedback.domain.Order;
import io.feiyan.feedback.domain.Rating;
import io.feiyan.feedback.service.FollowUpService;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.rest.Page;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.OneOf;
import io.feiyan.platform.validation.PageNumber;
import io.feiyan.platform.validation.PageSize;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.platform.validation.RegionCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/follow-ups")
@RolesAllowed({Roles.VOLUNTEER, Roles.OPERATOR})
public class FollowUpResource {
    private final FollowUpService followUps;

    private final Caller caller;

    FollowUpResource(FollowUpService followUps, Caller caller) {
        this.followUps = followUps;
        this.caller = caller;
    }

    /** A follow-up with what the visitor needs to know: whose order, delivered by whom, and how it was rated. */
    public record FollowUpView(UUID id, UUID orderId, Reason reason, UUID residentId, String villageCode,
            String teamCode, Instant deliveredAt, RatingSummary rating, Instant openedAt, Outcome outcome,
            String visitedBy, String note, Instant closedAt) {
        static FollowUpView of(FollowUp f) {
            Order order = Order.findById(f.orderId);
            Rating rating = Rating.findById(f.orderId);
            return new FollowUpView(f.id, f.orderId, f.reason, order.residentId, order.villageCode, order.teamCode,
                    order.completedAt, rating == null ? null : new RatingSummary(rating.score, rating.solved,
                    rating.comment), f.openedAt, f.outcome, f.visitedBy, f.note, f.closedAt);
        }
    }

    public record RatingSummary(int score, boolean solved, String comment) {
    }

    /** What the visit found: {@code RESOLVED} after all, or {@code REDO}; who visited, the caller when absent. */
    public record VisitOutcome(@NotBlank(message = Reasons.REQUIRED) @OneOf({"RESOLVED", "REDO"}) String outcome,
            @Size(max = 64, message = Reasons.LONGER) String visitedBy,
            @Size(max = 1000, message = Reasons.LONGER) String note) {
    }

    @GET
    @Operation(summary = "Follow-up visits (回访) of a village",
            description = "Opened when a rating is dissatisfied (score 2 or less, or not solved) or when a delivery "
                    + "stays unrated for feiyan.feedback.unrated-after (3 days by default). Oldest first, paged. For "
                    + "the volunteers of the village and the operators whose region holds it.")
    public Page<FollowUpView> list(
            @Parameter(description = "12-digit village code; absent: every village of the caller's region",
                    example = "371322206201")
            @RegionCode(tier = Tier.VILLAGE) @QueryParam("village") String village,
            @Parameter(description = "open (default), closed or all") @OneOf({"open", "closed", "all"})
            @QueryParam("status") String status,
            @PageNumber @QueryParam("page") Integer page,
            @PageSize @QueryParam("size") Integer size) {
        String which = status == null ? "open" : status;
        caller.require(village == null || caller.covers(village), "village " + village + " is not in your region");
        String region = village != null ? village : caller.region().orElseThrow(
                () -> new NotAllowed("your token names no region"));
        Boolean open = which.equals("all") ? null : which.equals("open");
        return followUps.list(region, open, Page.request(page, size)).map(FollowUpView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One follow-up visit")
    public FollowUpView get(@PathParam("id") UUID id) {
        return FollowUpView.of(followUps.get(id, caller));
    }

    @POST
    @Path("/{id}/outcome")
    @Operation(summary = "Record what the visit found",
            description = "RESOLVED: the resident is content after all. REDO: not resolved, so the order goes back "
                    + "to dispatch (OrderReopened) to be served again from the village. A follow-up is closed once "
                    + "(409 follow-up-closed). The note stays in feedback.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "redo", value = """
                    {"outcome": "REDO", "visitedBy": "V-zhao-li", "note": "The tap still drips; needs a plumber"}""")}))
    public FollowUpView record(@PathParam("id") UUID id,
            @Valid @NotNull(message = Reasons.REQUIRED) VisitOutcome request) {
        String visitor = request.visitedBy() == null ? caller.id() : request.visitedBy();
        return FollowUpView.of(followUps.record(id, Outcome.valueOf(request.outcome()), visitor, request.note(),
                caller));
    }
}
