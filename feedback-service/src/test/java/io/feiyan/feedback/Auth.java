package io.feiyan.feedback;

import io.feiyan.embedded.FeiyanTestResource;
import io.feiyan.embedded.Tokens;
import io.feiyan.embedded.Tokens.Identity;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

import static io.restassured.RestAssured.given;

/** Requests as a user of a role, with a token signed by the key the service under test trusts. */
final class Auth {
    private Auth() {
    }

    static RequestSpecification as(Identity who) {
        return given().auth().oauth2(token(who));
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

    static String token(Identity who) {
        Path keys = Path.of(ConfigProvider.getConfig().getValue(FeiyanTestResource.TOKEN_KEYS, String.class));
        return Tokens.in(keys).sign(who, Duration.ofMinutes(10));
    }
}
