package io.feiyan.platform.rest;

import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects every reason a request is refused, so a client hears all of them at once, then
 * {@link #orThrow()}s a 400 {@link Problem}. Nothing has been written when it throws.
 */
public final class Validation {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Validation require(boolean ok, String field, String reason) {
        if (!ok) {
            errors.add(new Problem.FieldError(field, reason));
        }
        return this;
    }

    public Validation present(Object value, String field) {
        return require(value != null && !(value instanceof String s && s.isBlank()), field, "is required");
    }

    public Validation maxLength(String value, int max, String field) {
        return require(value == null || value.length() <= max, field, "is longer than " + max + " characters");
    }

    /**
     * A region, when given: a county (6 digits), town (9) or village (12) code. Every endpoint that takes one checks it
     * here, so {@code ?region=abc} is a 400 wherever it is sent, never an empty answer.
     */
    public Validation region(String value, String field) {
        return require(value == null || RegionCode.isValid(value), field,
                "is a county (6 digits), town (9) or village (12) code");
    }

    /** A village, when given: a 12-digit village code. */
    public Validation village(String value, String field) {
        return require(value == null || RegionCode.isValid(value) && RegionCode.of(value).tier() == Tier.VILLAGE, field,
                "is a 12-digit village code");
    }

    /** Reads an enum from a query parameter, refusing a value it does not have with the ones it has. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw Problem.invalid(List.of(new Problem.FieldError(field, "'" + value + "' is not one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()))))
                .exception();
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors).exception();
        }
    }
}
