package io.feiyan.notification.channels;

/** What became of one send. */
public sealed interface Outcome {
    /** The channel's server took it. */
    record Sent() implements Outcome {
    }

    /** A passing failure (the server away, busy, throttling): tried again later, with growing pauses. */
    record Failed(String reason) implements Outcome {
    }

    /**
     * No live address: the recipient has none on this channel, or the server said it is dead (an expired push
     * subscription, a number that cannot take SMS). The channel has dropped the dead address and reported it; the
     * notification is not tried again.
     */
    record Unreachable(String reason) implements Outcome {
    }

    static Outcome sent() {
        return new Sent();
    }
}
