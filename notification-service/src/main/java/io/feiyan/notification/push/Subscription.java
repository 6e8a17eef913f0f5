package io.feiyan.notification.push;

/**
 * A browser's Web Push subscription, as its {@code PushSubscription.toJSON()} gives it: the push service's endpoint,
 * and the keys a message to it is encrypted for (base64url: the browser's P-256 public key and its auth secret).
 */
public record Subscription(String endpoint, String p256dh, String auth) {
}
