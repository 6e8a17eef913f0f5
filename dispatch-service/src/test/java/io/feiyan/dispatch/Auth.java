package io.feiyan.dispatch;

import static io.restassured.RestAssured.given;

import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestTokens;
import io.restassured.specification.RequestSpecification;

/** Requests as a user of a role, with a token signed by the key the service under test trusts. */
final class Auth {
    static final String COUNTY = "371322";

    private Auth() {
    }

    /** The county centre's operator, whose region holds every village of the county. */
    static RequestSpecification countyCentre() {
        return operator("OP-county-centre", COUNTY);
    }

    /** An operator of a village station, town institute or county centre: the region's code. */
    static RequestSpecification operator(String id, String region) {
        return as(Identity.operator(id, region));
    }

    static RequestSpecification as(Identity who) {
        return given().auth().oauth2(TestTokens.of(who));
    }
}
