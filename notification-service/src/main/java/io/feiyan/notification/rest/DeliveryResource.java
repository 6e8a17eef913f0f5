package io.feiyan.notification.rest;

import io.feiyan.notification.domain.TrackedOrder;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The delivery log: an order's notifications, whom they went to, by which channel and what became of them; and in
 * numbers, per channel, how many were sent, failed, repeated, are waiting.
 */
@Path("/api/notifications")
public class DeliveryResource {
    @Schema(name = "NotificationCounts")
    public record Counts(
            @Schema(example = "PUSH") String channel,
            @Schema(description = "taken by the channel's server") long sent,
            @Schema(description = "waiting to be sent: due later, or to be tried again after a passing failure") long waiting,
            @Schema(description = "given up after too many passing failures") long failed,
            @Schema(description = "no live address: an expired subscription, a number that cannot take SMS") long unreachable,
            @Schema(description = "sent again after a crash between sending and recording: perhaps twice") long repeated,
            @Schema(description = "no longer news when due (an offer answered before its reminder)") long cancelled) {
    }

    @Schema(name = "Delivery")
    public record Delivery(
            @Schema(example = "ORDER_ACCEPTED") String kind,
            @Schema(description = "person:<Feiyan id> or resident:<resident id>", example = "person:V-zhao-li")
            String recipient,
            @Schema(example = "PUSH") String channel,
            @Schema(description = "WAITING, SENDING, SENT, CANCELLED, FAILED or UNREACHABLE") String status,
            Instant dueAt, Instant sentAt, int attempts,
            @Schema(description = "sent again after a crash between sending and recording") boolean repeated,
            @Schema(description = "why the last try failed") String lastError) {
    }

    private final EntityManager entityManager;
    private final Caller caller;

    DeliveryResource(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Whom an order's notifications went to, and what became of them (operators of its region)")
    public List<Delivery> ofOrder(@QueryParam("order") UUID orderId) {
        new Validation().present(orderId, "order").orThrow();
        TrackedOrder order = TrackedOrder.findById(orderId);
        if (order == null) {
            throw new NotFound("order", orderId);
        }
        caller.require(caller.is(Roles.ADMIN) || caller.covers(order.villageCode), "the order is not of your region");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select kind, recipient, channel, status, due_at, sent_at, attempts, repeated, last_error
                from delivery where order_id = ?1 order by due_at, kind, recipient, channel""")
                .setParameter(1, orderId).getResultList();
        List<Delivery> deliveries = new ArrayList<>();
        for (Object[] row : rows) {
            deliveries.add(new Delivery((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    instant(row[4]), instant(row[5]), ((Number) row[6]).intValue(), (Boolean) row[7],
                    (String) row[8]));
        }
        return deliveries;
    }

    @GET
    @Path("/counts")
    @Transactional
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Notifications per channel and outcome")
    public List<Counts> counts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select channel,
                       count(*) filter (where status = 'SENT'),
                       count(*) filter (where status in ('WAITING', 'SENDING')),
                       count(*) filter (where status = 'FAILED'),
                       count(*) filter (where status = 'UNREACHABLE'),
                       count(*) filter (where repeated),
                       count(*) filter (where status = 'CANCELLED')
                from delivery group by channel order by channel""").getResultList();
        List<Counts> counts = new ArrayList<>();
        for (Object[] row : rows) {
            counts.add(new Counts((String) row[0], number(row[1]), number(row[2]), number(row[3]), number(row[4]),
                    number(row[5]), number(row[6])));
        }
        return counts;
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
