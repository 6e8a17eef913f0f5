package io.feiyan.team.domain;

import java.math.BigDecimal;

/** A volunteer's star level (星级) by total service hours: one star at 100 hours, five at 1,500. */
public final class StarLevel {
    private static final int[] THRESHOLDS = {100, 300, 600, 1000, 1500};

    private StarLevel() {
    }

    public static int of(BigDecimal hours) {
        int stars = 0;
        for (int threshold : THRESHOLDS) {
            if (hours.compareTo(BigDecimal.valueOf(threshold)) >= 0) {
                stars++;
            }
        }
        return stars;
    }

    /** Hours still to serve for the next star; null at five stars. */
    public static BigDecimal toNext(BigDecimal hours) {
        for (int threshold : THRESHOLDS) {
            if (hours.compareTo(BigDecimal.valueOf(threshold)) < 0) {
                return BigDecimal.valueOf(threshold).subtract(hours);
            }
        }
        return null;
    }
}
