package io.feiyan.simulation;

import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** The same behaviour with another chance to decline. */
    public Behaviour declining(double chance) {
        if (!(chance >= 0 && chance <= 1)) {
            throw new IllegalArgumentException("a chance to decline is between 0 and 1: " + chance);
        }
        return new Behaviour(answer, spread, wakesAt, sleepsAt, chance, daysOff, deliver);
    }

    /** The same behaviour, the tier's teams answering in this median time. */
    public Behaviour answering(Tier tier, Duration median) {
        if (median.isNegative() || median.isZero()) {
            throw new IllegalArgumentException("a time to answer is more than 0: " + median);
        }
        Map<Tier, Duration> changed = new EnumMap<>(answer);
        changed.put(tier, median);
        return new Behaviour(changed, spread, wakesAt, sleepsAt, decline, daysOff, deliver);
    }

    /** The same behaviour, teams answering from {@code wakes} to {@code sleeps} o'clock (0 to 24: at all hours). */
    public Behaviour awake(int wakes, int sleeps) {
        if (wakes < 0 || sleeps > 24 || wakes >= sleeps) {
            throw new IllegalArgumentException("waking hours are from 0 to 24, the first before the second: "
                    + wakes + "-" + sleeps);
        }
        return new Behaviour(answer, spread, wakes, sleeps, decline, daysOff, deliver);
    }

    /** The same behaviour, the tier's teams answering nothing on these days. */
    public Behaviour off(Tier tier, Set<DayOfWeek> days) {
        Map<Tier, Set<DayOfWeek>> changed = new EnumMap<>(daysOff);
        changed.put(tier, Set.copyOf(days));
        return new Behaviour(answer, spread, wakesAt, sleepsAt, decline, changed, deliver);
    }

    /** In words, for the run's header. */
    public String describe() {
        StringBuilder text = new StringBuilder("teams answer in a median");
        for (Tier tier : Tier.values()) {
            text.append(' ').append(tier.name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(answer.get(tier).toMinutes()).append(" min");
        }
        text.append(String.format(Locale.ROOT, ", %d:00-%d:00, decline %.0f %%", wakesAt, sleepsAt, decline * 100));
        for (Tier tier : Tier.values()) {
            if (!daysOff.get(tier).isEmpty()) {
                text.append(", ").append(tier.name().toLowerCase(Locale.ROOT)).append(" off ")
                        .append(daysOff.get(tier).stream().sorted().map(day -> day.name().substring(0, 3)
                                .toLowerCase(Locale.ROOT)).collect(Collectors.joining("+")));
            }
        }
        return text.toString();
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
