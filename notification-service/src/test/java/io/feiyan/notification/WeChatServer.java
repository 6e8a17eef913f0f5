package io.feiyan.notification;

import static io.restassured.RestAssured.given;

import io.feiyan.testkit.WeChatServerPlayer;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * WeChat's servers calling the service under test, signed and formed by the test kit's {@link WeChatServerPlayer},
 * sent with REST Assured for its checks of the answers.
 */
final class WeChatServer {
    static final String CALLBACK = "/wechat/callback";
    static final String ACCOUNT = WeChatServerPlayer.ACCOUNT;

    private final WeChatServerPlayer wechat;

    WeChatServer(String token) {
        this.wechat = new WeChatServerPlayer(URI.create(CALLBACK), token);
    }

    static String newOpenid() {
        return WeChatServerPlayer.newOpenid();
    }

    static long newMsgId() {
        return WeChatServerPlayer.newMsgId();
    }

    static String now() {
        return WeChatServerPlayer.now();
    }

    static String nonce() {
        return WeChatServerPlayer.nonce();
    }

    static String textXml(String openid, String content, long msgId) {
        return WeChatServerPlayer.textXml(openid, content, msgId);
    }

    String signature(String timestamp, String nonce) {
        return wechat.signature(timestamp, nonce);
    }

    /** WeChat checking the server address: a signed GET with echostr. */
    Response verify(String echostr) {
        String timestamp = now();
        String nonce = nonce();
        return given().queryParam("signature", signature(timestamp, nonce)).queryParam("timestamp", timestamp)
                .queryParam("nonce", nonce).queryParam("echostr", echostr).get(CALLBACK);
    }

    /** The follower's text, posted as WeChat posts it, signed now. */
    Response text(String openid, String content, long msgId) {
        return post(textXml(openid, content, msgId), now(), openid);
    }

    /** The account's answer's text to a new message from the follower. */
    String say(String openid, String content) {
        return text(openid, content, newMsgId()).then().statusCode(200).extract().xmlPath().getString("xml.Content");
    }

    /** An XML body posted with the signature made for the timestamp. */
    Response post(String xml, String timestamp, String openid) {
        String nonce = nonce();
        return post(xml, timestamp, nonce, signature(timestamp, nonce), openid);
    }

    Response post(String xml, String timestamp, String nonce, String signature, String openid) {
        return given().contentType("text/xml; charset=UTF-8").body(xml.getBytes(StandardCharsets.UTF_8))
                .queryParam("signature", signature).queryParam("timestamp", timestamp).queryParam("nonce", nonce)
                .queryParam("openid", openid).post(CALLBACK);
    }
}
