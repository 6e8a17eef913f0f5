package io.feiyan.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours of the night (local time) when someone is told only what is critical; the rest waits for the morning.
 * {@code from} may be after {@code to} (22:00–07:00 spans midnight); equal times mean no quiet hours.
 */
public record QuietHours(LocalTime from, LocalTime to) {
    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /** {@code 22:00-07:00}. */
    public static QuietHours parse(String text) {
        String[] ends = text.trim().split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("quiet hours are HH:MM-HH:MM, not " + text);
        }
        return new QuietHours(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()));
    }

    /** When a notification due at {@code due} may be sent: at once when critical or outside the quiet hours. */
    public Instant release(Instant due, boolean critical, ZoneId zone) {
        if (critical || from.equals(to)) {
            return due;
        }
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
        if (!quiet) {
            return due;
        }
        ZonedDateTime end = local.with(to);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
