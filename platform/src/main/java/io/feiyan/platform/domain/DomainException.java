package io.feiyan.platform.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the domain refuses, in the domain's words: what kind of refusal (the subclass), a stable {@code code} a
 * client can branch on, a title, a detail, and the facts it points at (the offending {@code field}, the
 * {@code orderId} a conflict names). The services never speak HTTP; {@code ProblemMapper} turns each kind into its
 * status and a problem+json body whose {@code type} ends in the code. Rolls back the transaction.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, NotAllowed, IllegalMove, Conflict, Unprocessable, TryAgain, TooMany {
    private final String code;
    private final String title;
    private final Map<String, Object> facts = new LinkedHashMap<>();

    protected DomainException(String code, String title, String detail) {
        super(detail);
        this.code = code;
        this.title = title;
    }

    /** Adds a fact the client may act on, such as the field at fault or the order in the way. */
    public DomainException with(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> facts() {
        return Collections.unmodifiableMap(facts);
    }
}
