package io.feiyan.intake;

import static io.feiyan.intake.Fixtures.CHANGBULING;
import static io.feiyan.intake.Fixtures.residentBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.HouseholdTag;
import io.feiyan.intake.domain.Resident;
import io.feiyan.testkit.FeiyanTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@FeiyanTest
class ResidentTests {
    private static final String CAOCUN = "371322107202";

    @Test
    void givenARegisteredResident_thenOneByIdShowsFullDetailsAndSearchesShowThemMasked() {
        Map<String, Object> body = residentBody(CAOCUN, HouseholdTag.EMPTY_NEST_ELDERLY);
        String id = Auth.volunteerOf(CAOCUN).contentType(ContentType.JSON).body(body)
                .post("/api/residents")
                .then().statusCode(201)
                .body("phone", equalTo("13805391234"))
                .body("householdTags", contains("EMPTY_NEST_ELDERLY"))
                .extract().path("residentId");

        Auth.volunteerOf(CAOCUN).get("/api/residents/{id}", id).then().statusCode(200)
                .body("idNumber", equalTo(body.get("idNumber")))
                .body("guardian.phone", equalTo("13905395678"))
                .body("masked", equalTo(false));

        String idNumber = (String) body.get("idNumber");
        Auth.volunteerOf(CAOCUN).queryParam("q", "秀英").get("/api/residents")
                .then().statusCode(200)
                .body("items.phone", everyItem(equalTo("138****1234")))
                .body("items.guardian.phone", everyItem(equalTo("139****5678")))
                .body("items.masked", everyItem(equalTo(true)))
                .body("items.find { it.residentId == '" + id + "' }.idNumber",
                        equalTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14)));
    }

    @Test
    void searchesArePaged() {
        String village = "371322107203";
        for (int i = 0; i < 3; i++) {
            Fixtures.registerResident(village);
        }
        Auth.operatorOf("371322107").queryParam("village", village).queryParam("size", 2).get("/api/residents")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("total", equalTo(3))
                .body("size", equalTo(2));
        Auth.volunteerOf(village).queryParam("size", 2).queryParam("page", 1).get("/api/residents")
                .then().body("items", hasSize(1));
        Auth.volunteerOf(village).queryParam("size", 500).get("/api/residents").then().statusCode(400).body("field", equalTo("size"));
    }

    @Test
    void givenBadDetails_thenEveryReasonIsGivenAndNothingIsWritten() {
        Map<String, Object> body = residentBody("37132220620", HouseholdTag.DISABILITY);
        body.put("phone", "12345");
        body.put("idNumber", "371322194503150021");
        long before = QuarkusTransaction.requiringNew().call(() -> Resident.count());

        Auth.operatorOf("371322").contentType(ContentType.JSON).body(body)
                .post("/api/residents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/invalid-request"))
                .body("errors.field", contains("phone", "idNumber", "villageCode"))
                .body("errors[1].reason", startsWith("is an 18-character resident ID number"));

        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Resident.count()));
    }

    @Test
    void givenABadGuardianAndNoBody_thenTheFieldsAreNamedByTheirPathInTheOrderTheRequestDeclaresThem() {
        Map<String, Object> body = residentBody(CAOCUN, HouseholdTag.DISABILITY);
        body.put("name", " ");
        body.put("villageCode", "");
        body.put("guardian", Map.of("name", "吴".repeat(101), "phone", "0539", "relation", "x".repeat(41)));

        Auth.volunteerOf(CAOCUN).contentType(ContentType.JSON).body(body)
                .post("/api/residents")
                .then().statusCode(400)
                .body("detail", equalTo("name: is required"))
                .body("field", equalTo("name"))
                .body("errors.field", contains("name", "villageCode", "villageCode", "guardian.name",
                        "guardian.phone", "guardian.relation"))
                .body("errors.reason", contains("is required", "is required", "is a 12-digit village code",
                        "is longer than 100 characters", "is an 11-digit mobile number or a landline with its area code",
                        "is longer than 40 characters"));
        Auth.volunteerOf(CAOCUN).contentType(ContentType.JSON).post("/api/residents")
                .then().statusCode(400)
                .body("detail", equalTo("body: is required"));
    }

    @Test
    void anIdNumberIsRegisteredOnce() {
        Map<String, Object> body = residentBody(CHANGBULING);
        String first = Auth.volunteer().contentType(ContentType.JSON).body(body).post("/api/residents")
                .then().statusCode(201).extract().path("residentId");

        Auth.volunteer().contentType(ContentType.JSON).body(body).post("/api/residents")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/duplicate-resident"))
                .body("residentId", equalTo(first));
    }
}
