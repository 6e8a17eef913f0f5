package io.feiyan.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.feiyan.events.EventType;
import io.feiyan.testkit.EventProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Checks a published payload against its JSON Schema, the contract analytics consumers rely on. */
final class Contracts {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Contracts() {
    }

    static void assertMatchesSchema(EventType type, String payload) {
        try (InputStream schema = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            JsonSchema contract = FACTORY.getSchema(schema);
            Set<ValidationMessage> violations = contract.validate(EventProbe.JSON.readTree(payload));
            assertEquals(Set.of(), violations, type.ceType() + " payload breaks its schema: " + payload);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + payload, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
