package io.feiyan.notification.channels;

import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Recipient;
import io.feiyan.notification.domain.WeChatFollower;
import io.feiyan.notification.wechat.WeChatConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;

/**
 * A resident's bound WeChat account, written to as the account's rules allow: a customer-service message (客服消息) within
 * 48 hours of the follower's last message, else the configured template message. WeChat's "no such follower" and
 * "unsubscribed" unbind the account.
 */
@ApplicationScoped
public class WeChatChannel implements Channel {
    /** Invalid openid; the follower unsubscribed (WeChat's error codes). */
    private static final Set<Integer> GONE = Set.of(40003, 43004);
    /** Outside the 48-hour window after all: the template is the way. */
    private static final int OUT_OF_WINDOW = 45015;

    private final WxMpService account;
    private final WeChatConfig config;
    private final DeadAddresses deadAddresses;

    public WeChatChannel(WxMpService account, WeChatConfig config, DeadAddresses deadAddresses) {
        this.account = account;
        this.config = config;
        this.deadAddresses = deadAddresses;
    }

    @Override
    public NotificationChannel name() {
        return NotificationChannel.WECHAT;
    }

    @Override
    public boolean reaches(Recipient recipient) {
        return config.connected() && follower(recipient).isPresent();
    }

    @Override
    public Outcome send(Recipient recipient, Message message) {
        Optional<WeChatFollower> bound = follower(recipient);
        if (bound.isEmpty()) {
            return new Outcome.Unreachable("no WeChat account bound");
        }
        WeChatFollower follower = bound.get();
        try {
            if (follower.withinServiceWindow(config.serviceWindow(), Instant.now())) {
                try {
                    account.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(follower.openid)
                            .content(message.title() + "\n" + message.text()).build());
                    return Outcome.sent();
                } catch (WxErrorException e) {
                    if (e.getError().getErrorCode() != OUT_OF_WINDOW) {
                        throw e;
                    }
                }
            }
            if (config.templateId().isEmpty()) {
                return new Outcome.Unreachable("outside the 48-hour window and no template");
            }
            account.getTemplateMsgService().sendTemplateMsg(template(follower.openid, message));
            return Outcome.sent();
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            if (GONE.contains(code)) {
                String reason = "WeChat: " + code + " " + e.getError().getErrorMsg();
                unbind(recipient, follower.openid, reason);
                return new Outcome.Unreachable(reason);
            }
            return new Outcome.Failed("WeChat: " + code + " " + e.getError().getErrorMsg());
        } catch (RuntimeException e) {
            // WxJava's own failures (the network, an answer that is not JSON) come unchecked
            return new Outcome.Failed("WeChat not reached: " + e.getMessage());
        }
    }

    private WxMpTemplateMessage template(String openid, Message message) {
        WxMpTemplateMessage template = WxMpTemplateMessage.builder()
                .toUser(openid)
                .templateId(config.templateId().orElseThrow())
                .data(new ArrayList<>(List.of(new WxMpTemplateData(config.templateTitleField(), message.title()),
                        new WxMpTemplateData(config.templateTextField(), message.text()))))
                // WeChat sends a template message whose client_msg_id it has seen only once: a retry is no repeat
                .clientMsgId(message.id().toString())
                .build();
        return template;
    }

    private static Optional<WeChatFollower> follower(Recipient recipient) {
        if (!recipient.isResident()) {
            return Optional.empty();
        }
        return QuarkusTransaction.joiningExisting().call(() -> WeChatFollower.ofResident(recipient.residentId()));
    }

    /** Drops the dead binding and reports it where the people who can mend it look (dead_address). */
    private void unbind(Recipient recipient, String openid, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            WeChatFollower.delete("openid", openid);
            deadAddresses.report(NotificationChannel.WECHAT, recipient, reason);
        });
    }
}
