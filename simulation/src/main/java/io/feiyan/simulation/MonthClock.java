package io.feiyan.simulation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

/**
 * The simulated month's clock: moments are seconds since the first of the month at midnight in the county's time
 * zone (China keeps no summer time, so a day is always 86,400 of them).
 */
public record MonthClock(YearMonth month, ZoneId zone) {
    static final long DAY = 86_400;
    static final long HOUR = 3_600;

    public long end() {
        return month.lengthOfMonth() * DAY;
    }

    public int days() {
        return month.lengthOfMonth();
    }

    /** The day of the month (from 0) of a moment. */
    public int day(long at) {
        return (int) (at / DAY);
    }

    /** The weekday of a moment, past the month's end too. */
    public DayOfWeek weekday(long at) {
        return month.atDay(1).plusDays(at / DAY).getDayOfWeek();
    }

    int hour(long at) {
        return (int) (at % DAY / HOUR);
    }

    /** The moment as an instant, for the routing rule's "waited longest". */
    public Instant instant(long at) {
        return month.atDay(1).atStartOfDay().atZone(zone).toInstant().plusSeconds(at);
    }

    /** The first moment from {@code at} in the waking hours of a day that is not off (at itself, if it is one). */
    long nextWorkingMoment(long at, int wakesAt, int sleepsAt, Set<DayOfWeek> daysOff) {
        long moment = at;
        for (int days = 0; days < 8; days++) {
            boolean dayOn = !daysOff.contains(weekday(moment));
            int hour = hour(moment);
            if (dayOn && hour >= wakesAt && hour < sleepsAt) {
                return moment;
            }
            long dayStart = moment - moment % DAY;
            moment = dayOn && hour < wakesAt ? dayStart + wakesAt * HOUR : dayStart + DAY + wakesAt * HOUR;
        }
        return moment;
    }
}
