package io.feiyan.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void everyEventHasItsOwnTopicTypeAndSchema() {
        for (EventType type : EventType.values()) {
            assertNotNull(getClass().getClassLoader().getResource(type.schemaResource()), type.schemaResource());
            assertEquals(type, EventType.byCeType(type.ceType()).orElseThrow());
            assertEquals(type, EventType.of(type.javaType()));
        }
        Set<String> topics = Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet());
        assertEquals(EventType.values().length, topics.size(), "one topic per event type");
    }

    @Test
    void referenceDataIsCompactedAndOrderEventsAreNot() {
        assertTrue(EventType.TEAM_UPDATED.compacted());
        assertTrue(EventType.PROJECT_UPDATED.compacted());
        assertFalse(EventType.ORDER_PLACED.compacted());
    }
}
