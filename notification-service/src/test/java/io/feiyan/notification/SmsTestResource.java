package io.feiyan.notification;

import io.feiyan.testkit.LocalSmsc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The SMS channel's counterparts for its tests: a local SMSC (a real SMPP server) the channel binds to, and intake's
 * phone read played over HTTP. Fields of those types in the test get them.
 */
public class SmsTestResource implements QuarkusTestResourceLifecycleManager {
    static final String SYSTEM_ID = "tancheng-county";
    static final String PASSWORD = "sms-2026";
    static final String SOURCE = "10690539";

    private LocalSmsc smsc;
    private IntakePhones intake;

    @Override
    public Map<String, String> start() {
        smsc = LocalSmsc.start(SYSTEM_ID, PASSWORD);
        intake = IntakePhones.start();
        return Map.ofEntries(Map.entry("feiyan.notification.sms.enabled", "true"),
                Map.entry("feiyan.notification.sms.host", "localhost"),
                Map.entry("feiyan.notification.sms.port", String.valueOf(smsc.port())),
                Map.entry("feiyan.notification.sms.system-id", SYSTEM_ID),
                Map.entry("feiyan.notification.sms.password", PASSWORD),
                Map.entry("feiyan.notification.sms.source-address", SOURCE),
                // an SMSC that went away is noticed within a test's patience
                Map.entry("feiyan.notification.sms.response-timeout", "2s"),
                Map.entry("feiyan.notification.sms.rebind-every", "1s"),
                Map.entry("feiyan.notification.intake-api", intake.url()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(smsc, new TestInjector.MatchesType(LocalSmsc.class));
        testInjector.injectIntoFields(intake, new TestInjector.MatchesType(IntakePhones.class));
    }

    @Override
    public void stop() {
        if (smsc != null) {
            smsc.close();
        }
        if (intake != null) {
            intake.close();
        }
    }
}
