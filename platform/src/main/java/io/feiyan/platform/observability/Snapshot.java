package io.feiyan.platform.observability;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value a gauge reads from the database: read again only when the last reading is older than its maximum age,
 * however often the metrics are scraped (several Prometheus servers, or a dashboard refreshing). When a reading
 * fails (the database is away), the gauge shows the last good one until the next succeeds.
 */
public final class Snapshot<T> implements Supplier<T> {
    private final Supplier<T> read;
    private final long maxAgeNanos;
    private T value;
    private long readAt;

    public Snapshot(Supplier<T> read, Duration maxAge) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt >= maxAgeNanos) {
            try {
                value = read.get();
                readAt = now;
            } catch (RuntimeException e) {
                if (value == null) {
                    throw e;
                }
            }
        }
        return value;
    }
}
