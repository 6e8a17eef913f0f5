package io.feiyan.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Plays WeChat's servers calling an official account's server address, as WeChat's public protocol says: every call
 * carries {@code signature}, {@code timestamp} and {@code nonce}, the signature being the hex SHA-1 of the account's
 * token, the timestamp and the nonce sorted and joined; a follower's message is posted as XML (plaintext mode) and
 * answered in XML. The signing and the messages are here once, for the service's tests and the system tests.
 */
public final class WeChatServerPlayer {
    /** The account's original id, as WeChat names it in ToUserName. */
    public static final String ACCOUNT = "gh_feiyan_tancheng";

    /** What the account answered: its HTTP status and body. */
    public record Answer(int status, String body) {
        /** The text of the account's XML reply (its Content). */
        public String content() {
            try {
                Document reply = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                return reply.getElementsByTagName("Content").item(0).getTextContent();
            } catch (Exception e) {
                throw new IllegalStateException("not a WeChat reply: " + status + " " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI callback;
    private final String token;

    /** For the account whose server address is {@code callback}, signing with its token. */
    public WeChatServerPlayer(URI callback, String token) {
        this.callback = callback;
        this.token = token;
    }

    /** A follower's id as WeChat gives it to one account. */
    public static String newOpenid() {
        return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    public static long newMsgId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, Long.MAX_VALUE);
    }

    public static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    public static String nonce() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 10_000_000_000L));
    }

    /** The signature WeChat gives a call: sha1 of the token, timestamp and nonce, sorted and joined, in hex. */
    public String signature(String timestamp, String nonce) {
        String joined = String.join("", Stream.of(token, timestamp, nonce).sorted().toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A follower's text message as WeChat posts it. */
    public static String textXml(String openid, String content, long msgId) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName>"
                + "<FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content>"
                + "<MsgId>" + msgId + "</MsgId></xml>";
    }

    /** The query of a call signed now: signature, timestamp, nonce. */
    public String signedQuery() {
        String timestamp = now();
        String nonce = nonce();
        return "signature=" + signature(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce;
    }

    /** The follower's text, posted as WeChat posts it, signed now. */
    public Answer text(String openid, String content) {
        return post(signedQuery() + "&openid=" + openid, textXml(openid, content, newMsgId()));
    }

    /** An XML body posted with the query given (signed, wrongly signed, or not). */
    public Answer post(String query, String xml) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
        return call(request);
    }

    /** WeChat checking the server address: a signed GET with echostr. */
    public Answer verify(String echostr) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback + "?" + signedQuery() + "&echostr="
                + URLEncoder.encode(echostr, StandardCharsets.UTF_8))).GET().build();
        return call(request);
    }

    private Answer call(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the account's server address did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
