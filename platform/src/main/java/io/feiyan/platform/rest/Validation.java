package io.feiyan.platform.rest;

import java.util.ArrayList;
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

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors).exception();
        }
    }
}
