package io.feiyan.intake;

import static io.feiyan.intake.Fixtures.CHANGBULING;
import static io.feiyan.intake.Fixtures.WAIT;
import static io.feiyan.intake.Fixtures.registerResident;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.Tier;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

@FeiyanTest
class Open311Tests {
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectEventProbe
    EventProbe probe;

    @BeforeEach
    void givenTheCatalogue() {
        Fixtures.givenTheCatalogue(probe);
    }

    @Test
    void theServiceListIsTheCatalogueAndOther_validAgainstTheGeoReportSchema() throws Exception {
        Response services = given().get("/open311/v2/services.json");
        services.then().statusCode(200)
                .body("service_code", hasItem("culture-opera"))
                .body("service_code", hasItem("other"))
                .body("find { it.service_code == 'culture-opera' }.group", equalTo("CULTURE"))
                .body("find { it.service_code == 'culture-opera' }.keywords", equalTo("EMPTY_NEST_ELDERLY"));
        assertValid("services.json", services.asString());

        Document xml = xml(given().get("/open311/v2/services.xml").then().statusCode(200)
                .contentType(startsWith("application/xml")).extract().asString());
        assertEquals("services", xml.getDocumentElement().getTagName());
        assertTrue(xml.getElementsByTagName("service").getLength() >= 2);
        assertEquals("culture-opera", xml.getElementsByTagName("service_code").item(0).getTextContent());
    }

    @Test
    void aServiceDefinitionListsItsAttributes_andOtherAsksForTheCategory() throws Exception {
        Response definition = given().get("/open311/v2/services/other.json");
        definition.then().statusCode(200)
                .body("attributes.code", hasItem("category"))
                .body("attributes.find { it.code == 'category' }.required", equalTo(true))
                .body("attributes.find { it.code == 'category' }.values.key", hasItem("CULTURE"));
        assertValid("service-definition.json", definition.asString());
        assertValid("service-definition.json", given().get("/open311/v2/services/culture-opera.json").asString());

        Document xml = xml(given().get("/open311/v2/services/other.xml").asString());
        assertEquals("service_definition", xml.getDocumentElement().getTagName());
        assertEquals("category", xml.getElementsByTagName("code").item(0).getTextContent());

        given().get("/open311/v2/services/no-such-service.json").then().statusCode(404)
                .body("[0].code", equalTo(404))
                .body("[0].description", equalTo("there is no service no-such-service"));
    }

    @Test
    void givenARequestPostedTheOpen311Way_thenItIsAnOrderThatReadsBackAsAValidRequest() throws Exception {
        UUID resident = registerResident(CHANGBULING);
        String id = Auth.resident(resident).formParam("service_code", "culture-opera").formParam("account_id", resident.toString())
                .formParam("description", "Opera for the elderly of the village").formParam("attribute[urgency]", "URGENT")
                .post("/open311/v2/requests.json")
                .then().statusCode(201)
                .body("[0].account_id", equalTo(resident.toString()))
                .extract().path("[0].service_request_id");

        Response request = Auth.resident(resident).get("/open311/v2/requests/{id}.json", id);
        request.then().statusCode(200)
                .body("[0].status", equalTo("open"))
                .body("[0].service_code", equalTo("culture-opera"))
                .body("[0].service_name", equalTo("Peking opera"))
                .body("[0].address_id", equalTo(CHANGBULING))
                .body("[0].description", equalTo("Opera for the elderly of the village"))
                .body("[0].status_notes", equalTo("Placed by the resident in the app"));
        assertValid("requests.json", request.asString());
        Auth.resident(resident).get("/api/orders/{id}", id).then().body("urgency", equalTo("URGENT")).body("channel", equalTo("APP"));

        // dispatch sends it to a team: the team becomes the agency responsible, its deadline the expected time
        Instant now = Instant.now().plusSeconds(1);
        probe.publish(new OrderAssigned(UUID.fromString(id), "art-light-cavalry", Tier.COUNTY, "culture-opera",
                now.plus(Duration.ofHours(2)), now.plus(Duration.ofDays(1)), null, null, now));
        await().atMost(WAIT).untilAsserted(() -> Auth.resident(resident).get("/open311/v2/requests/{id}.json", id)
                .then().body("[0].agency_responsible", equalTo("文艺轻骑兵")));
        assertValid("requests.json", Auth.resident(resident).get("/open311/v2/requests/{id}.json", id).asString());

        Document xml = xml(Auth.resident(resident).get("/open311/v2/requests/{id}.xml", id).asString());
        assertEquals("service_requests", xml.getDocumentElement().getTagName());
        assertEquals(id, xml.getElementsByTagName("service_request_id").item(0).getTextContent());
        assertEquals("文艺轻骑兵", xml.getElementsByTagName("agency_responsible").item(0).getTextContent());
    }

