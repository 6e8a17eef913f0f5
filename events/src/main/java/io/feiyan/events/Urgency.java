package io.feiyan.events;

import java.time.Duration;

/** How soon a need must be answered; the time limits follow Beijing 12345's 接诉即办 norms. */
public enum Urgency {
    /** Life or property at stake. */
    CRITICAL(Duration.ofHours(2)),
    /** Daily life disrupted, such as water or power. */
    URGENT(Duration.ofHours(24)),
    ROUTINE(Duration.ofDays(7)),
    /** Needs several parties or planning. */
    COMPLEX(Duration.ofDays(15));

    private final Duration timeLimit;

    Urgency(Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    /** How long a team has, from assignment, to deliver. */
    public Duration timeLimit() {
        return timeLimit;
    }
}
