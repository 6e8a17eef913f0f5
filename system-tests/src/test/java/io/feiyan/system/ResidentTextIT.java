package io.feiyan.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.LocalSmsc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A resident told by SMS, across the services as they ship: notification-service hears that a team accepted her
 * order, reads her phone from intake with its own Keycloak token (role notifier; the read is in her audit log), and
 * texts her in Chinese through the county's SMSC (here a real SMPP server on this machine).
 */
@ExtendWith(RunningFeiyan.class)
class ResidentTextIT {
    private static final Duration WAIT = DemoCounty.WAIT;

    @Test
    void whenATeamAcceptsHerOrder_theResidentsPhoneGetsTheChineseTextOnce_andTheReadIsAudited() throws Exception {
        DemoCounty.awaitLoaded();
        String phone = "137" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        String residentId = DemoCounty.registerResident("孙秀兰", phone);
        String orderId = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", residentId,
                "projectCode", "culture-opera", "urgency", "URGENT", "residentConsent", true));

        // no village or town team offers opera: the county's art light cavalry gets it, and its lead accepts
        String assignment = RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + orderId;
        String lead = DemoCounty.token(DemoCounty.CAVALRY_LEAD);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(lead).get(assignment).then().statusCode(200));
        given().auth().oauth2(lead).post(assignment + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));

        LocalSmsc smsc = RunningFeiyan.smsc();
        await().atMost(WAIT).until(() -> !smsc.receivedBy(phone).isEmpty());
        LocalSmsc.Received text = smsc.receivedBy(phone).get(0);
        assertEquals(LocalSmsc.UCS2, text.dataCoding());
        assertTrue(text.text().startsWith("【飞燕】您的「") && text.text().contains("文艺轻骑兵"), text.text());
        assertTrue(text.segments() <= 2, "within two segments: " + text.segments());

        // once: the delivery is recorded as sent, and no second text follows it
        await().atMost(WAIT).until(() -> "SENT".equals(DemoCounty.queryOne(FeiyanService.NOTIFICATION,
                "select status from delivery where order_id = ? and channel = 'SMS' and kind = 'ORDER_ACCEPTED'",
                orderId)));
        assertEquals(List.of(text), smsc.receivedBy(phone));

        String residentToken = DemoCounty.token(Identity.resident(UUID.fromString(residentId)));
        given().auth().oauth2(residentToken)
                .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents/" + residentId + "/personal-data-reads")
                .then().statusCode(200)
                .body("reader", hasItem("notification-service"))
                .body("why", hasItem("to text them of order " + orderId + ": ORDER_ACCEPTED"));
    }
}
