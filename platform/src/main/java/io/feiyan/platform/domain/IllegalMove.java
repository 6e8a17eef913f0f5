package io.feiyan.platform.domain;

/** The thing is not in a state that allows the move: cancelling an accepted order, approving a closed case. */
public final class IllegalMove extends DomainException {
    public IllegalMove(String code, String title, String detail) {
        super(code, title, detail);
    }
}
