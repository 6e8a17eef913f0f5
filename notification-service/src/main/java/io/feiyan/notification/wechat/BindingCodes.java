package io.feiyan.notification.wechat;

import io.feiyan.notification.domain.BindingCode;
import io.feiyan.notification.domain.WeChatFollower;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time codes that bind a follower of the account to a resident. A code is six random digits, valid for a day, used
 * once; only its HMAC (keyed by the account's secret) is kept, so the table alone does not give live codes away.
 * Guessing is held back by a few wrong codes a follower an hour.
 */
@ApplicationScoped
public class BindingCodes {
    private static final Duration TRIES_WINDOW = Duration.ofHours(1);

    /** A code made for a resident, shown once to the volunteer who made it. */
    public record Issued(String code, UUID residentId, String villageCode, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final WeChatConfig config;
    private final IntakeResidents residents;
    private final Caller caller;
    private final EntityManager entityManager;

    BindingCodes(WeChatConfig config, IntakeResidents residents, Caller caller, EntityManager entityManager) {
        this.config = config;
        this.residents = residents;
        this.caller = caller;
        this.entityManager = entityManager;
    }

    /**
     * A new code for a resident of the calling volunteer's village. The village is intake's answer to the volunteer's
     * own token (intake refuses a resident the volunteer does not act for); it is checked against the token's region.
     */
    public Issued make(UUID residentId, String bearerToken) {
        String village = residents.villageOf(residentId, bearerToken);
        caller.require(caller.is(Roles.VOLUNTEER) && caller.covers(village),
                "resident " + residentId + " lives in " + village + ", not in your village");
        return QuarkusTransaction.requiringNew().call(() -> store(residentId, village));
    }

    private Issued store(UUID residentId, String village) {
        Instant now = Instant.now();
        while (true) {
            String code = "%06d".formatted(random.nextInt(1_000_000));
            String hash = hash(code);
            BindingCode same = BindingCode.findById(hash);
            if (same != null && same.usedAt == null && same.expiresAt.isAfter(now)) {
                continue; // another resident's live code: draw again
            }
            if (same != null) {
                same.delete();
                entityManager.flush();
            }
            BindingCode made = BindingCode.make(hash, residentId, village, caller.id(), now,
                    now.plus(config.codeValidFor()));
            return new Issued(code, residentId, village, made.expiresAt);
        }
    }

    /** The follower sent a code: binds them, or says why not. In the callback's transaction. */
    String redeem(String openid, String code, Instant at) {
        long wrong = ((Number) entityManager.createNativeQuery(
                        "select count(*) from wechat_wrong_code where openid = ?1 and tried_at > ?2")
                .setParameter(1, openid).setParameter(2, at.minus(TRIES_WINDOW)).getSingleResult()).longValue();
        if (wrong >= config.wrongCodesPerHour()) {
            return Replies.TOO_MANY_TRIES;
        }
        return BindingCode.usable(hash(code), at).map(usable -> {
            usable.use(openid, at);
            WeChatFollower.bind(openid, usable.residentId, usable.villageCode, at);
            return Replies.BOUND;
        }).orElseGet(() -> {
            entityManager.createNativeQuery("insert into wechat_wrong_code (openid, tried_at) values (?1, ?2)")
                    .setParameter(1, openid).setParameter(2, at).executeUpdate();
            return Replies.WRONG_CODE;
        });
    }

    private String hash(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
