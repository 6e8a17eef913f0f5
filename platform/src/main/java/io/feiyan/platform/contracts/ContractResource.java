package io.feiyan.platform.contracts;

import io.feiyan.events.EventType;
import io.feiyan.platform.domain.NotFound;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The event contracts for analytics consumers, served by every service: {@code /contracts/asyncapi.yaml}
 * and the JSON Schema of each event, e.g. {@code /contracts/order.placed.v1.schema.json}. The AsyncAPI
 * document refers to the schemas by relative paths, so a consumer can start from its URL alone.
 */
@Path("/contracts")
@PermitAll
public class ContractResource {
    public static final String ASYNCAPI = "asyncapi.yaml";
    private static final String FOLDER = "contracts/";
    private static final List<String> DOCUMENTS = Stream.concat(Stream.of(ASYNCAPI),
            Arrays.stream(EventType.values()).map(type -> type.schemaResource().substring(FOLDER.length()))).toList();

    @GET
    public List<String> index() {
        return DOCUMENTS;
    }

    @GET
    @Path("/{document}")
    public Response document(@PathParam("document") String document) {
        if (!DOCUMENTS.contains(document)) {
            throw new NotFound("contract document", document);
        }
        InputStream content = EventType.class.getClassLoader().getResourceAsStream(FOLDER + document);
        String type = document.endsWith(".yaml") ? "application/yaml" : "application/schema+json";
        return Response.ok(content, type + ";charset=UTF-8").build();
    }
}
