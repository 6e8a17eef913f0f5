package io.feiyan.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.notification.channels.DeadAddresses;
import io.feiyan.notification.channels.Message;
import io.feiyan.notification.channels.Outcome;
import io.feiyan.notification.channels.WeChatChannel;
import io.feiyan.notification.domain.Kind;
import io.feiyan.notification.domain.Recipient;
import io.feiyan.notification.domain.WeChatFollower;
import io.feiyan.notification.wechat.WeChatConfig;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.LocalWeChatApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import me.chanjar.weixin.mp.api.WxMpService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account telling a bound resident of their order, against a local player of WeChat's API. */
@FeiyanTest
class WeChatChannelTests {
    @ConfigProperty(name = "feiyan.notification.wechat.token")
    String token;
    @ConfigProperty(name = "feiyan.notification.wechat.template-id")
    String templateId;
    LocalIntake intake;
    LocalWeChatApi weChatApi;
    @Inject
    WeChatChannel channel;
    @Inject
    WxMpService account;
    @Inject
    WeChatConfig config;
    @Inject
    DeadAddresses deadAddresses;

    private Followers followers;

    @BeforeEach
    void open() {
        followers = new Followers(new WeChatServer(token), intake);
    }

    @Test
    void withinFortyEightHoursOfTheFollowersLastMessage_aCustomerServiceMessageIsSent() {
        Followers.Bound follower = followers.bound(Followers.newVillage());

        Outcome outcome = channel.send(Recipient.resident(follower.resident()), accepted());

        assertInstanceOf(Outcome.Sent.class, outcome);
        List<LocalWeChatApi.Sent> sent = weChatApi.sentTo(follower.openid());
        assertEquals(1, sent.size());
        assertEquals(LocalWeChatApi.CUSTOM_SEND, sent.get(0).api());
        assertEquals("text", sent.get(0).body().path("msgtype").asText());
        assertTrue(sent.get(0).body().path("text").path("content").asText().contains("泉源维修队明天上午来"));
    }

    @Test
    void pastFortyEightHours_theTemplateMessageIsSent() {
        Followers.Bound follower = followers.bound(Followers.newVillage());
        lastHeardFrom(follower, Instant.now().minus(Duration.ofHours(49)));
        Message message = accepted();

        Outcome outcome = channel.send(Recipient.resident(follower.resident()), message);

        assertInstanceOf(Outcome.Sent.class, outcome);
        LocalWeChatApi.Sent sent = weChatApi.sentTo(follower.openid()).get(0);
        assertEquals(LocalWeChatApi.TEMPLATE_SEND, sent.api());
        assertEquals(templateId, sent.body().path("template_id").asText());
        assertEquals(message.text(), sent.body().path("data").path("remark").path("value").asText());
        assertEquals(message.id().toString(), sent.body().path("client_msg_id").asText());
    }

    @Test
    void pastFortyEightHours_withNoTemplateConfigured_theResidentIsUnreachableOnWeChat() {
        Followers.Bound follower = followers.bound(Followers.newVillage());
        lastHeardFrom(follower, Instant.now().minus(Duration.ofHours(49)));
        WeChatChannel withoutTemplate = new WeChatChannel(account, withoutTemplate(config), deadAddresses);

        Outcome outcome = withoutTemplate.send(Recipient.resident(follower.resident()), accepted());

        assertEquals(new Outcome.Unreachable("outside the 48-hour window and no template"), outcome);
        assertEquals(List.of(), weChatApi.sentTo(follower.openid()));
    }

    @Test
    void whenWeChatSaysTheFollowerUnsubscribed_theAccountIsUnbound_andTheAddressReportedDead() {
        Followers.Bound follower = followers.bound(Followers.newVillage());
        Recipient resident = Recipient.resident(follower.resident());
        weChatApi.answerNext(follower.openid(), 43004);

        Outcome outcome = channel.send(resident, accepted());

        assertInstanceOf(Outcome.Unreachable.class, outcome);
        assertFalse(channel.reaches(resident));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) WeChatFollower.getEntityManager()
                .createNativeQuery("select count(*) from dead_address where channel = 'WECHAT' and recipient = ?1")
                .setParameter(1, resident.id()).getSingleResult()).longValue()));
    }

    @Test
    void whenWeChatIsBusy_theSendFailsForNow_andTheAccountStaysBound() {
        Followers.Bound follower = followers.bound(Followers.newVillage());
        Recipient resident = Recipient.resident(follower.resident());
        weChatApi.answerNext(follower.openid(), -1);

        assertInstanceOf(Outcome.Failed.class, channel.send(resident, accepted()));
        assertTrue(channel.reaches(resident));
        assertInstanceOf(Outcome.Sent.class, channel.send(resident, accepted()));
    }

    @Test
    void aResidentWhoBoundNoAccount_orAPerson_isNotReached() {
        assertFalse(channel.reaches(Recipient.resident(UUID.randomUUID())));
        assertFalse(channel.reaches(Recipient.person("V-zhao-li")));
        assertInstanceOf(Outcome.Unreachable.class, channel.send(Recipient.resident(UUID.randomUUID()), accepted()));
    }

    /** The account's settings as configured, but for the template message: none. */
    private static WeChatConfig withoutTemplate(WeChatConfig config) {
        return (WeChatConfig) Proxy.newProxyInstance(WeChatConfig.class.getClassLoader(),
                new Class<?>[] {WeChatConfig.class}, (proxy, method, arguments) -> method.getName().equals("templateId")
                        ? Optional.empty() : method.invoke(config, arguments));
    }

    private static Message accepted() {
        return new Message(UUID.randomUUID(), Kind.ORDER_ACCEPTED, UUID.randomUUID(), false, "您的需求有人接了",
                "泉源维修队明天上午来", "#/orders");
    }

    private static void lastHeardFrom(Followers.Bound follower, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> WeChatFollower.update("lastMessageAt = ?1 where openid = ?2", at,
                follower.openid()));
    }
}
