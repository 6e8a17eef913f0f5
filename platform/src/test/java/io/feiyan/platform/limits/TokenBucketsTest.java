package io.feiyan.platform.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong();
    private final TokenBuckets buckets = new TokenBuckets(now::get);

    @Test
    void aMinutesAllowanceAtOnce_thenOneEachFractionOfTheMinute_keyByKey() {
        for (int i = 0; i < 6; i++) {
            assertNull(buckets.take("a", 6), "request " + i);
        }
        assertEquals(Duration.ofSeconds(10), buckets.take("a", 6), "the next token in a sixth of a minute");
        assertNull(buckets.take("b", 6), "another key has its own allowance");

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertNull(buckets.take("a", 6));
        assertEquals(Duration.ofSeconds(10), buckets.take("a", 6));
    }

    @Test
    void bucketsFullAgainAreForgotten() {
        buckets.take("a", 6);
        buckets.take("b", 6);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        buckets.take("b", 6);
        now.addAndGet(Duration.ofSeconds(6).toNanos());

        buckets.forgetFull();

        assertEquals(1, buckets.size(), "a filled again after 10 s; b, taken 6 s ago, not yet");
    }
}
