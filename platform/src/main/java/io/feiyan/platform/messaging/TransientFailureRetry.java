package io.feiyan.platform.messaging;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Handles an event again when its handling failed for a passing reason. It runs outside the handler's
 * {@code @Transactional} (a lower priority number), so each attempt is a transaction of its own and a failed
 * one leaves nothing behind; the inbox claim is rolled back with the rest.
 */
@RetryTransientFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class TransientFailureRetry {
    private static final Logger LOG = Logger.getLogger(TransientFailureRetry.class);
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 2_000;

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (!isTransient(e) || System.nanoTime() + pause * 1_000_000 > giveUpAt) {
                    throw e;
                }
                // the class and SQL state only: a message may quote the data
                LOG.warnf("%s.%s failed for a passing reason (%s), attempt %d; trying again in %d ms",
                        invocation.getMethod().getDeclaringClass().getSimpleName(), invocation.getMethod().getName(),
                        reason(e), attempt, pause);
                Thread.sleep(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    /**
     * A failure that may pass: no connection to the database (SQL state class 08, 57P: it is shutting down or
     * starting), too many connections (53), a deadlock or serialization failure (40), a lock not got in time,
     * or no connection from the pool (a SQL exception without a state).
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PoisonMessageException) {
                return false;
            }
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof ConnectException || t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57P");
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getClass().getSimpleName() + " " + sql.getSQLState();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
