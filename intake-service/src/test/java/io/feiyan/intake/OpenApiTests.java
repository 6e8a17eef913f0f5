package io.feiyan.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.testkit.FeiyanTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@FeiyanTest
class OpenApiTests {

    @Test
    void everyEndpointIsDocumentedAndEveryBodyHasAnExample() throws Exception {
        JsonNode openApi = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode paths = openApi.get("paths");
        for (String path : List.of("/api/orders", "/api/orders/{id}", "/api/orders/{id}/cancel", "/api/residents",
                "/api/residents/{id}", "/api/menu", "/open311/v2/services.{format}",
                "/open311/v2/services/{code}.{format}", "/open311/v2/requests.{format}",
                "/open311/v2/requests/{id}.{format}")) {
            assertNotNull(paths.get(path), path + " is documented");
            paths.get(path).fields().forEachRemaining(operation -> {
                assertNotNull(operation.getValue().get("summary"), operation.getKey() + " " + path + " has a summary");
                JsonNode body = operation.getValue().path("requestBody").path("content");
                body.fields().forEachRemaining(media -> {
                    boolean exampled = media.getValue().has("examples") || media.getValue().has("example")
                            || media.getValue().path("schema").path("properties").findValues("example").size() > 0;
                    assertTrue(exampled || media.getKey().contains("form"),
                            operation.getKey() + " " + path + " shows an example body");
                });
            });
        }
        assertFalse(paths.get("/api/orders").get("post").path("requestBody").path("content").isEmpty());
    }

    @Test
    void theRequestsConstraintsShowAsTheSchemasLimits() throws Exception {
        JsonNode schemas = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString()).path("components").path("schemas");
        JsonNode resident = schemas.path("RegisterResident");
        assertEquals(100, resident.path("properties").path("name").path("maxLength").asInt(), resident.toString());
        assertEquals(List.of("name", "phone", "idNumber", "villageCode"), names(resident.path("required")));
        JsonNode guardian = schemas.path("Guardian");
        assertEquals(40, guardian.path("properties").path("relation").path("maxLength").asInt(), guardian.toString());
        assertEquals(4000, schemas.path("PlaceOrder").path("properties").path("description").path("maxLength").asInt());
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new java.util.ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
