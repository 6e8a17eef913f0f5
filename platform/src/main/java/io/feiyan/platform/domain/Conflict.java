package io.feiyan.platform.domain;

/** It is there already, or another request got there first: a duplicate order, a second rating. */
public final class Conflict extends DomainException {
    public Conflict(String code, String title, String detail) {
        super(code, title, detail);
    }
}
