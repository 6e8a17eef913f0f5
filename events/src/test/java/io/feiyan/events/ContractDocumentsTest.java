package io.feiyan.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The JSON Schemas and the AsyncAPI document describe exactly the events the Java types define. */
class ContractDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachSchemaHasExactlyTheFieldsOfItsRecord() throws IOException {
        for (EventType type : EventType.values()) {
            Set<String> recordFields = Arrays.stream(type.javaType().getRecordComponents())
                    .map(component -> component.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            JsonNode schema = read(type.schemaResource());
            Set<String> schemaFields = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);

            assertEquals(recordFields, schemaFields, type.schemaResource());
            assertFalse(schema.get("additionalProperties").asBoolean(), type.schemaResource());
        }
    }

    @Test
    void theAsyncApiDocumentNamesEveryTopicWithItsSchema() throws IOException {
        String asyncApi;
        try (InputStream in = resource("contracts/asyncapi.yaml")) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (EventType type : EventType.values()) {
            String schemaFile = type.schemaResource().substring("contracts/".length());
            assertTrue(asyncApi.contains("address: " + type.topic()), type.topic());
            assertTrue(asyncApi.contains("$ref: './" + schemaFile + "'"), schemaFile);
        }
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return JSON.readTree(in);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ContractDocumentsTest.class.getClassLoader().getResourceAsStream(name);
        assertTrue(in != null, name + " is on the classpath");
        return in;
    }
}
