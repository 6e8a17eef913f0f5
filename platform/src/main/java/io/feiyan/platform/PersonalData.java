package io.feiyan.platform;

import io.feiyan.events.IdNumbers;
import java.util.regex.Pattern;

/** Checks and masks personal data: phone numbers and resident ID numbers. */
public final class PersonalData {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private PersonalData() {
    }

    /** A mainland mobile number (11 digits) or a landline with its area code. */
    public static boolean isPhone(String phone) {
        return phone != null && (MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches());
    }

    /** An 18-character resident identity number (GB 11643) whose check character is right. */
    public static boolean isIdNumber(String idNumber) {
        return IdNumbers.isValid(idNumber);
    }

    /** 13812345678 becomes 138****5678. */
    public static String maskPhone(String phone) {
        return phone == null ? null : keep(phone, 3, 4);
    }

    /** 371322195203150021 becomes 3713**********0021. */
    public static String maskIdNumber(String idNumber) {
        return idNumber == null ? null : keep(idNumber, 4, 4);
    }

    private static String keep(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
