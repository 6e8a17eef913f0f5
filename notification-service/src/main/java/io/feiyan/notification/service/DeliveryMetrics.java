package io.feiyan.notification.service;

import io.feiyan.notification.domain.NotificationChannel;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What became of the notifications, per channel, as metrics ({@code feiyan_notifications_total{channel, outcome}}):
 * sent, failed (a passing failure, tried again), gave-up, unreachable (no live address), repeated (sent again after a
 * crash between sending and recording).
 */
@ApplicationScoped
public class DeliveryMetrics {
    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(NotificationChannel channel) {
        count(channel, "sent");
    }

    void failed(NotificationChannel channel) {
        count(channel, "failed");
    }

    void gaveUp(NotificationChannel channel) {
        count(channel, "gave-up");
    }

    void unreachable(NotificationChannel channel) {
        count(channel, "unreachable");
    }

    void repeated(NotificationChannel channel) {
        count(channel, "repeated");
    }

    private void count(NotificationChannel channel, String outcome) {
        registry.counter("feiyan.notifications", "channel", channel.name(), "outcome", outcome).increment();
    }
}
