package io.feiyan.notification.wechat;

import io.feiyan.platform.domain.NotAllowed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * The account's server side of WeChat's callback protocol: every call is signed by WeChat with the account's token
 * (sha1 of the sorted token, timestamp and nonce), a message is answered within WeChat's 5 seconds, and a message
 * WeChat sends again (it does, up to three times, when an answer is late) gets the first answer and no second effect.
 */
@ApplicationScoped
public class Callback {
    /**
     * The answer's work is a few statements on the service's own database and nothing on the network; these bound it
     * well inside WeChat's 5 seconds. Past them the call fails and WeChat sends the message again.
     */
    private static final int TRANSACTION_SECONDS = 4;
    private static final Duration STATEMENT_LIMIT = Duration.ofSeconds(3);

    private final WxMpService account;
    private final WeChatConfig config;
    private final Conversation conversation;
    private final EntityManager entityManager;

    Callback(WxMpService account, WeChatConfig config, Conversation conversation, EntityManager entityManager) {
        this.account = account;
        this.config = config;
        this.conversation = conversation;
        this.entityManager = entityManager;
    }

    /** Refuses a call WeChat did not sign with the account's token. */
    public void requireSigned(String signature, String timestamp, String nonce) {
        if (signature == null || timestamp == null || nonce == null
                || !account.checkSignature(timestamp, nonce, signature)) {
            throw new NotAllowed("wechat-signature", "Not signed by WeChat",
                    "the signature is not WeChat's for this account's token");
        }
    }

    /** Refuses a signed call that is not fresh: a message signed long ago and sent again by someone else. */
    public void requireFresh(String timestamp, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            seconds = Long.MIN_VALUE;
        }
        if (seconds == Long.MIN_VALUE
                || Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(config.maxMessageAge()) > 0) {
            throw new NotAllowed("wechat-stale", "Not a fresh call from WeChat",
                    "the call's timestamp is more than " + config.maxMessageAge() + " from now");
        }
    }

    /** The account's answer to the message (its text; none: nothing to say), once for each message WeChat sends. */
    public String answer(WxMpXmlMessage message, Instant now) {
        return QuarkusTransaction.requiringNew().timeout(TRANSACTION_SECONDS).call(() -> {
            entityManager.createNativeQuery("set local statement_timeout = " + STATEMENT_LIMIT.toMillis())
                    .executeUpdate();
            String key = key(message);
            if (!claim(key, message.getFromUser(), now)) {
                return earlierAnswer(key);
            }
            String answer = effect(message, now);
            entityManager.createNativeQuery("update wechat_message set reply = ?1 where msg_key = ?2")
                    .setParameter(1, answer).setParameter(2, key).executeUpdate();
            return answer;
        });
    }

    private String effect(WxMpXmlMessage message, Instant now) {
        String openid = message.getFromUser();
        if (WxConsts.XmlMsgType.TEXT.equals(message.getMsgType())) {
            return conversation.answer(openid, message.getContent(), now);
        }
        if (WxConsts.XmlMsgType.EVENT.equals(message.getMsgType())) {
            return WxConsts.EventType.SUBSCRIBE.equals(message.getEvent()) ? conversation.welcome() : null;
        }
        return conversation.notText(openid, now);
    }

    /** A message's identity: its MsgId; an event has none, and WeChat names it by sender and time instead. */
    private static String key(WxMpXmlMessage message) {
        return message.getMsgId() != null ? message.getMsgId().toString()
                : message.getFromUser() + "@" + message.getCreateTime();
    }

    /**
     * Claims the message first: a repeat that comes while the first is still being answered waits on the claim and
     * then finds it taken.
     */
    private boolean claim(String key, String openid, Instant now) {
        return entityManager.createNativeQuery("insert into wechat_message (msg_key, openid, received_at) "
                        + "values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, key).setParameter(2, openid).setParameter(3, now).executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    private String earlierAnswer(String key) {
        List<String> reply = entityManager.createNativeQuery("select reply from wechat_message where msg_key = ?1")
                .setParameter(1, key).getResultList();
        return reply.isEmpty() ? null : reply.get(0);
    }
}
