package io.feiyan.launcher;

import java.util.List;

/**
 * The made-up WeChat official account of the local run: notification-service's callback takes calls signed with its
 * token, which is how the system tests play WeChat's servers. A county sets its own account in the environment
 * (docs/notifications.md).
 */
public final class LocalWeChatAccount {
    public static final String APP_ID = "wx-feiyan-local";
    public static final String SECRET = "feiyan-local-secret";
    public static final String TOKEN = "feiyan-local-token";

    private LocalWeChatAccount() {
    }

    /** What notification-service is told. */
    static List<String> wiring() {
        return List.of("-Dfeiyan.notification.wechat.app-id=" + APP_ID,
                "-Dfeiyan.notification.wechat.secret=" + SECRET,
                "-Dfeiyan.notification.wechat.token=" + TOKEN);
    }
}
