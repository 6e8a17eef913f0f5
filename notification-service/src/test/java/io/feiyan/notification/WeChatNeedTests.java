package io.feiyan.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.testkit.FeiyanTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@FeiyanTest
class WeChatNeedTests {
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
    void aBoundResidentsTextIsFiledForTheirVillagesVolunteer_andNotShownToAnotherVillage() {
        Followers.Bound follower = followers.bound(Followers.newVillage());

        assertTrue(wechat.say(follower.openid(), "厨房水管漏水了，能来看看吗").contains("飞燕志愿者会打电话"));

        Followers.asVolunteerOf(follower.village()).get("/api/wechat/needs").then().statusCode(200)
                .body("[0].residentId", equalTo(follower.resident().toString()))
                .body("[0].text", equalTo("厨房水管漏水了，能来看看吗"))
                .body("[0].status", equalTo("FILED"));
        Followers.asVolunteerOf(Followers.newVillage()).get("/api/wechat/needs").then().statusCode(200)
                .body("residentId", not(hasItem(follower.resident().toString())));
    }

    @Test
    void aTextFromAFollowerNotBoundFilesNothing_andTellsHowToBind() {
        assertTrue(wechat.say(WeChatServer.newOpenid(), "我想请人打扫卫生").contains("绑定 六位数字"));
    }

    @Test
    void newestFirst_andADismissedOrPlacedNeedLeavesTheList() {
        Followers.Bound follower = followers.bound(Followers.newVillage());
        wechat.say(follower.openid(), "第一件事");
        wechat.say(follower.openid(), "第二件事");
        wechat.say(follower.openid(), "第三件事");
        var volunteer = Followers.asVolunteerOf(follower.village());
        String newest = volunteer.get("/api/wechat/needs").then().statusCode(200)
                .body("text", org.hamcrest.Matchers.contains("第三件事", "第二件事", "第一件事"))
                .extract().path("[0].id");
        String oldest = Followers.asVolunteerOf(follower.village()).get("/api/wechat/needs").then()
                .extract().path("[2].id");
        UUID orderId = UUID.randomUUID();

        Followers.asVolunteerOf(follower.village()).post("/api/wechat/needs/{id}/dismiss", newest).then()
                .statusCode(200).body("status", equalTo("DISMISSED"));
        Followers.asVolunteerOf(follower.village()).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId.toString())).post("/api/wechat/needs/{id}/placed", oldest).then()
                .statusCode(200).body("status", equalTo("PLACED")).body("orderId", equalTo(orderId.toString()));

        Followers.asVolunteerOf(follower.village()).get("/api/wechat/needs").then().statusCode(200)
                .body("text", org.hamcrest.Matchers.contains("第二件事"));
        Followers.asVolunteerOf(follower.village()).post("/api/wechat/needs/{id}/dismiss", oldest).then()
                .statusCode(409).body("type", equalTo("https://feiyan.io/problems/need-decided"));
    }

    @Test
    void aVolunteerOfAnotherVillageMayNotDismissTheNeed() {
        Followers.Bound follower = followers.bound(Followers.newVillage());
        wechat.say(follower.openid(), "想请人陪我去医院");
        String id = Followers.asVolunteerOf(follower.village()).get("/api/wechat/needs").then()
                .extract().path("[0].id");

        Followers.asVolunteerOf(Followers.newVillage()).post("/api/wechat/needs/{id}/dismiss", id).then()
                .statusCode(403);
        Followers.asVolunteerOf(follower.village()).get("/api/wechat/needs").then()
                .body("id", hasItem(id));
    }
}
