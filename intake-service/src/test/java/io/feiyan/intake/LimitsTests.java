package io.feiyan.intake;

import static io.feiyan.intake.Fixtures.CHANGBULING;
import static io.feiyan.intake.Fixtures.proxyOrder;
import static io.feiyan.intake.Fixtures.registerResident;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A flood from one account, or one address, is refused (429, Retry-After) before it does anything. */
@FeiyanTest
@TestProfile(LimitsTests.Low.class)
class LimitsTests {
    /** Three orders a minute from an account, five from an address (the tests all come from one). */
    public static class Low implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feiyan.limits.enabled", "true", "feiyan.limits.orders.per-account", "3",
                    "feiyan.limits.orders.per-address", "5");
        }
    }

    @InjectEventProbe
    EventProbe probe;

    @BeforeEach
    void catalogue() {
        Fixtures.givenTheCatalogue(probe);
    }

    @Test
    void givenAnAccountOverItsLimit_thenItIsRefused_withoutTakingFromItsAddress_untilTheAddressIsOverItsOwn() {
        UUID resident = registerResident(CHANGBULING);
        Identity first = Identity.volunteer("V-limits-first", CHANGBULING);
        Identity second = Identity.volunteer("V-limits-second", CHANGBULING);

        for (int i = 0; i < 3; i++) {
            place(first, resident).then().statusCode(201);
        }
        Response refused = place(first, resident);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("/too-many-requests"))
                .body("detail", containsString("at most 3 of these a minute from one account"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "a token comes back every 20 s: " + retryAfter);

        place(second, resident).then().statusCode(201);
        place(second, resident).then().statusCode(201);
        place(second, resident).then().statusCode(429)
                .body("detail", containsString("at most 5 of these a minute from one address"));
    }

    private static Response place(Identity who, UUID resident) {
        Map<String, Object> order = proxyOrder(resident);
        order.put("newNeed", true);
        return Auth.as(who).contentType(ContentType.JSON).body(order).post("/api/orders");
    }
}
