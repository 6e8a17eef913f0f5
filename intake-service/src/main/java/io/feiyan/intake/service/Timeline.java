package io.feiyan.intake.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCallRequested;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRated;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.intake.domain.Project;
import io.feiyan.intake.domain.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tells an order's story in plain words, step by step, in the order things happened. */
@ApplicationScoped
public class Timeline {
    private final OrderHistory history;
    private final DateTimeFormatter localTime;
    private final DateTimeFormatter visitTime;

    Timeline(OrderHistory history, @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        this.history = history;
        this.localTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").withZone(zone);
        this.visitTime = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH).withZone(zone);
    }

    /**
     * One step: what happened ({@code PLACED}, {@code ASSIGNED}, {@code ESCALATED}, ...), when, in words; and the
     * facts the words are made of, for a client that tells the story in its user's language: the team (its name; the
     * names, comma-separated, of the teams an order is offered to at once), the tier (reached, for an escalation), the
     * volunteer hours, the score, and the reason's code (an escalation's, a decline's, a cancellation's; ASKED_AGAIN
     * for a team asked again, OFFERED_AT_ONCE for an order offered to several teams at once); an operator's note
     * (what the village's volunteer is asked to call the resident about); for an order accepted in an activity (one
     * visit serving several residents), how many {@code neighbours} it serves besides, the {@code place} they gather
     * at (a village or town code) and when the team comes ({@code scheduledFor}). A fact the step has not is left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String step, Instant at, String text, String team, Tier tier, BigDecimal hours, Integer score,
            String reason, String note, Integer neighbours, String place, Instant scheduledFor) {

        public Entry(String step, Instant at, String text, String team, Tier tier, BigDecimal hours, Integer score,
                String reason) {
            this(step, at, text, team, tier, hours, score, reason, null, null, null, null);
        }
    }

    @Transactional
    public List<Entry> of(Order order) {
        return of(order, history.of(order.id));
    }

    /** The timeline of these events of the order, in the order given. */
    public List<Entry> of(Order order, List<OrderEvent> events) {
        return events.stream().map(event -> entry(order, event)).toList();
    }

    private Entry entry(Order order, OrderEvent event) {
        String step = step(event);
        String text = describe(order, event);
        Instant at = event.occurredAt();
        if (event instanceof OrderAssigned assigned) {
            return new Entry(step, at, text, teams(assigned), assigned.tier(), null, null,
                    Boolean.TRUE.equals(assigned.askedAgain()) ? "ASKED_AGAIN"
                            : assigned.offeredTeams().size() > 1 ? "OFFERED_AT_ONCE" : null);
        }
        if (event instanceof OrderEscalated escalated) {
            return new Entry(step, at, text, null, escalated.toTier(), null, null, escalated.reason().name());
        }
        if (event instanceof OrderDeclined declined) {
            return new Entry(step, at, text, Team.nameOf(declined.teamCode()), null, null, null,
                    declined.reasonCode().name());
        }
        if (event instanceof OrderAccepted accepted && accepted.activityId() != null) {
            return new Entry(step, at, text, Team.nameOf(accepted.teamCode()), null, null, null, null, null,
                    (int) neighbours(order, accepted.activityId()), placeOf(order), accepted.scheduledFor());
        }
        if (event instanceof OrderAccepted accepted) {
            return new Entry(step, at, text, Team.nameOf(accepted.teamCode()), null, null, null, null, null, null,
                    null, accepted.scheduledFor());
        }
        if (event instanceof OrderCompleted completed) {
            return new Entry(step, at, text, Team.nameOf(completed.teamCode()), null,
                    completed.volunteerHours().stripTrailingZeros(), null, null);
        }
        if (event instanceof OrderPlaced placed && placed.solvedOnTheSpot() != null) {
            return new Entry(step, at, text, null, null, placed.solvedOnTheSpot().hours().stripTrailingZeros(), null,
                    "SOLVED_ON_THE_SPOT");
        }
        if (event instanceof OrderRated rated) {
            return new Entry(step, at, text, null, null, null, rated.score(), null);
        }
        if (event instanceof OrderCancelled cancelled) {
            return new Entry(step, at, text, null, null, null, null, cancelled.reason().name());
        }
        if (event instanceof OrderCallRequested requested) {
            return new Entry(step, at, text, null, null, null, null, null, requested.note(), null, null, null);
        }
        return new Entry(step, at, text, null, null, null, null, null);
    }

    private static String step(OrderEvent event) {
        return EventType.of(event).name().substring("ORDER_".length());
    }

    /** The team the order is given to, or the teams it is offered to at once (抢单), by name. */
    private static String teams(OrderAssigned assigned) {
        return String.join(", ", assigned.offeredTeams().stream().map(Team::nameOf).toList());
    }

    /** One event of the order's life in plain words. */
    public String describe(Order order, OrderEvent event) {
        if (event instanceof OrderPlaced placed) {
            return switch (placed.channel()) {
                case PROXY -> "Placed by 飞燕 volunteer " + placed.volunteerId()
                        + " on the resident's behalf, with the resident's consent";
                case PHONE -> "Taken on the phone by station operator " + order.operatorId;
                case WECHAT -> placed.volunteerId() == null ? "Placed by the resident through the WeChat public account"
                        : "Placed by 飞燕 volunteer " + placed.volunteerId()
                        + " from what the resident wrote to the WeChat public account, confirmed with them";
                case APP -> "Placed by the resident in the app";
            } + (placed.solvedOnTheSpot() != null ? "; solved on the spot in "
                    + placed.solvedOnTheSpot().hours().stripTrailingZeros().toPlainString() + " hours"
                    : placed.needsReview() ? "; a need in the resident's words, for review" : "");
        }
        if (event instanceof OrderApproved approved) {
            return approved.approvedBy() == null ? "Passed review: nothing in it needed checking"
                    : "Approved at review by operator " + approved.approvedBy();
        }
        if (event instanceof OrderAssigned assigned) {
            return (assigned.assignedBy() != null ? "Assigned by operator " + assigned.assignedBy() + " to "
                    : Boolean.TRUE.equals(assigned.askedAgain()) ? "No other team left: asked again of "
                    : assigned.offeredTeams().size() > 1 ? "Offered at once (the first to accept takes it) to "
                    : "Assigned to ")
                    + teams(assigned) + " at " + tier(assigned.tier())
                    + " tier, to deliver by " + localTime.format(assigned.deadline()) + because(assigned.note());
        }
        if (event instanceof OrderDeclined declined) {
            return "Declined by " + Team.nameOf(declined.teamCode()) + ": " + declined.inWords();
        }
        if (event instanceof OrderEscalated escalated && escalated.reason() == EscalationReason.DEADLINE_PASSED) {
            return "Overdue: not delivered by its deadline; the " + tier(escalated.toTier())
                    + " tier's operators are told, and the team keeps it";
        }
        if (event instanceof OrderEscalated escalated) {
            return "Escalated from " + tier(escalated.fromTier()) + " to " + tier(escalated.toTier()) + " tier: "
                    + switch (escalated.reason()) {
                        case NO_TEAM_AVAILABLE -> "no team there could take it";
                        case TIMEOUT -> "the team did not accept in time";
                        case DECLINED -> "every team there that could serve it declined";
                        case OPERATOR -> "operator " + escalated.escalatedBy() + " sent it up";
                        case DEADLINE_PASSED -> "not delivered by its deadline";
                    } + because(escalated.note());
        }
        if (event instanceof OrderRejected rejected) {
            return "Not accepted at review: " + rejected.reason();
        }
        if (event instanceof OrderUnserved) {
            return "No team in the county can take it now: it waits for a team with room, or for an operator";
        }
        if (event instanceof OrderAccepted accepted) {
            return "Accepted by " + Team.nameOf(accepted.teamCode()) + together(order, accepted);
        }
        if (event instanceof OrderCompleted completed) {
            return "Completed by " + Team.nameOf(completed.teamCode()) + " with "
                    + completed.volunteerHours().stripTrailingZeros().toPlainString() + " volunteer hours";
        }
        if (event instanceof OrderReopened reopened) {
            return "Reported unresolved (" + reopened.reason() + "): back to dispatch to be served again";
        }
        if (event instanceof OrderCallRequested requested) {
            return "Operator " + requested.requestedBy() + " asks the village's 飞燕 volunteer on duty to call the "
                    + "resident: " + requested.note();
        }
        if (event instanceof OrderCancelled cancelled) {
            return "Cancelled: " + cancelled.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (order.cancelNote == null ? "" : " (" + order.cancelNote + ")");
        }
        return "Rated " + ((OrderRated) event).score() + " of 5";
    }

    /** For an order accepted in an activity: with how many neighbours, where and when the team comes. */
    private String together(Order order, OrderAccepted accepted) {
        if (accepted.activityId() == null) {
            return "";
        }
        String when = accepted.scheduledFor() == null ? "" : visitTime.format(accepted.scheduledFor());
        long neighbours = neighbours(order, accepted.activityId());
        String place = placeOf(order);
        return ": with " + neighbours + (neighbours == 1 ? " neighbour" : " neighbours") + " in "
                + (place.length() == 9 ? "town " : "village ") + place + (when.isEmpty() ? "" : ", " + when);
    }

    /** The other orders intake holds in the activity, those withdrawn left out. */
    private static long neighbours(Order order, UUID activityId) {
        return Order.count("activityId = ?1 and id <> ?2 and status <> ?3", activityId, order.id,
                OrderStatus.CANCELLED);
    }

    /** Where the order's activity gathers: the resident's village, or their town for a project that gathers there. */
    private static String placeOf(Order order) {
        Project project = order.projectCode == null ? null : Project.findById(order.projectCode);
        return project != null && project.gathersAt == Tier.TOWN
                ? RegionCode.of(order.villageCode).at(Tier.TOWN).value() : order.villageCode;
    }

    private static String because(String note) {
        return note == null || note.isBlank() ? "" : " (" + note + ")";
    }

    private static String tier(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }
}
