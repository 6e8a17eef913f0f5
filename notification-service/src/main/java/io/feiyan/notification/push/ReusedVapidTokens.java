package io.feiyan.notification.push;

import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.jwt.VAPIDJWTParam;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's VAPID key pair, signing one token per push service and sending it again until half its life is gone
 * (RFC 8292 lets a token be used for as long as it lives): signing on P-256 costs as much as encrypting a message, and
 * was a third of the notification service's work at 100 orders a second.
 */
final class ReusedVapidTokens implements VAPIDKeyPair {
    /** A token signed for a push service, and when to sign a fresh one. */
    private record Token(String header, Instant renewAfter) {
    }

    private final VAPIDKeyPair keys;
    private final Map<String, Token> byPushService = new ConcurrentHashMap<>();

    ReusedVapidTokens(VAPIDKeyPair keys) {
        this.keys = keys;
    }

    @Override
    public String generateAuthorizationHeaderValue(VAPIDJWTParam param) {
        Instant now = Instant.now();
        Token token = byPushService.get(param.getOrigin());
        if (token == null || now.isAfter(token.renewAfter())) {
            Duration life = Duration.between(now, param.getExpirationTime());
            token = new Token(keys.generateAuthorizationHeaderValue(param), now.plus(life.dividedBy(2)));
            byPushService.put(param.getOrigin(), token);
        }
        return token.header();
    }

    @Override
    public byte[] extractPublicKeyInUncompressedForm() {
        return keys.extractPublicKeyInUncompressedForm();
    }

    @Override
    public String extractPublicKeyInUncompressedFormAsString() {
        return keys.extractPublicKeyInUncompressedFormAsString();
    }
}
