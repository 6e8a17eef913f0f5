package io.feiyan.dispatch.rest;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.service.CaseCommands;
import io.feiyan.dispatch.service.CaseQueries;
import io.feiyan.dispatch.service.Operator;
import io.feiyan.dispatch.service.OperatorQueue;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.platform.observability.AboutOrder;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.Reasons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The dispatch cases operators work on: review, and the hand actions approve, reject, assign, escalate. An
 * operator sees the cases of their region (the {@code region} of their token) and acts on those their region
 * handles now; whoever acts is the token's user.
 */
@Path("/api/cases")
@RolesAllowed(Roles.OPERATOR)
@AboutOrder
public class CaseResource {
    private final CaseCommands commands;
    private final CaseQueries queries;
    private final OperatorQueue queue;
    private final Caller caller;

    CaseResource(CaseCommands commands, CaseQueries queries, OperatorQueue queue, Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.queue = queue;
        this.caller = caller;
    }

    public record CaseView(UUID orderId, String projectCode, String category, String villageCode, Urgency urgency,
            CaseStatus status, Tier tier, String teamCode, Instant acceptBy, Instant deadline, List<String> passedBy,
            boolean unserved, String reviewReason, String reviewQueue, Instant placedAt, Instant assignedAt,
            Instant updatedAt, List<String> offeredTo, UUID activityId) {
        public static CaseView of(DispatchCase c) {
            return new CaseView(c.orderId, c.projectCode, c.category, c.villageCode, c.urgency, c.status, c.tier,
                    c.teamCode, c.acceptBy, c.deadline, c.passedBy, c.unserved, c.reviewReason, c.reviewQueue,
                    c.placedAt, c.assignedAt, c.updatedAt, c.offeredTo, c.activityId);
        }
    }

    /**
     * A case that needs a person (the operators' queue): why ({@link OperatorQueue.Reason}), since when and for how many
     * minutes, whose region acts on it now, and the teams of the county offering its need, the nearest first.
     */
    public record QueuedView(UUID orderId, String projectCode, String category, String villageCode, Urgency urgency,
            CaseStatus status, Tier tier, String teamCode, OperatorQueue.Reason reason, Instant since, long ageMinutes,
            String handledBy, List<String> declinedBy, List<OperatorQueue.Offering> teams) {
        public static QueuedView of(OperatorQueue.Queued queued, Instant now) {
            DispatchCase c = queued.c();
            return new QueuedView(c.orderId, c.projectCode, c.category, c.villageCode, c.urgency, c.status, c.tier,
                    c.teamCode, queued.reason(), queued.since(), Duration.between(queued.since(), now).toMinutes(),
                    c.handledBy(), c.declinedBy, queued.teams());
        }
    }

    /** To which teams at once (two to ten), and why. Who acts comes from the token. */
    public record Offer(
            @Size(max = 500, message = Reasons.LONGER) String reason,
            @NotNull(message = Reasons.REQUIRED) @Size(min = 2, max = 10, message = "names {min} to {max} teams")
            List<@NotBlank(message = Reasons.REQUIRED) String> teamCodes) {
    }

    /** Why; for an assignment, to which team. Who acts comes from the token. */
    public record Action(
            @Size(max = 500, message = Reasons.LONGER) @NotBlank(groups = Reasoned.class, message = Reasons.REQUIRED)
            String reason,
            @NotBlank(groups = Assigning.class, message = Reasons.REQUIRED) String teamCode) {
        /** Rejecting and escalating say why. */
        public interface Reasoned extends Default {
        }

        /** Assigning names the team. */
        public interface Assigning extends Default {
        }
    }

    @GET
    @Operation(summary = "Cases, newest first", description = "For operators: the cases of villages in their region, "
            + "or in a part of it, optionally in one status. 400 for a region that is no county, town or village "
            + "code; 403 forbidden for one outside the operator's.")
    public List<CaseView> list(
            @Parameter(description = "A county, town or village code in the operator's region; the operator's "
                    + "region when left out", example = "371322206") @QueryParam("region") String region,
            @QueryParam("status") String status) {
        return queries.list(OperatorRegion.asked(caller, region), Validation.enumValue(CaseStatus.class, status,
                        "status"))
                .stream().map(CaseView::of).toList();
    }

