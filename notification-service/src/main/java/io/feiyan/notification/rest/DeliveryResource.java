package io.feiyan.notification.rest;

import io.feiyan.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The delivery log in numbers: per channel, how many notifications were sent, failed, repeated, are waiting. */
@Path("/api/notifications/counts")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST})
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

    private final EntityManager entityManager;

    DeliveryResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @Transactional
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

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
