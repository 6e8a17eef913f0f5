package io.feiyan.platform.messaging;

/**
 * The row a service keeps for an order (its id the order's id) that remembers the trace the order was placed in:
 * {@link OrderTraces#current()} when the row was made. The outbox publishes the order's events in that trace by
 * itself: it finds the row among the entities the transaction has loaded or created, by the event's order id.
 *
 * <p>Why so: whoever publishes an order's event has just loaded or created that row to make the move, so it is in the
 * persistence context already — a lookup by key there costs no query and no table, and needs no registry kept beside
 * Hibernate's own (no listener, nothing to clear). A row made but not yet persisted is not found: its event goes in
 * the current trace, which is the order's, since the row was just made in it.
 */
public interface KeepsOrderTrace {
    /** The W3C traceparent of the trace the order was placed in; null when it was placed in none. */
    String orderTrace();
}
