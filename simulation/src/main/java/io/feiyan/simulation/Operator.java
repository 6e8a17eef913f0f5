package io.feiyan.simulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Random;
import java.util.Set;

/**
 * The operators of the town institutes and the county centre, who work the queue of cases no team takes: they act on
 * a case a median {@code answer} after it enters the queue (log-normal, spread 0.9), in office hours ({@code from} to
 * {@code to} o'clock) on weekdays, and look again every four hours at a case no team can take yet.
 * {@link #nobody()}: nobody works the queue.
 */
public record Operator(Duration answer, int from, int to) {
    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private static final double SPREAD = 0.9;

    public Operator {
        if (answer != null && (answer.isNegative() || answer.isZero())) {
            throw new IllegalArgumentException("an operator's time to act is more than 0: " + answer);
        }
        if (from < 0 || to > 24 || from >= to) {
            throw new IllegalArgumentException("office hours are from 0 to 24, the first before the second: "
                    + from + "-" + to);
        }
    }

    /** A median of 30 minutes, 8:00 to 18:00 on weekdays. */
    public static Operator defaults() {
        return new Operator(Duration.ofMinutes(30), 8, 18);
    }

    public static Operator nobody() {
        return new Operator(null, 8, 18);
    }

    /** How long an operator leaves a case that no team can take yet before looking at it again. */
    Duration lookAgain() {
        return Duration.ofHours(4);
    }

    public boolean works() {
        return answer != null;
    }

    public Operator answering(Duration median) {
        return new Operator(median, from, to);
    }

    public Operator inOffice(int opens, int closes) {
        return new Operator(answer, opens, closes);
    }

    /** In words, for the run's header. */
    public String describe() {
        return works() ? "an operator acts on a queued case in a median " + answer.toMinutes() + " min, " + from
                + ":00-" + to + ":00 on weekdays" : "nobody works the operators' queue";
    }

    /** When an operator acts on a case that entered the queue at {@code queuedAt} (seconds into the month). */
    long actsAt(long queuedAt, MonthClock clock, Random random) {
        long at = clock.nextWorkingMoment(queuedAt, from, to, WEEKEND);
        return at + Math.max(1, Math.round(answer.toSeconds() * Math.exp(SPREAD * random.nextGaussian())));
    }
}
