package io.feiyan.notification;

import static io.restassured.RestAssured.given;

import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Residents, their 飞燕 volunteers and the followers of the account they bind, as each test needs them. */
final class Followers {
    private final WeChatServer wechat;
    private final LocalIntake intake;

    Followers(WeChatServer wechat, LocalIntake intake) {
        this.wechat = wechat;
        this.intake = intake;
    }

    /** A village of this test's own, in the account's county. */
    static String newVillage() {
        return "371322" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    static RequestSpecification asVolunteerOf(String village) {
        return given().auth().oauth2(TestTokens.of(Identity.volunteer("V-of-" + village, village)));
    }

    /** A volunteer of the village makes a binding code for the resident. */
    static Response makeCode(String village, UUID resident) {
        return asVolunteerOf(village).contentType(ContentType.JSON).body(Map.of("residentId", resident.toString()))
                .post("/api/wechat/binding-codes");
    }

    /** A resident of the village, registered in intake. */
    UUID resident(String village) {
        return intake.register(village);
    }

    /** A follower bound to a new resident of the village, the way residents bind: a code from their volunteer. */
    Bound bound(String village) {
        UUID resident = resident(village);
        String code = makeCode(village, resident).then().statusCode(201).extract().path("code");
        String openid = WeChatServer.newOpenid();
        wechat.say(openid, "绑定 " + code);
        return new Bound(openid, resident, village);
    }

    record Bound(String openid, UUID resident, String village) {
    }
}
