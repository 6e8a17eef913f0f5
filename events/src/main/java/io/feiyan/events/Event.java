package io.feiyan.events;

/** An event Feiyan publishes. Its {@link #key()} is the Kafka key and the CloudEvents subject. */
public sealed interface Event
        permits OrderEvent, TeamUpdated, ProjectUpdated, MenuPublished {

    /** The aggregate the event belongs to: an order id, or a team or project code for reference data. */
    String key();

    /** The aggregate's kind, as stored in the outbox's {@code aggregatetype} column. */
    default String aggregateType() {
        return EventType.of(this).aggregateType();
    }
}
