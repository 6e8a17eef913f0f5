package io.feiyan.dispatch.service;

import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Dispatch's rules that a county sets for itself (application.properties, {@code feiyan.dispatch.*}). */
@ConfigMapping(prefix = "feiyan.dispatch")
public interface DispatchConfig {

    /** How long a team has to accept, by urgency: {@code feiyan.dispatch.accept-within.urgent=2h}. */
    Map<String, Duration> acceptWithin();

    /** How often missed times to accept are looked for (read by {@link DeadlineSweeper}'s schedule). */
    Duration deadlineSweep();

    Review review();

    Queue queue();

    OfferToSeveral offerToSeveral();

    /** Urgent orders offered at once to several capable teams of the tier with room (抢单): the first to accept takes it. */
    interface OfferToSeveral {
        /** The urgencies whose orders are offered so. */
        @WithDefault("CRITICAL,URGENT")
        Set<Urgency> urgencies();

        /** At most this many teams at once (at least 1; 1 offers every order to one team). */
        @WithDefault("3")
        @Min(1)
        int teams();

        /** How many teams at once an order of the urgency is offered to at most. */
        default int teamsFor(Urgency urgency) {
            return urgencies().contains(urgency) ? teams() : 1;
        }
    }

    interface Review {
        /** A resident with this many open orders has the next one reviewed before it is routed. */
        @WithDefault("3")
        int openOrdersPerResident();

        /** Whose review queue it is: the operators of the resident's village station, town institute or county. */
        @WithDefault("TOWN")
        Tier tier();
    }

    /** The operators' queue of cases that need a person ({@link OperatorQueue}). */
    interface Queue {
        /** A case waiting in review longer than this joins the queue. */
        @WithDefault("30m")
        Duration reviewAfter();
    }

    default Duration acceptWithin(Urgency urgency) {
        Duration within = acceptWithin().get(urgency.name().toLowerCase(Locale.ROOT));
        if (within == null) {
            throw new IllegalStateException("set feiyan.dispatch.accept-within." + urgency.name().toLowerCase(Locale.ROOT));
        }
        return within;
    }
}
