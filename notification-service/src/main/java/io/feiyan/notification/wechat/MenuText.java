package io.feiyan.notification.wechat;

import io.feiyan.notification.domain.MenuItem;
import io.feiyan.notification.service.Names;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The month's menu as the account tells it: the projects of the county's latest menu for the month, by name (from the
 * copy of the catalogue's names), each with the centre's note on why it is there.
 */
@ApplicationScoped
class MenuText {
    private final Names names;
    private final WeChatConfig config;
    private final ZoneId zone;

    MenuText(Names names, WeChatConfig config, @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        this.names = names;
        this.config = config;
        this.zone = zone;
    }

    /** For a bound follower: the menu, and that they may write what they need. */
    String forBound() {
        return text(Replies.ORDER_HINT);
    }

    /** For a follower not bound: the county's menu, and how to bind. */
    String forUnbound() {
        return text(Replies.HOW_TO_BIND);
    }

    private String text(String next) {
        YearMonth month = YearMonth.now(zone);
        List<MenuItem> items = MenuItem.of(config.countyCode(), month);
        if (items.isEmpty()) {
            return Replies.NO_MENU;
        }
        List<String> lines = items.stream().map(item -> {
            String name = names.project(item.projectCode);
            return item.note == null || item.note.isBlank() ? name : name + "（" + item.note + "）";
        }).toList();
        return Replies.menu(month, lines, next);
    }
}
