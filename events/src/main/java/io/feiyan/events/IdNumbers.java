package io.feiyan.events;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Resident identity numbers (居民身份证号码, GB 11643): the 6-digit code of the county where one was registered, the
 * birth date, a 3-digit serial and a check character computed from the 17 digits before it. The one place the rule
 * lives: intake checks numbers by it, the demo county and the tests make valid ones with it.
 */
public final class IdNumbers {
    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** The ID number of someone registered in the county (6 digits), born on that day, with that serial (0–999). */
    public static String of(String countyCode, LocalDate born, int serial) {
        String body = countyCode + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", serial);
        return body + checkCharacter(body);
    }

    /** An 18-character number whose check character is right. */
    public static boolean isValid(String idNumber) {
        return idNumber != null && SHAPE.matcher(idNumber).matches()
                && checkCharacter(idNumber.substring(0, 17)) == idNumber.charAt(17);
    }

    private static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
