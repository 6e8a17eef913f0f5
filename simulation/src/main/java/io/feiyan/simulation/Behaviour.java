package io.feiyan.simulation;

import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How the county's teams behave, each a parameter with a default (README "Simulating a month" says why):
 * <ul>
 * <li>{@code answer}: how long a team takes to answer an offer, its median by tier (village teams live next door, the
 * county's teams are at work elsewhere); answers spread around it (log-normal, {@code spread});</li>
 * <li>{@code awake}: the hours in which teams answer; an offer in the night waits for the morning;</li>
 * <li>{@code decline}: the chance a team says no to an offer;</li>
 * <li>{@code daysOff}: the weekdays on which a tier's teams answer nothing (the county's professionals at weekends);</li>
 * <li>{@code deliver}: from acceptance to delivery, its median by urgency.</li>
 * </ul>
 */
public record Behaviour(Map<Tier, Duration> answer, double spread, int wakesAt, int sleepsAt, double decline,
        Map<Tier, Set<DayOfWeek>> daysOff, Map<Urgency, Duration> deliver) {

    public static Behaviour defaults() {
        return new Behaviour(
                Map.of(Tier.VILLAGE, Duration.ofMinutes(20), Tier.TOWN, Duration.ofMinutes(45),
                        Tier.COUNTY, Duration.ofMinutes(90)),
                0.9, 7, 21, 0.08,
                Map.of(Tier.VILLAGE, Set.of(), Tier.TOWN, Set.of(DayOfWeek.SUNDAY),
                        Tier.COUNTY, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)),
                Map.of(Urgency.CRITICAL, Duration.ofMinutes(90), Urgency.URGENT, Duration.ofHours(10),
                        Urgency.ROUTINE, Duration.ofDays(2), Urgency.COMPLEX, Duration.ofDays(6)));
    }

    /** When a team of the tier answers an offer made at {@code offeredAt} (seconds into the month). */
    long answersAt(Tier tier, long offeredAt, MonthClock clock, Random random) {
        long at = clock.nextWorkingMoment(offeredAt, wakesAt, sleepsAt, daysOff.get(tier));
        return at + draw(answer.get(tier), random);
    }

    /** Whether the team says no to this offer. */
    boolean declines(Random random) {
        return random.nextDouble() < decline;
    }

    /** How long the team takes from acceptance to delivery. */
    long delivery(Urgency urgency, Random random) {
        return draw(deliver.get(urgency), random);
    }

    /** A log-normal draw around the median, in seconds, at least one. */
    private long draw(Duration median, Random random) {
        return Math.max(1, Math.round(median.toSeconds() * Math.exp(spread * random.nextGaussian())));
    }
}
