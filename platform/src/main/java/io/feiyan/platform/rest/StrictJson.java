package io.feiyan.platform.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Request bodies are read strictly: a field the request does not have is refused (400, naming it), not
 * silently dropped, so a misspelt field never passes for a missing one. Events are read leniently
 * elsewhere, so that a consumer keeps working when a producer adds a field.
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {
    private final ObjectMapper strict;

    StrictJson(ObjectMapper json) {
        this.strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
