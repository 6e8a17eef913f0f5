package io.feiyan.platform.rest;

import io.feiyan.platform.validation.DeclaredFields;
import io.feiyan.platform.validation.Reasons;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A request's constraints (Bean Validation, declared on its record) and the rules that need more than the request —
 * who is asking, what is stored — in one answer, so a client hears every reason at once; then {@link #orThrow()}s a
 * 400 {@link Problem}. Nothing has been written when it throws. A request with no such rules is validated by its
 * resource's {@code @Valid} alone.
 */
public final class Validation {
    private final Class<?> request;
    private final List<Problem.FieldError> declared;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Validation() {
        this(Object.class, List.of());
    }

    private Validation(Class<?> request, List<Problem.FieldError> declared) {
        this.request = request;
        this.declared = declared;
    }

    /** Starts with what the request's declared constraints find. */
    public static Validation of(Validator validator, Object request) {
        return new Validation(request.getClass(), Violations.fieldErrors(validator.validate(request)));
    }

    /**
     * The body, present and meeting its constraints: what {@code @Valid @NotNull} on the parameter checks, for a
     * resource that must first ask who is calling (a 403 before a 400, as for any other refusal of the caller).
     */
    public static void check(Validator validator, Object body) {
        if (body == null) {
            throw Problem.invalid(List.of(new Problem.FieldError("body", Reasons.REQUIRED))).exception();
        }
        of(validator, body).orThrow();
    }

    public Validation require(boolean ok, String field, String reason) {
        if (!ok) {
            errors.add(new Problem.FieldError(field, reason));
        }
        return this;
    }

    public Validation present(Object value, String field) {
        return require(value != null && !(value instanceof String s && s.isBlank()), field, Reasons.REQUIRED);
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

    /** Every reason, in the order the request declares its fields; a field's rules here before its constraints. */
    public void orThrow() {
        List<Problem.FieldError> all = new ArrayList<>(errors);
        all.addAll(declared);
        if (!errors.isEmpty()) { // the declared ones are in the request's order already
            List<String> fields = DeclaredFields.of(request);
            all.sort(Comparator.comparingInt(error -> position(fields, error)));
        }
        if (!all.isEmpty()) {
            throw Problem.invalid(all).exception();
        }
    }

    private static int position(List<String> fields, Problem.FieldError error) {
        String field = error.field().split("\\.")[0];
        return fields.contains(field) ? fields.indexOf(field) : fields.size();
    }
}
