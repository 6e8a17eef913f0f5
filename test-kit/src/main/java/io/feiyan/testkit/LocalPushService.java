package io.feiyan.testkit;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.feiyan.servers.P256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push service of the tests' own, as a browser's vendor runs one (RFC 8030): it hands out subscriptions, as
 * {@code pushManager.subscribe} gets one, each bound to the application server's key it was made with; it takes a
 * message POSTed to a subscription's endpoint only with a valid VAPID token (RFC 8292: an ES256 JWT signed by that key,
 * for the endpoint's origin, expiring within 24 hours, naming a contact) and decrypts it as the browser would
 * (RFC 8291, aes128gcm) with the subscription's private key and auth secret. The tests await what it received, or
 * what it refused; it can be told to answer a subscription with a status of their choice (410: gone).
 */
public final class LocalPushService implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PATH = "/push/";
    private static final Duration LONGEST_TOKEN = Duration.ofHours(24);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A browser's subscription as {@code PushSubscription.toJSON()} gives it to the app. */
    public record Subscriber(String endpoint, String p256dh, String auth) {
        /** The body the app POSTs to notification-service. */
        public Map<String, Object> toJson() {
            return Map.of("endpoint", endpoint, "keys", Map.of("p256dh", p256dh, "auth", auth));
        }
    }

    /** A message the push service took: its headers (RFC 8030) and its plaintext, decrypted. */
    public record Received(String endpoint, Instant at, long ttl, String urgency, String topic, String contact,
            String plaintext) {
        public JsonNode json() {
            try {
                return JSON.readTree(plaintext);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The browser's side of a subscription: what only it knows. */
    private record Registration(KeyPair keys, byte[] auth, String applicationServerKey) {
    }

    private final HttpServer server;
    private final String url;
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private LocalPushService(HttpServer server) {
        this.server = server;
        this.url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts it on a free port of this machine. */
    public static LocalPushService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalPushService push = new LocalPushService(server);
            server.createContext(PATH, push::handle);
            server.start();
            return push;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local push service", e);
        }
    }

    public String url() {
        return url;
    }

    /** A new subscription, for messages signed with this application server key (base64url, uncompressed). */
    public Subscriber subscribe(String applicationServerKey) {
        KeyPair keys = P256.generate();
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        String endpoint = url + PATH + UUID.randomUUID();
        registrations.put(endpoint, new Registration(keys, auth, applicationServerKey));
        return new Subscriber(endpoint, P256.base64url(P256.uncompressed((ECPublicKey) keys.getPublic())),
                P256.base64url(auth));
    }

    /** From now on, every message to the endpoint is answered with this status (410: the subscription is gone). */
    public void answer(String endpoint, int status) {
        answers.put(endpoint, status);
    }

    public List<Received> received(String endpoint) {
        return received.stream().filter(message -> message.endpoint().equals(endpoint)).toList();
    }

    /** The first message to the endpoint, waited for. */
    public Received awaitMessage(String endpoint) {
        return awaitMessage(endpoint, message -> true);
    }

    /** The first message to the endpoint that is the one expected, waited for. */
    public Received awaitMessage(String endpoint, Predicate<Received> expected) {
        return await().atMost(WAIT).until(() -> received(endpoint).stream().filter(expected).findFirst(),
                Optional::isPresent).get();
    }

    /** Why messages were refused (a token or a body not as the RFCs say): none, when all is well. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String endpoint = url + exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Registration registration = registrations.get(endpoint);
            Integer told = answers.get(endpoint);
            int status;
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
            } else if (registration == null) {
                status = 404;
            } else if (told != null) {
                status = told;
            } else {
                status = take(exchange, endpoint, registration, body);
            }
            if (status == 201) {
                exchange.getResponseHeaders().add("Location", url + "/message/" + UUID.randomUUID());
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private int take(HttpExchange exchange, String endpoint, Registration registration, byte[] body) {
        try {
            var headers = exchange.getRequestHeaders();
            String ttl = headers.getFirst("TTL");
            if (ttl == null) {
                throw new Refusal(400, "no TTL header (RFC 8030 5.2)");
            }
            if (!"aes128gcm".equals(headers.getFirst("Content-Encoding"))) {
                throw new Refusal(415, "Content-Encoding is " + headers.getFirst("Content-Encoding")
                        + ", not aes128gcm (RFC 8291)");
            }
            String contact = verifyVapid(headers.getFirst("Authorization"), endpoint, registration);
            String plaintext = new String(decrypt(body, registration), StandardCharsets.UTF_8);
            received.add(new Received(endpoint, Instant.now(), Long.parseLong(ttl), headers.getFirst("Urgency"),
                    headers.getFirst("Topic"), contact, plaintext));
            return 201;
        } catch (Refusal refusal) {
            refused.add(endpoint + ": " + refusal.getMessage());
            return refusal.status;
        } catch (RuntimeException | GeneralSecurityException e) {
            refused.add(endpoint + ": " + e);
            return 400;
        }
    }

    /** RFC 8292: {@code vapid t=<JWT>, k=<key>}; returns the token's contact ({@code sub}). */
    private static String verifyVapid(String authorization, String endpoint, Registration registration)
            throws GeneralSecurityException {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new Refusal(401, "no VAPID Authorization header: " + authorization);
        }
        Map<String, String> parameters = new HashMap<>();
        for (String parameter : authorization.substring("vapid ".length()).split(",")) {
            String[] nameAndValue = parameter.trim().split("=", 2);
            parameters.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
        }
        String key = parameters.get("k");
        String[] token = String.valueOf(parameters.get("t")).split("\\.");
        if (key == null || token.length != 3) {
            throw new Refusal(401, "the VAPID header has no token t or key k: " + authorization);
        }
        if (!key.equals(registration.applicationServerKey())) {
            throw new Refusal(403, "signed with another key than the subscription's application server key");
        }
        JsonNode header = json(token[0]);
        if (!"ES256".equals(header.path("alg").asText())) {
            throw new Refusal(401, "the token's alg is " + header.path("alg") + ", not ES256");
        }
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(P256.publicKey(P256.fromBase64url(key)));
        verifier.update((token[0] + "." + token[1]).getBytes(StandardCharsets.US_ASCII));
        if (!verifier.verify(P256.fromBase64url(token[2]))) {
            throw new Refusal(401, "the token's ES256 signature does not verify with k");
        }
        JsonNode claims = json(token[1]);
        URI target = URI.create(endpoint);
        String origin = target.getScheme() + "://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort());
        if (!origin.equals(claims.path("aud").asText())) {
            throw new Refusal(401, "the token's aud is " + claims.path("aud") + ", not the endpoint's origin " + origin);
        }
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
        Instant now = Instant.now();
        if (!expires.isAfter(now) || expires.isAfter(now.plus(LONGEST_TOKEN))) {
            throw new Refusal(401, "the token expires at " + expires + ": not within the next 24 hours");
        }
        String contact = claims.path("sub").asText("");
        if (!contact.startsWith("mailto:") && !contact.startsWith("https:")) {
            throw new Refusal(401, "the token's sub is '" + contact + "', not a mailto: or https: contact");
        }
        return contact;
    }

    /**
     * RFC 8291 as the browser does it: the header's salt, record size and the sender's key (RFC 8188), a shared secret
     * by ECDH with the subscription's private key, mixed with its auth secret (HKDF), the content key and nonce from
     * that, and the one record opened with AES-128-GCM, its padding delimiter removed.
     */
    private static byte[] decrypt(byte[] body, Registration registration) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] senderKey = new byte[in.get() & 0xff];
        in.get(senderKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (ciphertext.length > recordSize) {
            throw new Refusal(400, "more than one record: this push service takes a message of one");
        }
        byte[] receiverKey = P256.uncompressed((ECPublicKey) registration.keys().getPublic());

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(registration.keys().getPrivate());
        agreement.doPhase(P256.publicKey(senderKey), true);
        byte[] ecdhSecret = agreement.generateSecret();
        byte[] keyPrk = hmac(registration.auth(), ecdhSecret);
        byte[] ikm = hmac(keyPrk, concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), receiverKey, senderKey,
                new byte[] {1}));
        byte[] prk = hmac(salt, ikm);
        byte[] contentKey = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(
                StandardCharsets.US_ASCII), new byte[] {1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                new byte[] {1})), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new Refusal(400, "the record does not end with the last record's delimiter 0x02");
        }
        return Arrays.copyOf(padded, end);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static JsonNode json(String base64url) {
        try {
            return JSON.readTree(P256.fromBase64url(base64url));
        } catch (IOException e) {
            throw new Refusal(401, "a token part is not JSON: " + e.getMessage());
        }
    }

    private static final class Refusal extends RuntimeException {
        private final int status;

        Refusal(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
