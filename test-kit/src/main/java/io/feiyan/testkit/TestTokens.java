package io.feiyan.testkit;

import io.feiyan.servers.Identity;
import io.feiyan.servers.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/** Tokens for a service's {@link FeiyanTest}s, signed with the key {@link FeiyanTestResource} made it trust. */
public final class TestTokens {
    private TestTokens() {
    }

    /** A bearer token for the identity, valid for ten minutes. */
    public static String of(Identity who) {
        Path keys = Path.of(ConfigProvider.getConfig().getValue(FeiyanTestResource.TOKEN_KEYS, String.class));
        return Tokens.in(keys).sign(who, Duration.ofMinutes(10));
    }
}