    @GET
    @Path("/queue")
    @Operation(summary = "The cases that need a person", description = "For operators: the cases of villages in "
            + "their region, or in a part of it, that wait for a person — DECLINED_BY_ALL (unserved, every team that "
            + "could take it declined), UNSERVED (no team with room), DEADLINE_PASSED (accepted, not delivered by its "
            + "deadline), REVIEW_WAITING (in review longer than feiyan.dispatch.queue.review-after) — with since when, "
            + "the most urgent first, then the longest waiting; each with the county's teams offering its need. 400 "
            + "for a region that is no county, town or village code; 403 forbidden for one outside the operator's.")
    public List<QueuedView> queue(
            @Parameter(description = "A county, town or village code in the operator's region; the operator's "
                    + "region when left out", example = "371322206") @QueryParam("region") String region) {
        Instant now = Instant.now();
        return queue.of(OperatorRegion.asked(caller, region), null, now).stream()
                .map(queued -> QueuedView.of(queued, now)).toList();
    }

    @GET
    @Path("/{orderId}")
    @Operation(summary = "One case", description = "For operators of a region the case's village lies in; 403 "
            + "forbidden for others.")
    public CaseView get(@PathParam("orderId") UUID orderId) {
        DispatchCase c = queries.get(orderId);
        caller.require(caller.covers(c.villageCode), "the case's village " + c.villageCode
                + " is outside your region");
        return CaseView.of(c);
    }

