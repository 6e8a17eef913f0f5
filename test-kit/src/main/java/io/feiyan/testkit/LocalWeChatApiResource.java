package io.feiyan.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the notification service's WeChat account at a {@link LocalWeChatApi} for its tests, with an AppID and
 * AppSecret of the test's own; a test's field of type {@link LocalWeChatApi} gets the player.
 */
public class LocalWeChatApiResource implements QuarkusTestResourceLifecycleManager {
    private static final String APP_ID = "wx-feiyan-test";
    private static final String SECRET = "feiyan-test-secret";

    private LocalWeChatApi api;

    @Override
    public Map<String, String> start() {
        api = LocalWeChatApi.start(APP_ID, SECRET);
        return Map.of("feiyan.notification.wechat.api-host", api.url(),
                "feiyan.notification.wechat.app-id", APP_ID,
                "feiyan.notification.wechat.secret", SECRET);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(api, new TestInjector.MatchesType(LocalWeChatApi.class));
    }

    @Override
    public void stop() {
        if (api != null) {
            api.close();
        }
    }
}
