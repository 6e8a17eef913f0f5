package io.feiyan.simulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Random;
import java.util.Set;

/**
 * The operators who work the queue of cases no team takes: those of the town institutes and the county centre act on a
 * case a median {@code answer} after it enters the queue (log-normal, spread 0.9), in office hours ({@code from} to
 * {@code to} o'clock) on weekdays; the village station goes through its queue once a day, every day, at
 * {@code stationAt} o'clock (-1: it does not); whoever comes first acts. They look again every four hours at a case no
 * team can take yet. {@link #nobody()}: nobody works the queue.
 */
public record Operator(Duration answer, int from, int to, int stationAt) {
    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private static final double SPREAD = 0.9;

    public Operator {
        if (answer != null && (answer.isNegative() || answer.isZero())) {
            throw new IllegalArgumentException("an operator's time to act is more than 0: " + answer);
        }
        if (stationAt < -1 || stationAt > 23) {
            throw new IllegalArgumentException("the village station looks at its queue at an hour from 0 to 23: "
                    + stationAt);
        }
        if (from < 0 || to > 24 || from >= to) {
            throw new IllegalArgumentException("office hours are from 0 to 24, the first before the second: "
                    + from + "-" + to);
        }
    }

    /** The centres in a median of 30 minutes, 8:00 to 18:00 on weekdays; the village station every day at 9:00. */
    public static Operator defaults() {
        return new Operator(Duration.ofMinutes(30), 8, 18, 9);
    }

    public static Operator nobody() {
        return new Operator(null, 8, 18, -1);
    }

    /** How long an operator leaves a case that no team can take yet before looking at it again. */
    Duration lookAgain() {
        return Duration.ofHours(4);
    }

    public boolean works() {
        return answer != null;
    }

    public Operator answering(Duration median) {
        return new Operator(median, from, to, stationAt);
    }

    public Operator inOffice(int opens, int closes) {
        return new Operator(answer, opens, closes, stationAt);
    }

    /** The same, the village station going through its queue daily at this hour (-1: never). */
    public Operator stationAt(int hour) {
        return new Operator(answer, from, to, hour);
    }

    /** In words, for the run's header. */
    public String describe() {
        return works() ? "an operator acts on a queued case in a median " + answer.toMinutes() + " min, " + from
                + ":00-" + to + ":00 on weekdays" + (stationAt < 0 ? "" : ", the village station daily at "
                + stationAt + ":00") : "nobody works the operators' queue";
    }

    /** When an operator acts on a case that entered the queue at {@code queuedAt} (seconds into the month). */
    long actsAt(long queuedAt, MonthClock clock, Random random) {
        long at = clock.nextWorkingMoment(queuedAt, from, to, WEEKEND);
        long centre = at + Math.max(1, Math.round(answer.toSeconds() * Math.exp(SPREAD * random.nextGaussian())));
        if (stationAt < 0) {
            return centre;
        }
        long station = queuedAt - queuedAt % MonthClock.DAY + stationAt * MonthClock.HOUR;
        return Math.min(centre, station >= queuedAt ? station : station + MonthClock.DAY);
    }
}
