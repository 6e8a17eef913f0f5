package io.feiyan.team;

import static io.restassured.RestAssured.given;

import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestTokens;
import io.restassured.specification.RequestSpecification;

/** Requests as a user of a role, with a token signed by the key the service under test trusts. */
final class Auth {
    private Auth() {
    }

    /** The lead of the team, who accepts, declines and completes its assignments. */
    static RequestSpecification lead(String team) {
        return given().auth().oauth2(TestTokens.of(Identity.teamLead("L-" + team, team)));
    }

    static RequestSpecification asMemberOf(String team) {
        return given().auth().oauth2(TestTokens.of(Identity.teamMember("M-" + team, team)));
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.of(Identity.admin("ADM-1")));
    }

    /** An operator of the station, institute or centre of that village, town or county. */
    static RequestSpecification asOperatorOf(String region) {
        return given().auth().oauth2(TestTokens.of(Identity.operator("OP-" + region, region)));
    }

    /** A village volunteer (飞燕) of that village. */
    static RequestSpecification asVolunteerOf(String village) {
        return given().auth().oauth2(TestTokens.of(Identity.volunteer("V-" + village, village)));
    }

    static RequestSpecification asAnalyst() {
        return given().auth().oauth2(TestTokens.of(Identity.analyst("AN-1")));
    }
}
