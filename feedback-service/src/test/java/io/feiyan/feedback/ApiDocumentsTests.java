package io.feiyan.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.testkit.FeiyanTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What analysts read: the rates defined in the API docs, and the event contracts served over HTTP. */
@FeiyanTest
class ApiDocumentsTests {

    @Test
    void theApiDocsDefineEachRateAndWhichMonthItCountsIn() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/metrics/rates'.get.description", containsString(
                        "**responseRate** = `acceptedInTime` ÷ `assigned`"))
                .body("paths.'/api/metrics/rates'.get.description", containsString(
                        "**resolutionRate** = `resolved` ÷ `approved`"))
                .body("paths.'/api/metrics/rates'.get.description", containsString(
                        "**satisfactionRate** = `satisfied` ÷ `rated`"))
                .body("paths.'/api/metrics/rates'.get.description", containsString("Counted in the month of approval"));
    }

    @Test
    void theAsyncApiDocumentAndEverySchemaItPointsToAreServed() {
        given().get("/contracts").then().statusCode(200)
                .body("", hasItems("asyncapi.yaml", "order.placed.v1.schema.json", "order.approved.v1.schema.json"));
        String asyncApi = given().get("/contracts/asyncapi.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        for (String schema : given().get("/contracts").then().extract().<List<String>>path("")) {
            if (schema.endsWith(".schema.json")) {
                given().get("/contracts/" + schema).then().statusCode(200)
                        .contentType(startsWith("application/schema+json"))
                        .body("$id", equalTo("https://feiyan.io/contracts/" + schema));
                assertTrue(asyncApi.contains("./" + schema), schema);
            }
        }
        given().get("/contracts/secrets.txt").then().statusCode(404).contentType("application/problem+json");
    }
}