    @Test
    void requestsAreFilteredByIdServiceCodeStatusAndDate() throws Exception {
        UUID resident = registerResident(CHANGBULING);
        String id = Auth.resident(resident).formParam("service_code", "other")
                .formParam("attribute[category]", "DAILY_LIFE").formParam("description", "The roof leaks")
                .post("/open311/v2/requests.json").then().statusCode(201).extract().path("[0].service_request_id");

        Auth.volunteerOf("371322107202").queryParam("service_code", "other").get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", not(hasItem(id)));
        Response open = Auth.volunteer().queryParam("service_code", "other").queryParam("status", "open")
                .get("/open311/v2/requests.json");
        open.then().statusCode(200).body("service_request_id", hasItem(id))
                .body("find { it.service_request_id == '" + id + "' }.service_name", equalTo("Something else (DAILY_LIFE)"));
        assertValid("requests.json", open.asString());
        Auth.resident(resident).queryParam("status", "closed").get("/open311/v2/requests.json")
                .then().body("service_request_id", not(hasItem(id)));
        Auth.resident(resident).queryParam("service_request_id", id).get("/open311/v2/requests.json")
                .then().body("service_request_id", equalTo(List.of(id)));
        Auth.resident(resident).queryParam("end_date", "2020-01-01T00:00:00+08:00").get("/open311/v2/requests.json")
                .then().body("service_request_id", not(hasItem(id)));
        Auth.resident(resident).queryParam("start_date", "yesterday").get("/open311/v2/requests.json")
                .then().statusCode(400).body("[0].description", startsWith("start_date: is an ISO 8601 time"));
    }

    @Test
    void badRequestsGetTheOpen311ErrorFormat_inJsonAndInXml() throws Exception {
        UUID resident = registerResident(CHANGBULING);
        Auth.resident(resident).formParam("service_code", "culture-opera").formParam("account_id", "grandma")
                .post("/open311/v2/requests.json")
                .then().statusCode(400)
                .body("[0].code", equalTo(400))
                .body("[0].description", equalTo("account_id: is not a known id"));
        Auth.resident(resident).formParam("service_code", "culture-opera")
                .formParam("account_id", registerResident(CHANGBULING).toString())
                .post("/open311/v2/requests.json")
                .then().statusCode(403)
                .body("[0].code", equalTo(403));

        Document xml = xml(Auth.resident(resident).formParam("service_code", "no-such-service")
                .post("/open311/v2/requests.xml").then().statusCode(422).extract().asString());
        assertEquals("errors", xml.getDocumentElement().getTagName());
        assertEquals("422", xml.getElementsByTagName("code").item(0).getTextContent());
        assertEquals("the catalogue has no active project no-such-service (projectCode)",
                xml.getElementsByTagName("description").item(0).getTextContent());
        Auth.volunteer().get("/open311/v2/requests/{id}.json", UUID.randomUUID()).then().statusCode(404)
                .body("[0].code", equalTo(404));
    }

    @Test
    void theSchemasHereAreGeoReportV2Schemas_eachRequiringTheFieldsTheSpecRequires() throws Exception {
        Map<String, List<String>> required = Map.of(
                "service.json", List.of("service_code", "service_name", "metadata", "type"),
                "service-definition.json", List.of("service_code", "attributes"),
                "request.json", List.of("service_request_id", "status", "service_code", "requested_datetime"));
        for (var schema : required.entrySet()) {
            JsonNode declared = schemaText(schema.getKey());
            SCHEMAS.getSchema(SchemaLocation.of("classpath:open311-georeport-v2/" + schema.getKey())).initializeValidators();
            for (String field : schema.getValue()) {
                assertTrue(JSON.convertValue(declared.path("required"), List.class).contains(field),
                        schema.getKey() + " requires " + field);
                assertTrue(declared.path("properties").has(field), schema.getKey() + " describes " + field);
            }
        }
        assertEquals(List.of("variable", "code", "datatype", "required"), JSON.convertValue(
                schemaText("service-definition.json").at("/properties/attributes/items/required"), List.class));
        for (String list : new String[] {"services.json", "requests.json"}) {
            JsonNode declared = schemaText(list);
            SCHEMAS.getSchema(SchemaLocation.of("classpath:open311-georeport-v2/" + list)).initializeValidators();
            assertEquals("array", declared.path("type").asText(), list);
            assertEquals(list.replace("s.json", ".json"), declared.at("/items/$ref").asText(), list);
        }
    }

    private JsonNode schemaText(String schema) throws Exception {
        try (var text = getClass().getClassLoader().getResourceAsStream("open311-georeport-v2/" + schema)) {
            return JSON.readTree(text);
        }
    }

    @Test
    void theSchemaCheckItselfCatchesARequestThatBreaksTheSpec() {
        String pending = "[{\"service_request_id\":\"1\",\"status\":\"pending\",\"service_code\":\"x\","
                + "\"requested_datetime\":\"2026-11-28T10:00:00+08:00\"}]";
        assertThrows(AssertionError.class, () -> assertValid("requests.json", pending));
    }

    private static void assertValid(String schema, String json) throws Exception {
        JsonSchema contract = SCHEMAS.getSchema(SchemaLocation.of("classpath:open311-georeport-v2/" + schema));
        Set<ValidationMessage> violations = contract.validate(JSON.readTree(json));
        assertEquals(Set.of(), violations, json);
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
