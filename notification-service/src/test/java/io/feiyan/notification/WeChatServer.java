package io.feiyan.notification;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Plays WeChat's servers calling the account's server address, as WeChat's public protocol says: every call carries
 * {@code signature}, {@code timestamp} and {@code nonce}, the signature being the hex SHA-1 of the account's token,
 * the timestamp and the nonce sorted and joined; a follower's message is posted as XML (plaintext mode).
 */
final class WeChatServer {
    static final String CALLBACK = "/wechat/callback";
    /** The account's original id, as WeChat names it in ToUserName. */
    static final String ACCOUNT = "gh_feiyan_tancheng";

    private final String token;

    WeChatServer(String token) {
        this.token = token;
    }

    /** A follower's id as WeChat gives it to this account. */
    static String newOpenid() {
        return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    static long newMsgId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, Long.MAX_VALUE);
    }

    String signature(String timestamp, String nonce) {
        String joined = String.join("", Stream.of(token, timestamp, nonce).sorted().toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    static String textXml(String openid, String content, long msgId) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName>"
                + "<FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content>"
                + "<MsgId>" + msgId + "</MsgId></xml>";
    }

    static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    static String nonce() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 10_000_000_000L));
    }
}
