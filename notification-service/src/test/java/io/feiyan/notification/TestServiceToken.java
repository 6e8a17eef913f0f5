package io.feiyan.notification;

import io.feiyan.notification.security.ServiceToken;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** The service's token in its tests: signed by the key the tests trust, for the service account's role notifier. */
@Alternative
@Priority(1)
@ApplicationScoped
class TestServiceToken implements ServiceToken {
    static final Identity SERVICE = Identity.notifier("notification-service");

    @Override
    public String bearer() {
        return TestTokens.of(SERVICE);
    }
}
