package io.feiyan.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.feiyan.servers.Folders;
import io.feiyan.servers.Identity;
import io.feiyan.servers.Tokens;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.FeiyanTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Bearer tokens are verified by signature before anything else (every service shares this code). */
@FeiyanTest
class CallerTests {
    @ConfigProperty(name = FeiyanTestResource.TOKEN_KEYS)
    Path keys;

    @Test
    void givenAValidToken_thenTheServiceKnowsWhoCallsAndWhere() {
        String token = Tokens.in(keys).sign(Identity.volunteer("V-zhao-li", "371322206201"), Duration.ofMinutes(5));

        given().auth().oauth2(token).get("/api/me").then().statusCode(200)
                .body("id", equalTo("V-zhao-li"))
                .body("roles", contains("volunteer"))
                .body("region", equalTo("371322206201"));
    }

    @Test
    void withoutAToken_orWithOneSignedByAnotherKey_orExpired_theCallerIsUnknown() throws Exception {
        given().get("/api/me").then().statusCode(401);

        Path strangerKeys = Files.createTempDirectory("stranger-keys");
        try {
            Tokens stranger = Tokens.in(strangerKeys);
            given().auth().oauth2(stranger.sign(Identity.admin("mallory"), Duration.ofMinutes(5)))
                    .get("/api/me").then().statusCode(401);
        } finally {
            Folders.deleteQuietly(strangerKeys);
        }

        given().auth().oauth2(Tokens.in(keys).sign(Identity.admin("old"), Duration.ofMinutes(-10)))
                .get("/api/me").then().statusCode(401);
    }

    @Test
    void healthAndTheEventContractsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/contracts/asyncapi.yaml").then().statusCode(200);
    }
}
