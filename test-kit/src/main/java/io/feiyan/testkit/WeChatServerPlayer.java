package io.feiyan.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Plays WeChat's servers calling an official account's server address, as WeChat's public protocol says: every call
 * carries {@code signature}, {@code timestamp} and {@code nonce}, the signature being the hex SHA-1 of the account's
 * token, the timestamp and the nonce sorted and joined; a follower's message is posted as XML (plaintext mode) and
 * answered in XML. In the safe mode (安全模式) the message goes encrypted with the account's EncodingAESKey and signed
 * with {@code msg_signature}, and so comes the answer. The signing and the messages are here once, for the service's
 * tests and the system tests.
 */
public final class WeChatServerPlayer {
    /** The account's original id, as WeChat names it in ToUserName. */
    public static final String ACCOUNT = "gh_feiyan_tancheng";

    /** What the account answered: its HTTP status and body. */
    public record Answer(int status, String body) {
        /** The text of the account's XML reply (its Content). */
        public String content() {
            return element(body, "Content");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
        return signatureOf(token, timestamp, nonce);
    }

    /** WeChat's signature of the parts: the hex SHA-1 of them sorted and joined. */
    private static String signatureOf(String... parts) {
        return sha1(String.join("", Stream.of(parts).sorted().toList()));
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
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
        return signedQuery(token);
    }

    /** The query of a call signed now for the account whose token is {@code token}, as WeChat's servers sign it. */
    public static String signedQuery(String token) {
        String timestamp = now();
        String nonce = nonce();
        return "signature=" + signatureOf(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce;
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

    /**
     * The follower's text in the safe mode: the message encrypted with the account's EncodingAESKey (AES-256-CBC, the
     * key's first 16 bytes the IV, 16 random bytes, the message's length, the message and the AppID, padded PKCS#7 to
     * 32 bytes), signed as {@code msg_signature} (sha1 of the sorted token, timestamp, nonce and ciphertext).
     */
    public Answer encryptedText(String openid, String content, String aesKey, String appId) {
        return encryptedText(openid, content, aesKey, appId, this);
    }

    /** The same, its msg_signature made by another's token (its signature still this account's). */
    public Answer encryptedText(String openid, String content, String aesKey, String appId,
            WeChatServerPlayer msgSigner) {
        String timestamp = now();
        String nonce = nonce();
        String encrypted = encrypt(textXml(openid, content, newMsgId()), aesKey, appId);
        String query = "signature=" + signature(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + openid + "&encrypt_type=aes&msg_signature="
                + msgSigner.signature(timestamp, nonce, encrypted);
        return post(query, "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt></xml>");
    }

    /**
     * The account's encrypted answer, its signature checked and its message decrypted, as WeChat reads it; throws when
     * the signature or the AppID in it is not the account's.
     */
    public String decryptAnswer(Answer answer, String aesKey, String appId) {
        String encrypted = element(answer.body(), "Encrypt");
        String expected = signature(element(answer.body(), "TimeStamp"), element(answer.body(), "Nonce"), encrypted);
        if (!expected.equals(element(answer.body(), "MsgSignature"))) {
            throw new IllegalStateException("the answer's MsgSignature is not the account's: " + answer.body());
        }
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, aesKey).doFinal(Base64.getDecoder().decode(encrypted));
            plain = Arrays.copyOf(plain, plain.length - plain[plain.length - 1]);
            int length = ByteBuffer.wrap(plain, 16, 4).getInt();
            String from = new String(plain, 20 + length, plain.length - 20 - length, StandardCharsets.UTF_8);
            if (!from.equals(appId)) {
                throw new IllegalStateException("the answer is for AppID " + from);
            }
            return new String(plain, 20, length, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the answer does not decrypt with the account's key", e);
        }
    }

    private String signature(String timestamp, String nonce, String encrypted) {
        return signatureOf(token, timestamp, nonce, encrypted);
    }

    private static String encrypt(String xml, String aesKey, String appId) {
        byte[] message = xml.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        int unpadded = 16 + 4 + message.length + app.length;
        int pad = 32 - unpadded % 32;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad).put(random).putInt(message.length).put(message).put(app);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, aesKey).doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cipher cipher(int mode, String aesKey) throws GeneralSecurityException {
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return cipher;
    }

    private static String element(String xml, String name) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return document.getElementsByTagName(name).item(0).getTextContent();
        } catch (Exception e) {
            throw new IllegalStateException("no " + name + " in the answer: " + xml, e);
        }
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
