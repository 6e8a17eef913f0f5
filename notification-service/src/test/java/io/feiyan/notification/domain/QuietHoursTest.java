package io.feiyan.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a notification due at a local time may be sent, by the quiet hours and whether it is critical. */
class QuietHoursTest {
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0}, due {1}, critical {2}: sent {3}")
    @CsvSource({
            "22:00-07:00, 2027-01-08T12:00, false, 2027-01-08T12:00",
            "22:00-07:00, 2027-01-08T23:30, false, 2027-01-09T07:00",
            "22:00-07:00, 2027-01-09T06:59, false, 2027-01-09T07:00",
            "22:00-07:00, 2027-01-09T07:00, false, 2027-01-09T07:00",
            "22:00-07:00, 2027-01-08T22:00, false, 2027-01-09T07:00",
            "22:00-07:00, 2027-01-08T23:30, true,  2027-01-08T23:30",
            "12:00-14:00, 2027-01-08T13:00, false, 2027-01-08T14:00",
            "12:00-14:00, 2027-01-08T23:00, false, 2027-01-08T23:00",
            "00:00-00:00, 2027-01-08T03:00, false, 2027-01-08T03:00"})
    void onlyCriticalNewsComesInTheQuietHours(String hours, LocalDateTime due, boolean critical, LocalDateTime sent) {
        assertEquals(sent.atZone(COUNTY).toInstant(),
                QuietHours.parse(hours).release(due.atZone(COUNTY).toInstant(), critical, COUNTY));
    }
}
