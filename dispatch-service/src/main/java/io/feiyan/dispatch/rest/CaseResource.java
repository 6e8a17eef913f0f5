package io.feiyan.dispatch.rest;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.service.DispatchService;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.platform.rest.Validation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The dispatch cases operators work on: review, and the hand actions approve, reject, assign, escalate. */
@Path("/api/cases")
public class CaseResource {
    private final DispatchService dispatch;

    CaseResource(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    public record CaseView(UUID orderId, String projectCode, String category, String villageCode, Urgency urgency,
            CaseStatus status, Tier tier, String teamCode, Instant acceptBy, Instant deadline, List<String> passedBy,
            boolean unserved, String reviewReason, String reviewQueue, Instant placedAt, Instant assignedAt,
            Instant updatedAt) {
        public static CaseView of(DispatchCase c) {
            return new CaseView(c.orderId, c.projectCode, c.category, c.villageCode, c.urgency, c.status, c.tier,
                    c.teamCode, c.acceptBy, c.deadline, c.passedBy, c.unserved, c.reviewReason, c.reviewQueue,
                    c.placedAt, c.assignedAt, c.updatedAt);
        }
    }

    /** Who acts, and why; for an assignment, to which team. */
    public record Action(String operator, String reason, String teamCode) {
    }

    @GET
    @Operation(summary = "Cases, newest first", description = "Optionally in one status.")
    public List<CaseView> list(@QueryParam("status") String status) {
        return dispatch.list(Validation.enumValue(CaseStatus.class, status, "status")).stream().map(CaseView::of).toList();
    }

    @GET
    @Path("/{orderId}")
    @Operation(summary = "One case")
    public CaseView get(@PathParam("orderId") UUID orderId) {
        return CaseView.of(dispatch.get(orderId));
    }

    @POST
    @Path("/{orderId}/approve")
    @Operation(summary = "Approve a case in review", description = "It is routed at once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "approve",
            value = "{\"operator\": \"OP-quanyuan-2\"}")))
    public CaseView approve(@PathParam("orderId") UUID orderId, Action action) {
        validate(action, false, false);
        dispatch.approve(orderId, action.operator());
        return get(orderId);
    }

    @POST
    @Path("/{orderId}/reject")
    @Operation(summary = "Reject a case", description = "OrderRejected; the resident sees the reason in the timeline.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "reject",
            value = "{\"operator\": \"OP-quanyuan-2\", \"reason\": \"medical treatment needs the clinic, not volunteers\"}")))
    public CaseView reject(@PathParam("orderId") UUID orderId, Action action) {
        validate(action, true, false);
        dispatch.reject(orderId, action.operator(), action.reason());
        return get(orderId);
    }

    @POST
    @Path("/{orderId}/assign")
    @Operation(summary = "Assign a case to a named team", description = "Whatever the team's tier or load.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "assign",
            value = "{\"operator\": \"OP-county-1\", \"teamCode\": \"art-light-cavalry\", \"reason\": \"they know the village\"}")))
    public CaseView assign(@PathParam("orderId") UUID orderId, Action action) {
        validate(action, false, true);
        dispatch.assign(orderId, action.teamCode(), action.operator(), action.reason());
        return get(orderId);
    }

    @POST
    @Path("/{orderId}/escalate")
    @Operation(summary = "Escalate a case one tier", description = "OrderEscalated with reason OPERATOR; routed there at once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "escalate",
            value = "{\"operator\": \"OP-quanyuan-2\", \"reason\": \"needs the county's equipment\"}")))
    public CaseView escalate(@PathParam("orderId") UUID orderId, Action action) {
        validate(action, true, false);
        dispatch.escalate(orderId, action.operator(), action.reason());
        return get(orderId);
    }

    private static void validate(Action action, boolean reasonRequired, boolean teamRequired) {
        new Validation().present(action, "body").orThrow();
        Validation validation = new Validation()
                .present(action.operator(), "operator")
                .maxLength(action.operator(), 64, "operator")
                .maxLength(action.reason(), 500, "reason");
        if (reasonRequired) {
            validation.present(action.reason(), "reason");
        }
        if (teamRequired) {
            validation.present(action.teamCode(), "teamCode");
        }
        validation.orThrow();
    }
}
