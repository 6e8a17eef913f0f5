package io.feiyan.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.feiyan.servers.Folders;
import io.feiyan.servers.Identity;
import io.feiyan.servers.Tokens;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.FeiyanTestResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Bearer tokens are verified by signature before anything else (every service shares this code). */
@FeiyanTest
class CallerTests {
    @ConfigProperty(name = FeiyanTestResource.TOKEN_KEYS)
    Path keys;

    @Test
    void givenAValidToken_thenTheServiceKnowsWhoCallsAndWhere() {
        UUID registered = UUID.randomUUID();
        String token = Tokens.in(keys).sign(Identity.volunteer("V-zhao-li", "371322206201").registeredAs(registered),
                Duration.ofMinutes(5));

        given().auth().oauth2(token).get("/api/me").then().statusCode(200)
                .body("id", equalTo("V-zhao-li"))
                .body("roles", contains("volunteer"))
                .body("region", equalTo("371322206201"))
                .body("volunteer", equalTo(registered.toString()));
    }

    @Test
    void aTokenFromAnotherIssuer_orUnsigned_isRefusedWithAProblem() {
        Identity admin = Identity.admin("mallory");
        given().auth().oauth2(Tokens.in(keys).sign("https://keycloak.example.org/realms/other", admin,
                Duration.ofMinutes(5))).get("/api/me").then().statusCode(401);

        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String unsigned = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(("{\"iss\":\"" + Tokens.ISSUER + "\",\"upn\":\"mallory\",\"groups\":[\"admin\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 300) + "}").getBytes(StandardCharsets.UTF_8)) + ".";
        given().auth().oauth2(unsigned).get("/api/me").then().statusCode(401);
        given().auth().oauth2(unsigned).get("/api/follow-ups").then().statusCode(401)
                .contentType("application/problem+json");
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
