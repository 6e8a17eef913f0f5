package io.feiyan.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.notification.domain.FiledNeed;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.LocalWeChatApiResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.response.Response;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WeChat's calls to the account's server address, played as WeChat makes them. (The players of WeChat's API and of
 * intake are declared here once, for every test of the module: a global test resource.)
 */
@FeiyanTest
@WithTestResource(value = LocalWeChatApiResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = LocalIntake.class, scope = TestResourceScope.GLOBAL)
class WeChatCallbackTests {
    @ConfigProperty(name = "feiyan.notification.wechat.token")
    String token;
    LocalIntake intake;

    private WeChatServer wechat;
    private Followers followers;

    @BeforeEach
    void open() {
        wechat = new WeChatServer(token);
        followers = new Followers(wechat, intake);
    }

    @Test
    void whenWeChatChecksTheServerAddressWithItsSignature_thenEchostrIsTheAnswer() {
        wechat.verify("8243112907771186").then().statusCode(200).body(equalTo("8243112907771186"));
    }

    @Test
    void aServerCheckSignedWithAnotherToken_orNotSigned_isRefused() {
        WeChatServer impostor = new WeChatServer("not-the-account-token");
        impostor.verify("123").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/wechat-signature"));
        io.restassured.RestAssured.given().queryParam("echostr", "123").get(WeChatServer.CALLBACK)
                .then().statusCode(403);
    }

    @Test
    void aMessageNotSigned_orWronglySigned_orSignedForAnotherTime_isRefused_andHasNoEffect() {
        Followers.Bound follower = followers.bound(Followers.newVillage());
        String xml = WeChatServer.textXml(follower.openid(), "帮我修一下水管", WeChatServer.newMsgId());
        String timestamp = WeChatServer.now();
        String nonce = WeChatServer.nonce();

        io.restassured.RestAssured.given().contentType("text/xml").body(xml).post(WeChatServer.CALLBACK)
                .then().statusCode(403);
        new WeChatServer("not-the-account-token").post(xml, timestamp, follower.openid()).then().statusCode(403);
        wechat.post(xml, timestamp, nonce, wechat.signature(Long.toString(Long.parseLong(timestamp) + 1), nonce),
                follower.openid()).then().statusCode(403);

        assertEquals(0, needsOf(follower));
    }

    @Test
    void aSignedMessageOlderThanFiveMinutesIsRefused() {
        String openid = WeChatServer.newOpenid();
        String sixMinutesAgo = Long.toString(Instant.now().minusSeconds(360).getEpochSecond());
        wechat.post(WeChatServer.textXml(openid, "菜单", WeChatServer.newMsgId()), sixMinutesAgo, openid)
                .then().statusCode(403).body("type", equalTo("https://feiyan.io/problems/wechat-stale"));
    }

    @Test
    void whenWeChatSendsTheSameMessageAgain_thenItGetsTheSameAnswer_andTheNeedIsFiledOnce() {
        Followers.Bound follower = followers.bound(Followers.newVillage());
        long msgId = WeChatServer.newMsgId();

        Response first = wechat.text(follower.openid(), "家里的灯坏了，想请人来修", msgId);
        Response again = wechat.text(follower.openid(), "家里的灯坏了，想请人来修", msgId);

        first.then().statusCode(200).time(lessThan(5_000L));
        again.then().statusCode(200);
        assertEquals(first.xmlPath().getString("xml.Content"), again.xmlPath().getString("xml.Content"));
        assertEquals(1, needsOf(follower));
    }

    @Test
    void theAnswerIsWeChatsTextReply_fromTheAccount_toTheFollower() {
        String openid = WeChatServer.newOpenid();
        wechat.text(openid, "你好", WeChatServer.newMsgId()).then().statusCode(200)
                .contentType("application/xml")
                .body("xml.ToUserName", equalTo(openid))
                .body("xml.FromUserName", equalTo(WeChatServer.ACCOUNT))
                .body("xml.MsgType", equalTo("text"));
    }

    private static long needsOf(Followers.Bound follower) {
        return QuarkusTransaction.requiringNew().call(() -> FiledNeed.count("residentId", follower.resident()));
    }
}
