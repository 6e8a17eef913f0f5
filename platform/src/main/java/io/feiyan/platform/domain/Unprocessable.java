package io.feiyan.platform.domain;

/** A well-formed request that names what the domain does not have: an unknown project, a volunteer of no team. */
public final class Unprocessable extends DomainException {
    public Unprocessable(String code, String title, String detail) {
        super(code, title, detail);
    }
}
