package io.feiyan.notification.domain;

/** What a notification tells. The county's words for each are templates in the configuration (service/Texts). */
public enum Kind {
    /** A team's leads (and members on duty): an order is offered to the team, with the time left to accept. */
    OFFER_NEW,
    /** The same, at half the time to accept, while the offer is unanswered. */
    OFFER_REMINDER,
    /** An offer to several teams was taken by another team. */
    OFFER_WITHDRAWN,
    /** The team that accepted an order: its deadline is near and it is not delivered. */
    DEADLINE_NEAR,
    /** The 飞燕 volunteer who placed the order, and the resident: a team accepted it, and when it comes. */
    ORDER_ACCEPTED,
    /** The 飞燕 volunteer who placed the order: no team can take it now; it waits. */
    ORDER_WAITING,
    /** The volunteer and the resident: the order was delivered. */
    ORDER_COMPLETED,
    /**
     * The 飞燕 volunteer who placed the order (the village's volunteers when the resident placed it): a follow-up
     * visit (回访) is due, after a bad rating or none.
     */
    FOLLOW_UP_DUE,
    /** The resident: the team comes tomorrow (a planned visit or activity). */
    VISIT_TOMORROW,
    /** The operators of the order's region: a critical or urgent case waits for them. */
    CASE_NEEDS_OPERATOR,
    /** The 飞燕 volunteers of the resident's village: an operator asks one of them to call the resident. */
    CALL_REQUESTED
}
