package io.feiyan.testkit;

import io.feiyan.events.IdNumbers;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resident ID numbers for tests, valid and new in the run by construction: a sequence over the serials of each day of
 * 1950, registered in Tancheng (371322) — 365,000 numbers, none of them a demo county resident's (those of that year
 * were registered elsewhere, 372822). A random draw of one year's numbers met often enough across a suite's few
 * hundred registrations to fail a test with 409 duplicate-resident now and then.
 */
public final class TestIdNumbers {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestIdNumbers() {
    }

    public static String next() {
        int n = NEXT.getAndIncrement();
        return IdNumbers.of("371322", LocalDate.of(1950, 1, 1).plusDays(n / 1000 % 365), n % 1000);
    }
}
