package io.feiyan.team;

import static io.restassured.RestAssured.given;

import io.feiyan.embedded.TestTokens;
import io.feiyan.embedded.Tokens.Identity;
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
}
