package io.feiyan.notification.push;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.jwt.VAPIDJWTParam;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service starts only with a VAPID key pair, and says what is wrong when it has none; it signs few tokens. */
class VapidKeysTest {
    private static final String PUBLIC = "BIvmF-vSCFVeldl41_6tZJJjscCrMY-26UD6t15mgTEQgy3Xk8N5007sH6_ouqhonD-m-hp8WbKjv_lunboGHXQ";
    private static final String PRIVATE = "R23K8AS0gRfdhEK502WCV4ATVf5suzw8gHdfPoVa2f0";
    /** The private key of another pair. */
    private static final String STRANGER = "3ivF2Kkbc8RV1x8QzWvsp6GBdM9gmpHaGsDkdkwNSNs";

    @Test
    void aPairOfRawKeys_givesTheAppItsPublicKey() {
        assertEquals(PUBLIC, new VapidKeys(settings(PUBLIC, PRIVATE)).publicKey());
    }

    @Test
    void withoutKeys_theServiceDoesNotStart_andSaysWhichSettingsAreMissing() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new VapidKeys(settings(null, null)));
        assertTrue(refused.getMessage().contains("feiyan.notification.push.vapid.public-key"), refused.getMessage());
    }

    @Test
    void keysOfTwoPairs_orNotKeysAtAll_areRefused() {
        assertThrows(IllegalStateException.class, () -> new VapidKeys(settings(PUBLIC, STRANGER)));
        assertThrows(IllegalStateException.class, () -> new VapidKeys(settings("BAAA", PRIVATE)));
    }

    @Test
    void aTokenIsSignedOncePerPushService_andAgainWhenHalfItsLifeIsGone() {
        VAPIDKeyPair pair = new VapidKeys(settings(PUBLIC, PRIVATE)).pair();
        String first = pair.generateAuthorizationHeaderValue(param("https://push.one.example/a", Duration.ofHours(12)));
        String again = pair.generateAuthorizationHeaderValue(param("https://push.one.example/b", Duration.ofHours(12)));
        String another = pair.generateAuthorizationHeaderValue(param("https://push.two.example/c", Duration.ofHours(12)));
        assertEquals(first, again, "the same push service gets the token it was given");
        assertNotEquals(first, another, "a token names its push service (aud)");
        assertTrue(first.startsWith("vapid t="), first);

        VAPIDKeyPair shortLived = new VapidKeys(settings(PUBLIC, PRIVATE)).pair();
        String once = shortLived.generateAuthorizationHeaderValue(param("https://push.one.example/a", Duration.ofSeconds(1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> !once.equals(shortLived.generateAuthorizationHeaderValue(
                param("https://push.one.example/a", Duration.ofSeconds(1)))));
    }

    private static VAPIDJWTParam param(String endpoint, Duration life) {
        return VAPIDJWTParam.getBuilder().resourceURLString(endpoint).expirationTime(Instant.now().plus(life))
                .subject("mailto:test@feiyan.local").build();
    }

    private static PushSettings settings(String publicKey, String privateKey) {
        return new PushSettings() {
            @Override
            public Vapid vapid() {
                return new Vapid() {
                    @Override
                    public Optional<String> publicKey() {
                        return Optional.ofNullable(publicKey);
                    }

                    @Override
                    public Optional<String> privateKey() {
                        return Optional.ofNullable(privateKey);
                    }

                    @Override
                    public String subject() {
                        return "mailto:test@feiyan.local";
                    }
                };
            }

            @Override
            public Duration ttl() {
                return Duration.ofDays(1);
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
