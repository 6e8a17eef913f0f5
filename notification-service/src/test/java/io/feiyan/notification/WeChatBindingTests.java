package io.feiyan.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.notification.domain.BindingCode;
import io.feiyan.notification.domain.WeChatFollower;
import io.feiyan.testkit.FeiyanTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@FeiyanTest
class WeChatBindingTests {
    @ConfigProperty(name = "feiyan.notification.wechat.token")
    String token;
    LocalIntake intake;

    private WeChatServer wechat;
    private Followers followers;

    @BeforeEach
    void open() {
        wechat = new WeChatServer(token);
        followers = new Followers(wechat, intake);
    }

    @Test
    void aVolunteerMakesACodeForAResidentOfTheirVillage_andTheFollowerWhoSendsItIsBoundToTheResident() {
        String village = Followers.newVillage();
        UUID resident = followers.resident(village);
        String code = Followers.makeCode(village, resident).then().statusCode(201)
                .body("code", matchesPattern("\\d{6}"))
                .body("residentId", equalTo(resident.toString()))
                .extract().path("code");
        String openid = WeChatServer.newOpenid();

        assertTrue(wechat.say(openid, "绑定 " + code).startsWith("绑定成功"));

        WeChatFollower follower = follower(resident).orElseThrow();
        assertEquals(openid, follower.openid);
        assertEquals(village, follower.villageCode);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> BindingCode.<BindingCode>listAll().stream()
                .noneMatch(stored -> stored.codeHash.contains(code))), "only a hash of the code is kept");
    }

    @Test
    void aCodeIsUsedOnce_aWrongCodeBindsNothing_andAnExpiredCodeIsRefused() {
        String village = Followers.newVillage();
        UUID resident = followers.resident(village);
        String code = Followers.makeCode(village, resident).then().statusCode(201).extract().path("code");
        wechat.say(WeChatServer.newOpenid(), "绑定 " + code);
        String boundFirst = follower(resident).orElseThrow().openid;

        String another = WeChatServer.newOpenid();
        assertTrue(wechat.say(another, "绑定 " + code).startsWith("绑定码不对"), "a used code");
        assertTrue(wechat.say(another, "绑定 " + wrong(code)).startsWith("绑定码不对"), "a wrong code");
        assertEquals(boundFirst, follower(resident).orElseThrow().openid);

        UUID late = followers.resident(village);
        String expired = Followers.makeCode(village, late).then().statusCode(201).extract().path("code");
        QuarkusTransaction.requiringNew().run(() -> BindingCode.update("expiresAt = ?1 where residentId = ?2",
                Instant.now().minusSeconds(1), late));
        assertTrue(wechat.say(WeChatServer.newOpenid(), "绑定 " + expired).startsWith("绑定码不对"), "an expired code");
        assertTrue(follower(late).isEmpty());
    }

    @Test
    void afterFiveWrongCodesInAnHour_evenTheRightCodeIsNotTried() {
        String village = Followers.newVillage();
        UUID resident = followers.resident(village);
        String code = Followers.makeCode(village, resident).then().statusCode(201).extract().path("code");
        String guesser = WeChatServer.newOpenid();
        for (int i = 0; i < 5; i++) {
            wechat.say(guesser, "绑定 " + wrong(code));
        }

        assertTrue(wechat.say(guesser, "绑定 " + code).startsWith("绑定码错误次数太多"));
        assertTrue(follower(resident).isEmpty());
    }

    @Test
    void aVolunteerOfAnotherVillage_orSomeoneNotAVolunteer_getsNoCode() {
        UUID resident = followers.resident(Followers.newVillage());

        Followers.makeCode(Followers.newVillage(), resident).then().statusCode(403);
        Followers.makeCode(Followers.newVillage(), UUID.randomUUID()).then().statusCode(404);
        io.restassured.RestAssured.given().contentType("application/json")
                .body("{\"residentId\": \"" + resident + "\"}").post("/api/wechat/binding-codes")
                .then().statusCode(401);
    }

    @Test
    void aNewCodeForTheResidentReplacesTheUnusedOne() {
        String village = Followers.newVillage();
        UUID resident = followers.resident(village);
        String first = Followers.makeCode(village, resident).then().statusCode(201).extract().path("code");
        String second = Followers.makeCode(village, resident).then().statusCode(201).extract().path("code");
        if (first.equals(second)) {
            return; // one in a million: the same six digits drawn twice
        }
        String openid = WeChatServer.newOpenid();
        assertTrue(wechat.say(openid, "绑定 " + first).startsWith("绑定码不对"));
        assertTrue(wechat.say(openid, "绑定 " + second).startsWith("绑定成功"));
        assertNotEquals(Optional.empty(), follower(resident));
    }

    private static String wrong(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static Optional<WeChatFollower> follower(UUID resident) {
        return QuarkusTransaction.requiringNew().call(() -> WeChatFollower.ofResident(resident));
    }
}
