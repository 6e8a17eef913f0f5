package io.feiyan.platform.messaging;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Failures that pass: handling an event again later succeeds. A consumer whose batch fails for such a reason
 * tries it again, as long as it takes; any other failure is the event's own (poison, a broken rule), and only that
 * event goes to the dead-letter topic. A request that fails for such a reason is answered 503 {@code try-again}
 * ({@link io.feiyan.platform.rest.ProblemMapper}).
 */
public final class TransientFailures {
    static final long FIRST_PAUSE_MILLIS = 50;
    static final long LONGEST_PAUSE_MILLIS = 5_000;

    private TransientFailures() {
    }

    /**
     * A failure that may pass: no connection to the database (SQL state class 08, 57P: it is shutting down or
     * starting), too many connections (53), a deadlock or serialization failure (40), a lock not got in time,
     * or no connection from the pool (a SQL exception without a state).
     */
    public static boolean isTransient(Throwable failure) {
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

    /** The class and SQL state of a failure, for the log: a message may quote the data. */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getClass().getSimpleName() + " " + sql.getSQLState();
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** The pause before the next attempt: doubling from {@value #FIRST_PAUSE_MILLIS} ms to at most five seconds. */
    static long nextPause(long pause) {
        return Math.min(Math.max(pause * 2, FIRST_PAUSE_MILLIS), LONGEST_PAUSE_MILLIS);
    }
}
