package io.feiyan.notification.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The county's SMS gateway (its SMSC, spoken to over SMPP 3.4), under {@code feiyan.notification.sms}. In production
 * the environment gives them: {@code FEIYAN_NOTIFICATION_SMS_HOST}, {@code _PORT}, {@code _SYSTEM_ID},
 * {@code _PASSWORD}, {@code _SOURCE_ADDRESS}, {@code _ENABLED}.
 */
@ConfigMapping(prefix = "feiyan.notification.sms")
public interface SmsConfig {
    /** Off, residents are not texted (the local run has no SMSC); on, the channel binds to the SMSC and keeps bound. */
    boolean enabled();

    String host();

    int port();

    /** The account the carrier gave the county: its system id and password, bound as a transmitter. */
    String systemId();

    Optional<String> password();

    /** The county's sender number or code the texts come from. */
    String sourceAddress();

    /** How long the link may be idle before an enquire_link asks whether the SMSC is still there. */
    @WithDefault("30s")
    Duration enquireLinkEvery();

    /** How long a bind or a submit_sm waits for the SMSC's answer before the send fails (and is retried). */
    @WithDefault("10s")
    Duration responseTimeout();

    /** How often a lost session is bound again (a send binds at once if it finds none). */
    @WithDefault("5s")
    Duration rebindEvery();
}
