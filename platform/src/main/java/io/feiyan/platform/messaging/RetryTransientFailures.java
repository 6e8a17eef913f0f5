package io.feiyan.platform.messaging;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a consumer: an event whose handling fails for a passing reason — the database restarting or out of
 * connections, a deadlock, a lock timeout — is handled again in a new transaction, for up to a minute, instead
 * of going to the dead-letter topic; the partition waits meanwhile, so the order of its events holds. A
 * message that can never be handled (a {@link PoisonMessageException}, a broken rule) still goes there at once.
 * See {@link TransientFailureRetry}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetryTransientFailures {
}
