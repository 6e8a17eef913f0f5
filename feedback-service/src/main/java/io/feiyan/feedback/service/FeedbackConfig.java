package io.feiyan.feedback.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The follow-up rules, under {@code feiyan.feedback}. */
@ConfigMapping(prefix = "feiyan.feedback")
public interface FeedbackConfig {
    /** A delivered order still unrated this long after delivery gets a follow-up visit to ask in person. */
    Duration unratedAfter();

    /** How often unrated deliveries are looked for. */
    String followUpSweep();
}
