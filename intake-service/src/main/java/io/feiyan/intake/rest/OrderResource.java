package io.feiyan.intake.rest;

import io.feiyan.events.Channel;
import io.feiyan.events.Urgency;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.intake.service.OrderService;
import io.feiyan.intake.service.OrderService.PlaceOrder;
import io.feiyan.intake.service.OrderService.Placement;
import io.feiyan.intake.service.Timeline;
import io.feiyan.platform.rest.Validation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/orders")
public class OrderResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final OrderService orders;
    private final Timeline timeline;

    OrderResource(OrderService orders, Timeline timeline) {
        this.orders = orders;
        this.timeline = timeline;
    }

    public record OrderView(UUID orderId, UUID residentId, String projectCode, String villageCode, Urgency urgency,
            Channel channel, String volunteerId, OrderStatus status, Instant placedAt, List<Timeline.Entry> timeline) {
    }

    /**
     * Places an order (点单). Send an {@code Idempotency-Key} to make retries safe: a repeated request
     * gets the first answer back, with {@code Idempotent-Replayed: true}, and places nothing new.
     */
    @POST
    public Response place(PlaceOrder request, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context UriInfo uri) {
        new Validation().maxLength(idempotencyKey, 128, IDEMPOTENCY_KEY).orThrow();
        Placement placement = orders.place(request, idempotencyKey);
        Order order = placement.order();
        return Response.created(uri.getAbsolutePathBuilder().path(order.id.toString()).build())
                .header(REPLAYED, placement.created() ? null : "true")
                .entity(view(order))
                .build();
    }

    /** The order's status and its timeline, every step in plain words. */
    @GET
    @Path("/{id}")
    public OrderView get(@PathParam("id") UUID id) {
        return view(orders.get(id));
    }

    private OrderView view(Order order) {
        return new OrderView(order.id, order.residentId, order.projectCode, order.villageCode, order.urgency,
                order.channel, order.volunteerId, order.status, order.placedAt, timeline.of(order.id));
    }
}
