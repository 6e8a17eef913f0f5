package io.feiyan.notification.security;

/**
 * A bearer token that speaks for this service itself (its service account, role {@code notifier}), for the calls it
 * makes to other services on its own behalf: reading a resident's phone from intake.
 */
public interface ServiceToken {
    /** A token valid for a while yet. */
    String bearer();
}
