package io.feiyan.system;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.feiyan.events.EventType;
import org.junit.jupiter.api.Test;

class ContractsTest {

    @Test
    void aPayloadThatMatchesItsSchemaPasses() {
        Contracts.assertMatchesSchema(EventType.ORDER_RATED,
                "{\"orderId\":\"5f0c8a52-2f5e-4d7e-9b59-6f1d3c2a7e10\",\"score\":4,\"ratedAt\":\"2026-11-28T10:00:00Z\"}");
    }

    @Test
    void aPayloadWithAMissingFieldAnOutOfRangeScoreOrAnExtraFieldFails() {
        assertThrows(AssertionError.class, () -> Contracts.assertMatchesSchema(EventType.ORDER_RATED,
                "{\"score\":4,\"ratedAt\":\"2026-11-28T10:00:00Z\"}"));
        assertThrows(AssertionError.class, () -> Contracts.assertMatchesSchema(EventType.ORDER_RATED,
                "{\"orderId\":\"5f0c8a52-2f5e-4d7e-9b59-6f1d3c2a7e10\",\"score\":6,\"ratedAt\":\"2026-11-28T10:00:00Z\"}"));
        assertThrows(AssertionError.class, () -> Contracts.assertMatchesSchema(EventType.ORDER_RATED,
                "{\"orderId\":\"5f0c8a52-2f5e-4d7e-9b59-6f1d3c2a7e10\",\"score\":4,\"ratedAt\":\"2026-11-28T10:00:00Z\","
                        + "\"residentName\":\"Wu\"}"));
    }
}
