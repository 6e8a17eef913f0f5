package io.feiyan.events;

import java.util.regex.Pattern;

/**
 * A place, by its administrative division code (GB/T 2260 extended to towns and villages):
 * a county has 6 digits, a town 9 and a village 12, each the prefix of the next. So the town and
 * county of any village follow from its code, and no region tree has to be copied between services.
 */
public record RegionCode(String value) {
    private static final Pattern DIGITS = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    public RegionCode {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a region code has 6 (county), 9 (town) or 12 (village) digits, not '" + value + "'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && DIGITS.matcher(value).matches();
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    public Tier tier() {
        return switch (value.length()) {
            case 12 -> Tier.VILLAGE;
            case 9 -> Tier.TOWN;
            default -> Tier.COUNTY;
        };
    }

    /** The region of the given tier that contains this one (itself for its own tier). */
    public RegionCode at(Tier tier) {
        if (tier.compareTo(tier()) < 0) {
            throw new IllegalArgumentException(value + " is a " + tier() + " and has no " + tier);
        }
        return new RegionCode(value.substring(0, switch (tier) {
            case VILLAGE -> 12;
            case TOWN -> 9;
            case COUNTY -> 6;
        }));
    }

    @Override
    public String toString() {
        return value;
    }
}
