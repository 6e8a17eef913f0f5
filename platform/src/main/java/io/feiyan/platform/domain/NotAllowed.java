package io.feiyan.platform.domain;

/** The caller may not see or do this: another village's resident, another team's assignment. */
public final class NotAllowed extends DomainException {
    public NotAllowed(String reason) {
        this("forbidden", "Not yours to see or do", reason);
    }

    public NotAllowed(String code, String title, String detail) {
        super(code, title, detail);
    }
}
