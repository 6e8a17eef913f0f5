package io.feiyan.platform.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads a {@code timestamptz} column of a native query, whichever Java type the driver chose for it. */
public final class SqlTime {
    private SqlTime() {
    }

    public static Instant instant(Object column) {
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) column).toInstant();
    }
}
