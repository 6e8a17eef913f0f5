package io.feiyan.platform.validation;

/**
 * A request with rules that span its fields (a reason required when the reason code is OTHER, hours that add up):
 * it checks them in {@link #crossCheck}, beside its fields' own constraints, and a broken one is reported on the field
 * it names, like theirs.
 */
@CrossChecks
public interface CrossChecked {
    void crossCheck(Checks checks);

    /** Collects the rules a request breaks. */
    interface Checks {
        Checks require(boolean ok, String field, String reason);
    }
}
