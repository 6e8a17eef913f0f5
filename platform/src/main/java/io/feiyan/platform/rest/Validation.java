package io.feiyan.platform.rest;

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
