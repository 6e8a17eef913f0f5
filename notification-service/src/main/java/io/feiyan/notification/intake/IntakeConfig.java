package io.feiyan.notification.intake;

import io.smallrye.config.ConfigMapping;
import java.net.URI;

/** Where intake answers, for the need-to-know reads of residents' phones ({@code feiyan.notification.intake-api}). */
@ConfigMapping(prefix = "feiyan.notification")
public interface IntakeConfig {
    URI intakeApi();
}
