package io.feiyan.embedded;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Valid resident ID numbers (居民身份证号码, GB 11643) for demo residents and tests: place, birth date, serial, check digit. */
public final class IdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** The ID number of someone registered in the county (6 digits), born on that day, with that serial (0–999). */
    public static String of(String countyCode, LocalDate born, int serial) {
        String body = countyCode + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }
}
