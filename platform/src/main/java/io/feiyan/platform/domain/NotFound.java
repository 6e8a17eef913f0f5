package io.feiyan.platform.domain;

/** Nothing of that kind with that id: a case, an order, a resident. */
public final class NotFound extends DomainException {
    public NotFound(String what, Object id) {
        this("not-found", "No such " + what, "there is no " + what + " " + id);
    }

    /** Nothing to give yet, under a code of its own (no menu published for the month). */
    public NotFound(String code, String title, String detail) {
        super(code, title, detail);
    }
}
