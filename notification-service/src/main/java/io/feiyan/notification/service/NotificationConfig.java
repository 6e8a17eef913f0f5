package io.feiyan.notification.service;

import io.feiyan.notification.domain.QuietHours;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.Converter;

/** The county's settings of who is told how (application.properties, "Notifications"). */
@ConfigMapping(prefix = "feiyan.notification")
public interface NotificationConfig {
    /** The county's time zone: quiet hours, "tomorrow", and the times the texts say are its. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Quiet hours of anyone who did not choose their own. */
    @WithDefault("22:00-07:00")
    @WithConverter(QuietHoursConverter.class)
    QuietHours quietHours();

    /**
     * A notice this long past its time is not sent: old news, as when the service first catches up on the order
     * topics' history.
     */
    @WithDefault("6h")
    Duration tooLate();

    /** The channels a resident is told by until they choose otherwise (signed in to the app). */
    @WithDefault("SMS,WECHAT")
    List<String> residentChannels();

    /** The channels someone who turns notifications on in the app starts with. */
    @WithDefault("PUSH")
    List<String> personChannels();

    /** How sending goes: retries of passing failures, and how long a send may be in flight before it is retried. */
    Sending sending();

    /**
     * The county's words: a text template per kind of notification ({@code offer-new}), and optionally one for
     * residents ({@code order-accepted-resident}); {@code {name}} places a value (service/Texts).
     */
    Map<String, String> text();

    /** A short title per kind of notification, for the push notification's heading. */
    Map<String, String> title();

    interface Sending {
        /** The first pause after a passing failure; each next one doubles, up to {@link #maxPause()}. */
        @WithDefault("5s")
        Duration firstPause();

        @WithDefault("1h")
        Duration maxPause();

        /** After this many passing failures the notification is given up (FAILED) and counted. */
        @WithDefault("12")
        int maxAttempts();

        /**
         * A send started this long ago and not recorded is taken to have crashed mid-way and is sent again (counted
         * as a possible repeat).
         */
        @WithDefault("2m")
        Duration lease();

        /** How many due notifications one round sends. */
        @WithDefault("100")
        int batchSize();
    }

    class QuietHoursConverter implements Converter<QuietHours> {
        @Override
        public QuietHours convert(String value) {
            return QuietHours.parse(value);
        }
    }
}
