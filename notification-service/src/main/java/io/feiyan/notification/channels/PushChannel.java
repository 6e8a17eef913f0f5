package io.feiyan.notification.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zerodeplibs.webpush.PushSubscription;
import com.zerodeplibs.webpush.httpclient.PreparerBuilder;
import com.zerodeplibs.webpush.httpclient.StandardHttpClientRequestPreparer;
import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Recipient;
import io.feiyan.notification.push.PushSettings;
import io.feiyan.notification.push.PushSubscriptions;
import io.feiyan.notification.push.Subscription;
import io.feiyan.notification.push.VapidKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Web Push to the app (W3C Push API): each message POSTed to the push service of every browser the person subscribed
 * in (RFC 8030), encrypted for that browser (RFC 8291, aes128gcm) and signed as this server (RFC 8292, VAPID), by the
 * zerodep-web-push-java library over java.net.http. Reaches people who sign in; residents are told by SMS and WeChat.
 */
@ApplicationScoped
public class PushChannel implements Channel {
    private static final Logger LOG = Logger.getLogger(PushChannel.class);
    /** A VAPID token lives this long: well within the 24 hours push services accept. */
    private static final int TOKEN_HOURS = 12;

    private final PushSubscriptions subscriptions;
    private final VapidKeys keys;
    private final PushSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;

    PushChannel(PushSubscriptions subscriptions, VapidKeys keys, PushSettings settings, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public NotificationChannel name() {
        return NotificationChannel.PUSH;
    }

    @Override
    public boolean reaches(Recipient recipient) {
        return !recipient.isResident() && subscriptions.any(recipient.feiyanId());
    }

    /**
     * Sent when at least one of the person's browsers has it (the person is told; sending again would repeat it on
     * that one); else failed when a push service failed for a passing reason (tried again later); else unreachable:
     * no subscription, or every one gone (dropped and reported).
     */
    @Override
    public Outcome send(Recipient recipient, Message message) {
        if (recipient.isResident()) {
            return new Outcome.Unreachable("residents have no push subscription");
        }
        byte[] payload = payload(message);
        List<String> failures = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        boolean sent = false;
        for (Subscription subscription : subscriptions.of(recipient.feiyanId())) {
            Attempt attempt = sendTo(subscription, payload, message);
            switch (attempt.result()) {
                case TAKEN -> sent = true;
                case GONE -> {
                    subscriptions.dropDead(recipient, subscription.endpoint(), attempt.reason());
                    gone.add(attempt.reason());
                }
                case FAILED -> failures.add(attempt.reason());
            }
        }
        if (sent) {
            return Outcome.sent();
        }
        if (!failures.isEmpty()) {
            return new Outcome.Failed(String.join("; ", failures));
        }
        return new Outcome.Unreachable(gone.isEmpty() ? "no push subscription" : String.join("; ", gone));
    }

    /** What one push service made of one message: taken, the subscription gone, or a passing failure. */
    private record Attempt(Result result, String reason) {
        enum Result { TAKEN, GONE, FAILED }
    }

    private Attempt sendTo(Subscription subscription, byte[] payload, Message message) {
        HttpRequest request;
        try {
            PreparerBuilder<StandardHttpClientRequestPreparer> builder = StandardHttpClientRequestPreparer.getBuilder()
                    .pushSubscription(subscription(subscription))
                    .vapidJWTExpiresAfter(TOKEN_HOURS, TimeUnit.HOURS)
                    .vapidJWTSubject(settings.vapid().subject())
                    .pushMessage(payload)
                    .ttl(settings.ttl().toSeconds(), TimeUnit.SECONDS)
                    .topic(topic(message.id()));
            // a critical case wakes a phone that saves its battery
            request = (message.critical() ? builder.urgencyHigh() : builder.urgencyNormal()).build(keys.pair())
                    .toRequestBuilder().timeout(settings.timeout()).build();
        } catch (RuntimeException e) {
            // keys no message can be encrypted for, or an endpoint that is no URL: no send will ever work
            return new Attempt(Attempt.Result.GONE, "cannot encrypt for the subscription: " + e.getMessage());
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(Attempt.Result.TAKEN, null);
            }
            String said = "push service answered " + status + " " + abbreviated(response.body());
            if (status == 404 || status == 410) {
                LOG.infof("push subscription gone (%d): %s", status, origin(subscription.endpoint()));
                return new Attempt(Attempt.Result.GONE, said);
            }
            // throttled (429), the push service away (5xx), or a refusal of this message (4xx): tried again later
            return new Attempt(Attempt.Result.FAILED, said);
        } catch (IOException e) {
            return new Attempt(Attempt.Result.FAILED, "push service unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(Attempt.Result.FAILED, "interrupted while sending");
        }
    }

    private byte[] payload(Message message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", message.title());
        body.put("text", message.text());
        body.put("link", message.link());
        body.put("orderId", message.orderId());
        body.put("kind", message.kind());
        body.put("critical", message.critical());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The message's id as a Topic (base64url, at most 32 characters: a UUID's 16 bytes make 22): a push service keeps
     * only the latest message of a topic for a phone that is off, so a send repeated after a crash replaces the first.
     */
    static String topic(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static PushSubscription subscription(Subscription subscription) {
        PushSubscription.Keys keys = new PushSubscription.Keys();
        keys.setP256dh(subscription.p256dh());
        keys.setAuth(subscription.auth());
        PushSubscription target = new PushSubscription();
        target.setEndpoint(subscription.endpoint());
        target.setKeys(keys);
        return target;
    }

    /** Where a subscription's push service is, for the log: the endpoint itself is the browser's address. */
    private static String origin(String endpoint) {
        int path = endpoint.indexOf('/', endpoint.indexOf("//") + 2);
        return path < 0 ? endpoint : endpoint.substring(0, path);
    }

    private static String abbreviated(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
