package io.feiyan.platform.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key: each holds up to a minute's worth of requests and fills again evenly over the minute, so a
 * caller may send a minute's allowance at once and then keeps to the rate. Buckets that have filled up again are
 * dropped ({@link #forgetFull}): the map holds only the callers of the last minute.
 */
final class TokenBuckets {
    private static final double NANOS_A_MINUTE = 60e9;

    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    private static final class Bucket {
        private final int perMinute;
        private double tokens;
        private long at;

        private Bucket(int perMinute, long now) {
            this.perMinute = perMinute;
            this.tokens = perMinute;
            this.at = now;
        }

        private void fill(long now) {
            tokens = Math.min(perMinute, tokens + (now - at) * perMinute / NANOS_A_MINUTE);
            at = now;
        }
    }

    /**
     * Takes a token from the key's bucket (made full, of {@code perMinute}, if new): null when there was one, else how
     * long until there will be.
     */
    Duration take(String key, int perMinute) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            bucket.fill(now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return null;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) * NANOS_A_MINUTE / perMinute));
        }
    }

    /** Drops the buckets that are full again: their callers have sent nothing for a while. */
    void forgetFull() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                bucket.fill(now);
                return bucket.tokens >= bucket.perMinute;
            }
        });
    }

    int size() {
        return buckets.size();
    }
}
