package io.feiyan.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made one after another sort by time, so
 * an index on them (an event id in an inbox, an outbox row) grows at its right edge instead of at random pages.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    /**
     * The id of the {@code n}th event the service {@code publisher} published for the event {@code cause}: the same
     * every time it is made, so an event published again for the same cause (after the service's database was
     * restored) is the same event, which its consumers drop as a repeat. It carries the millisecond of its cause (a
     * cause made here is a UUIDv7) and, for the rest, bits of a SHA-256 of the cause, the publisher and {@code n}.
     */
    public static UUID causedBy(UUID cause, String publisher, int n) {
        ByteBuffer hash = ByteBuffer.wrap(sha256(cause + "/" + publisher + "/" + n));
        return at(cause.getMostSignificantBits() >>> 16, hash.getLong(), hash.getLong());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static UUID at(long epochMillis, long randomA, long randomB) {
        long high = (epochMillis << 16) | 0x7000L | (randomA & 0x0FFFL);
        long low = (randomB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