    @POST
    @Path("/{orderId}/approve")
    @Operation(summary = "Approve a case in review", description = "For operators of the review queue's region (a "
            + "town's institute, or the county centre for all); 403 forbidden for others, and nothing changes. "
            + "It is routed at once; the token's user is recorded as who approved.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "approve",
            value = "{}")))
    public CaseView approve(@PathParam("orderId") UUID orderId, @Valid Action action) {
        // approving needs nothing said: the body may be left out
        commands.approve(orderId, operator());
        return get(orderId);
    }

    @POST
    @Path("/{orderId}/reject")
    @Operation(summary = "Reject a case", description = "For operators of the review queue's region while it is in "
            + "review, of its tier's region while it waits for a team; 403 forbidden for others, and nothing "
            + "changes. OrderRejected; the resident sees the reason in the timeline.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "reject",
            value = "{\"reason\": \"medical treatment needs the clinic, not volunteers\"}")))
    public CaseView reject(@PathParam("orderId") UUID orderId,
            @Valid @ConvertGroup(to = Action.Reasoned.class) @NotNull(message = Reasons.REQUIRED) Action action) {
        commands.reject(orderId, operator(), action.reason());
        return get(orderId);
    }

    @POST
    @Path("/{orderId}/assign")
    @Operation(summary = "Assign a case to a named team", description = "Whatever the team's tier or load. For "
            + "operators of the region of the case's tier (its village, town or county; while in review, the "
            + "review queue's region, as assigning approves it); 403 forbidden for others, and nothing changes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "assign",
            value = "{\"teamCode\": \"art-light-cavalry\", \"reason\": \"they know the village\"}")))
    public CaseView assign(@PathParam("orderId") UUID orderId,
            @Valid @ConvertGroup(to = Action.Assigning.class) @NotNull(message = Reasons.REQUIRED) Action action) {
        commands.assign(orderId, action.teamCode(), operator(), action.reason());
        return get(orderId);
    }

    @POST
    @Path("/{orderId}/offer")
    @Operation(summary = "Offer a case to several named teams at once", description = "Whatever their tiers or loads "
            + "(of another town too): the first lead to accept takes it, and the others' offers are withdrawn. For the "
            + "operators who may assign it; 403 forbidden for others, and nothing changes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "offer",
            value = "{\"teamCodes\": [\"quanyuan-institute\", \"gaofengtou-institute\"], \"reason\": \"no team "
                    + "of hers has room\"}")))
    public CaseView offer(@PathParam("orderId") UUID orderId, @Valid @NotNull(message = Reasons.REQUIRED) Offer offer) {
        commands.offer(orderId, offer.teamCodes(), operator(), offer.reason());
        return get(orderId);
    }

    @POST
    @Path("/{orderId}/escalate")
    @Operation(summary = "Escalate a case one tier", description = "OrderEscalated with reason OPERATOR; routed there "
            + "at once. For operators of the region of the case's tier (while in review, of the review queue's); "
            + "403 forbidden for others, and nothing changes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "escalate",
            value = "{\"reason\": \"needs the county's equipment\"}")))
    public CaseView escalate(@PathParam("orderId") UUID orderId,
            @Valid @ConvertGroup(to = Action.Reasoned.class) @NotNull(message = Reasons.REQUIRED) Action action) {
        commands.escalate(orderId, operator(), action.reason());
        return get(orderId);
    }

    /** The activity to add the case to, and why. */
    public record ActivityChoice(@NotNull(message = Reasons.REQUIRED) UUID activityId,
            @Size(max = 500, message = Reasons.LONGER) String reason) {
    }

    @POST
    @Path("/{orderId}/activity")
    @Operation(summary = "Add a case to an activity", description = "The activity's team takes the case (OrderAssigned "
            + "with the activityId; no place taken at the team: the activity holds one), whatever the activity's "
            + "residents: for a case in review, waiting (from the operators' queue) or offered to a team, and an open "
            + "activity of its project whose place holds its village (422 activity-elsewhere otherwise; 409 for a "
            + "closed activity). For operators of the region of the case's tier (while in review, of the review "
            + "queue's); 403 forbidden for others, and nothing changes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "add",
            value = "{\"activityId\": \"0190f5c2-7a4e-7b61-9a52-3c1f1e2d4b10\", \"reason\": \"her neighbours are served that day\"}")))
    public CaseView addToActivity(@PathParam("orderId") UUID orderId,
            @Valid @NotNull(message = Reasons.REQUIRED) ActivityChoice choice) {
        commands.addToActivity(orderId, choice.activityId(), operator(), choice.reason());
        return get(orderId);
    }

    /** What the village's 飞燕 volunteer is to ask or tell the resident. */
    public record CallRequest(
            @Size(max = 500, message = Reasons.LONGER) @NotBlank(message = Reasons.REQUIRED) String note) {
    }

    @POST
    @Path("/{orderId}/call-request")
    @Operation(summary = "Ask the village's volunteer to call the resident", description = "The village's 飞燕 "
            + "volunteer on duty is asked to call the resident, the note saying what to ask or tell: OrderCallRequested, "
            + "shown on the order's timeline; recorded among the case's decisions. The case does not change. For "
            + "operators of a region the case's village lies in, while the case is open; 403 forbidden for others, "
            + "409 for a case closed.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "call",
            value = "{\"note\": \"no team can come this week: ask whether her son can drive her on Monday\"}")))
    public CaseView requestCall(@PathParam("orderId") UUID orderId,
            @Valid @NotNull(message = Reasons.REQUIRED) CallRequest request) {
        commands.requestCall(orderId, operator(), request.note().strip());
        return get(orderId);
    }

    /** The token's operator, and the regions theirs to act in. */
    static Operator operator(Caller caller) {
        OperatorRegion.of(caller); // refuses a token with no region, or one that is no region code
        // who acted goes on decisions and events, which hold at most 64 characters
        caller.require(caller.id() != null && caller.id().length() <= 64, "your token's subject is empty or longer "
                + "than 64 characters");
        return new Operator(caller.id(), caller::covers);
    }

    private Operator operator() {
        return operator(caller);
    }
}
