package io.feiyan.platform.observability;

import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * The order a log line is about: while a service handles an event of an order or a request about one, its id is
 * in the logging context (MDC key {@code orderId}), so every line logged meanwhile names it (JSON logs show it
 * under {@code mdc}). Only the opaque order id: never anything that names the resident.
 */
public final class OrderLog {
    public static final String ORDER_ID = "orderId";

    private OrderLog() {
    }

    public static void put(UUID orderId) {
        if (orderId != null) {
            MDC.put(ORDER_ID, orderId.toString());
        }
    }

    public static void clear() {
        MDC.remove(ORDER_ID);
    }
}
