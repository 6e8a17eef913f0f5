package io.feiyan.platform.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error a client can act on, as {@code application/problem+json} (RFC 9457). {@code type} is stable:
 * clients branch on it, never on {@code title} or {@code detail}. Extra members (the offending
 * {@code field}, the {@code errors} of a rejected body, the {@code orderId} a conflict points at) follow.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://feiyan.io/problems/";

    /** One reason a request was refused, tied to the field it concerns. */
    public record FieldError(String field, String reason) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, new LinkedHashMap<>());
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** A 400 for a request body that breaks the rules; {@code field} names the first broken field. */
    public static Problem invalid(List<FieldError> errors) {
        FieldError first = errors.get(0);
        return of(400, "invalid-request", "The request is not valid", first.field() + ": " + first.reason())
                .with("field", first.field())
                .with("errors", errors);
    }

    @JsonAnyGetter
    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Throw this from a resource or service; the mapper turns it into the response. */
    public ProblemException exception() {
        return new ProblemException(this);
    }
}
