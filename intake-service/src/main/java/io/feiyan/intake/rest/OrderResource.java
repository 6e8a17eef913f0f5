package io.feiyan.intake.rest;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderCancelled.CancelReason;
import io.feiyan.events.Urgency;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.intake.domain.Resident;
import io.feiyan.intake.service.OrderService;
import io.feiyan.intake.service.OrderService.PlaceOrder;
import io.feiyan.intake.service.OrderService.Placement;
import io.feiyan.intake.service.Orders;
import io.feiyan.intake.service.ResidentAccess;
import io.feiyan.intake.service.ResidentService;
import io.feiyan.intake.service.Timeline;
import io.feiyan.platform.limits.Limited;
import io.feiyan.platform.observability.AboutOrder;
import io.feiyan.platform.rest.Page;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.PageNumber;
import io.feiyan.platform.validation.PageSize;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.platform.validation.RegionCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/orders")
@AboutOrder("id")
public class OrderResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final OrderService orderService;
    private final Orders orders;
    private final Timeline timeline;
    private final ResidentService residents;
    private final ResidentAccess access;

    OrderResource(OrderService orderService, Orders orders, Timeline timeline, ResidentService residents,
            ResidentAccess access) {
        this.orderService = orderService;
        this.orders = orders;
        this.timeline = timeline;
        this.residents = residents;
        this.access = access;
    }

    public record OrderView(UUID orderId, UUID residentId, String projectCode, String category, String description,
            String villageCode, Urgency urgency, Channel channel, String volunteerId, String operatorId,
            Instant preferredFrom, Instant preferredTo, OrderStatus status, Instant placedAt,
            List<Timeline.Entry> timeline) {
    }

    /** An order in a list: what it is and where it stands. */
    public record OrderSummary(UUID orderId, UUID residentId, String projectCode, String category,
            String villageCode, Channel channel, OrderStatus status, Instant placedAt) {
        static OrderSummary of(Order o) {
            return new OrderSummary(o.id, o.residentId, o.projectCode, o.category, o.villageCode, o.channel, o.status,
                    o.placedAt);
        }
    }

    public record Cancellation(@NotNull(message = Reasons.REQUIRED) CancelReason reason,
            @Size(max = 500, message = Reasons.LONGER) String note) {
    }

    /** How to reach the resident of an order, for those who serve or look after them. */
    public record Contact(UUID orderId, UUID residentId, String name, String phone, String villageCode,
            String guardianName, String guardianPhone, String guardianRelation) {
        static Contact of(Order order, Resident r) {
            return new Contact(order.id, r.id, r.name, r.phone, order.villageCode, r.guardianName, r.guardianPhone,
                    r.guardianRelation);
        }
    }

    @POST
    @Limited("orders")
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER, Roles.OPERATOR})
    @Operation(summary = "Place an order (点单)",
            description = "For a project from the menu (projectCode) or, when nothing fits, a need in the resident's "
                    + "words (category and description), which dispatch reviews. Who places it sets the channel: a "
                    + "resident for themselves (APP or WECHAT; residentId defaults to theirs); a 飞燕 volunteer for a "
                    + "resident of their village (PROXY, with residentConsent; the order records the volunteer from "
                    + "the token), or WECHAT for what the resident wrote to the county's WeChat account and the "
                    + "volunteer confirmed with them; an operator taking a call from a resident of their region (PHONE). Send an "
                    + "Idempotency-Key to make retries safe: a repeated request gets the first answer back, with "
                    + "Idempotent-Replayed: true. An open order of the same resident for the same project is refused "
                    + "(409 duplicate-order) unless newNeed is true.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "proxy order from the menu", value = """
                    {"residentId": "5f0c8a52-2f5e-4d7e-9b59-6f1d3c2a7e10", "projectCode": "culture-opera",
                     "urgency": "ROUTINE", "channel": "PROXY", "residentConsent": true,
                     "description": "Grandma Wu and her neighbours have not heard Peking opera for years",
                     "preferredFrom": "2026-12-01T01:00:00Z", "preferredTo": "2026-12-01T04:00:00Z"}"""),
            @ExampleObject(name = "free-text need by phone", value = """
                    {"residentId": "5f0c8a52-2f5e-4d7e-9b59-6f1d3c2a7e10", "category": "DAILY_LIFE",
                     "description": "The well pump in the yard stopped working", "urgency": "URGENT",
                     "channel": "PHONE"}""")}))
    public Response place(PlaceOrder request,
            @Parameter(description = "any unique string; a retry with the same key places nothing new")
            @Size(max = 128, message = Reasons.LONGER) @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context UriInfo uri) {
        Placement placement = orderService.place(request, idempotencyKey);
        Order order = placement.order();
        return Response.created(uri.getAbsolutePathBuilder().path(order.id.toString()).build())
                .header(REPLAYED, placement.created() ? null : "true")
                .entity(view(order, placement.timeline()))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER, Roles.OPERATOR, Roles.TEAM_MEMBER})
    @Operation(summary = "Track an order", description = "Its status and its timeline: every step in plain words, "
            + "in the order things happened. For the resident, the volunteers and operators of their region, and "
            + "the members of the team the order is with (assigned or accepted).")
    public OrderView get(@PathParam("id") UUID id) {
        Order order = orders.get(id);
        access.follow(order);
        return view(order);
    }

    @GET
    @Path("/{id}/contact")
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER, Roles.TEAM_MEMBER})
    @Operation(summary = "How to reach the resident", description = "Name, full phone and guardian: for the team "
            + "that accepted the order while it serves it, the volunteers of the resident's village and the "
            + "resident. Every read is written to the audit log (who, whose, when, why).")
    public Contact contact(@PathParam("id") UUID id) {
        Order order = orders.get(id);
        access.contact(order);
        return Contact.of(order, residents.get(order.residentId));
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER, Roles.OPERATOR})
    @Operation(summary = "List orders", description = "A resident's own; a volunteer's or operator's region, or the "
            + "village or town of it given; by resident and/or status; newest first, paged.")
    public Page<OrderSummary> list(@QueryParam("resident") UUID resident,
            @Parameter(example = "371322206201") @RegionCode @QueryParam("village") String village,
            @Parameter(description = "PLACED, ASSIGNED, ACCEPTED, COMPLETED, RATED, CANCELLED or REJECTED")
            @QueryParam("status") String status,
            @PageNumber @QueryParam("page") Integer page,
            @PageSize @QueryParam("size") Integer size) {
        OrderStatus wanted = Validation.enumValue(OrderStatus.class, status, "status");
        return orders.list(access.scope(village), resident, wanted, Page.request(page, size)).map(OrderSummary::of);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER, Roles.OPERATOR})
    @Operation(summary = "Cancel an order", description = "By the resident, or a volunteer or operator of their "
            + "region, before a team accepts it (→ OrderCancelled); afterwards 409 order-not-cancellable says why. "
            + "Cancelling a cancelled order changes nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "no longer needed", value = """
            {"reason": "SOLVED_OTHERWISE", "note": "her son came home and fixed it"}""")))
    public OrderView cancel(@PathParam("id") UUID id,
            @Valid @NotNull(message = Reasons.REQUIRED) Cancellation cancellation) {
        return view(orderService.cancel(id, cancellation.reason(), cancellation.note()));
    }

    private OrderView view(Order o) {
        return view(o, timeline.of(o));
    }

    private static OrderView view(Order o, List<Timeline.Entry> steps) {
        return new OrderView(o.id, o.residentId, o.projectCode, o.category, o.description, o.villageCode, o.urgency,
                o.channel, o.volunteerId, o.operatorId, o.preferredFrom, o.preferredTo, o.status, o.placedAt, steps);
    }
}
