package io.feiyan.intake;

import static io.restassured.RestAssured.given;

import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestTokens;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Requests as a user of a role, with a token signed by the key the service under test trusts. */
final class Auth {
    /** The 飞燕 volunteer of Changbuling who places most of the tests' orders. */
    static final String VOLUNTEER = "V-3713-0042";

    private Auth() {
    }

    static RequestSpecification as(Identity who) {
        return given().auth().oauth2(TestTokens.of(who));
    }

    static RequestSpecification volunteer() {
        return as(Identity.volunteer(VOLUNTEER, Fixtures.CHANGBULING));
    }

    static RequestSpecification volunteerOf(String village) {
        return as(Identity.volunteer("V-of-" + village, village));
    }

    static RequestSpecification operatorOf(String region) {
        return as(Identity.operator("OP-of-" + region, region));
    }

    static RequestSpecification resident(UUID resident) {
        return as(Identity.resident(resident));
    }
}
