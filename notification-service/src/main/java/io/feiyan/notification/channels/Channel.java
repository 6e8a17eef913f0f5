package io.feiyan.notification.channels;

import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Recipient;

/**
 * One way of telling people: Web Push, SMS, the WeChat account. The delivery log (service/Deliveries) calls
 * {@link #send} once per notification, recipient and channel, and records the outcome; a channel keeps its recipients'
 * addresses (or reads them where they live) and drops an address its server says is dead.
 */
public interface Channel {
    NotificationChannel name();

    /** Whether the recipient has an address on this channel at all (a push subscription, a bound WeChat account). */
    boolean reaches(Recipient recipient);

    /** Sends the message to every address the recipient has on this channel. Never throws for a failed send. */
    Outcome send(Recipient recipient, Message message);
}
