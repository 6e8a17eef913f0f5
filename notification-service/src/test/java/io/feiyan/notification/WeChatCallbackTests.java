package io.feiyan.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.notification.domain.FiledNeed;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.LocalWeChatApiResource;
import io.feiyan.testkit.WeChatServerPlayer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
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
    @ConfigProperty(name = "feiyan.notification.wechat.aes-key")
    String aesKey;
    @ConfigProperty(name = "feiyan.notification.wechat.app-id")
    String appId;
    @TestHTTPResource("/wechat/callback")
    URI callback;
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
    void whenWeChatSendsTheSameMessageAgain_evenWhileTheFirstIsAnswered_thenItGetsTheSameAnswer_andTheNeedIsFiledOnce() {
        Followers.Bound follower = followers.bound(Followers.newVillage());
        long msgId = WeChatServer.newMsgId();

        // WeChat's three tries at once, as when its first answer is late
        List<CompletableFuture<Response>> tries = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> wechat.text(follower.openid(), "家里的灯坏了，想请人来修", msgId))).toList();
        Response again = wechat.text(follower.openid(), "家里的灯坏了，想请人来修", msgId);

        again.then().statusCode(200).time(lessThan(5_000L));
        for (CompletableFuture<Response> attempt : tries) {
            attempt.join().then().statusCode(200).time(lessThan(5_000L));
            assertEquals(again.xmlPath().getString("xml.Content"), attempt.join().xmlPath().getString("xml.Content"));
        }
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

    @Test
    void inTheSafeMode_anEncryptedMessageGetsAnEncryptedAnswer_andOneWhoseMsgSignatureIsNotWeChatsIsRefused() {
        WeChatServerPlayer safe = new WeChatServerPlayer(callback, token);
        String openid = WeChatServerPlayer.newOpenid();

        WeChatServerPlayer.Answer answer = safe.encryptedText(openid, "菜单", aesKey, appId);

        assertEquals(200, answer.status(), answer.body());
        String reply = safe.decryptAnswer(answer, aesKey, appId);
        assertTrue(reply.contains("<ToUserName><![CDATA[" + openid + "]]></ToUserName>"), reply);
        assertEquals(403, safe.encryptedText(openid, "菜单", aesKey, appId,
                new WeChatServerPlayer(callback, "not-the-account-token")).status());
    }

    private static long needsOf(Followers.Bound follower) {
        return QuarkusTransaction.requiringNew().call(() -> FiledNeed.count("residentId", follower.resident()));
    }
}
