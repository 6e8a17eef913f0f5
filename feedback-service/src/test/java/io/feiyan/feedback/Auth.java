package io.feiyan.feedback;

import static io.restassured.RestAssured.given;

import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestTokens;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Requests as a user of a role, with a token signed by the key the service under test trusts. */
final class Auth {
    private Auth() {
    }

    static RequestSpecification as(Identity who) {
        return given().auth().oauth2(TestTokens.of(who));
    }

    static RequestSpecification asVolunteerOf(String village) {
        return as(Identity.volunteer("V-of-" + village, village));
    }

    static RequestSpecification asResident(UUID resident) {
        return as(Identity.resident(resident));
    }

    static RequestSpecification asAnalyst() {
        return as(Identity.analyst("A-1"));
    }

    static RequestSpecification asAdmin() {
        return as(Identity.admin("ADM-1"));
    }

}
