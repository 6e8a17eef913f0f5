package io.feiyan.bench;

import java.util.Arrays;

/** Latencies observed in one measured window, kept whole so its percentiles are exact. */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The latency that {@code percent} of the samples do not exceed, in milliseconds (NaN when there are none). */
    synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }

    /** "p50 / p95 / p99" in milliseconds. */
    String summary() {
        return String.format("%.1f / %.1f / %.1f ms", percentileMillis(50), percentileMillis(95), percentileMillis(99));
    }
}
