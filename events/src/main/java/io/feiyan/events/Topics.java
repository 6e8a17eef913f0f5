package io.feiyan.events;

/**
 * Every Kafka topic of Feiyan, named once. Constants, so that {@code @Incoming(Topics.ORDERS_PLACED)}
 * names the channel, and the channel name is the topic.
 */
public final class Topics {
    public static final String ORDERS_PLACED = "orders.placed";
    public static final String ORDERS_APPROVED = "orders.approved";
    public static final String ORDERS_ASSIGNED = "orders.assigned";
    public static final String ORDERS_ACCEPTED = "orders.accepted";
    public static final String ORDERS_COMPLETED = "orders.completed";
    public static final String ORDERS_RATED = "orders.rated";
    public static final String ORDERS_DECLINED = "orders.declined";
    public static final String ORDERS_ESCALATED = "orders.escalated";
    public static final String ORDERS_REJECTED = "orders.rejected";
    public static final String ORDERS_CANCELLED = "orders.cancelled";
    public static final String ORDERS_REOPENED = "orders.reopened";
    public static final String ORDERS_UNSERVED = "orders.unserved";
    public static final String ORDERS_CALL_REQUESTED = "orders.call-requested";
    public static final String ORDERS_WITHDRAWN = "orders.withdrawn";
    public static final String ORDERS_FOLLOW_UP_DUE = "orders.follow-up-due";
    /** Compacted, keyed by team code: the latest state of every team. */
    public static final String TEAMS_DIRECTORY = "teams.directory";
    /** Compacted, keyed by project code: the latest state of every catalogue project. */
    public static final String CATALOGUE_PROJECTS = "catalogue.projects";
    /** Compacted, keyed by county code and month: the latest menu of each month. */
    public static final String CATALOGUE_MENUS = "catalogue.menus";

    private Topics() {
    }
}
