package io.feiyan.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.MenuPublished;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@FeiyanTest
class WeChatMenuTests {
    @ConfigProperty(name = "feiyan.notification.wechat.token")
    String token;
    @ConfigProperty(name = "feiyan.notification.wechat.county-code")
    String county;
    @ConfigProperty(name = "feiyan.time-zone")
    ZoneId zone;
    @InjectEventProbe
    EventProbe probe;
    LocalIntake intake;

    private WeChatServer wechat;
    private Followers followers;

    @BeforeEach
    void open() {
        wechat = new WeChatServer(token);
        followers = new Followers(wechat, intake);
    }

    @Test
    void givenTheMonthsMenu_whenABoundFollowerAsksForTheMenu_thenTheyGetItsProjectsByName() {
        publishMenu();
        Followers.Bound follower = followers.bound(Followers.newVillage());

        await().atMost(Duration.ofSeconds(30)).until(() -> wechat.say(follower.openid(), "菜单").contains("助浴上门"));
        String menu = wechat.say(follower.openid(), "菜单");

        assertTrue(menu.contains("理发上门（老人们点得最多）"), menu);
        assertTrue(menu.contains("直接回复文字告诉我们"), menu);
        assertFalse(menu.contains("绑定码"), menu);
        assertTrue(menu.getBytes(StandardCharsets.UTF_8).length <= 2048);
    }

    @Test
    void aFollowerNotBoundGetsTheCountysMenu_andIsToldHowToBind() {
        publishMenu();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> wechat.say(WeChatServer.newOpenid(), "菜单").contains("助浴上门"));
        String menu = wechat.say(WeChatServer.newOpenid(), "菜单");

        assertTrue(menu.contains("绑定 六位数字"), menu);
    }

    private void publishMenu() {
        probe.publish(new ProjectUpdated("wx-test-haircut", "理发上门", "DAILY_LIFE", List.of(), true));
        probe.publish(new ProjectUpdated("wx-test-bathing", "助浴上门", "DAILY_LIFE", List.of(), true));
        // a version above any other test run's, so this is the month's latest menu
        probe.publish(new MenuPublished(county, YearMonth.now(zone), (int) Instant.now().getEpochSecond(),
                List.of(new MenuPublished.Item("wx-test-haircut", "老人们点得最多"),
                        new MenuPublished.Item("wx-test-bathing", null)), Instant.now()));
    }
}
