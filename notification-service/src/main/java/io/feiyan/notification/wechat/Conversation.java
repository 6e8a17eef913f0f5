package io.feiyan.notification.wechat;

import io.feiyan.notification.domain.FiledNeed;
import io.feiyan.notification.domain.WeChatFollower;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a follower can say to the account, and what it answers: 菜单 gets the month's menu, 绑定 and a code binds the
 * follower to a resident, and any other text from a bound follower is filed for the village's 飞燕 volunteer.
 */
@ApplicationScoped
class Conversation {
    private static final String MENU = "菜单";
    private static final Pattern BIND = Pattern.compile("绑定\\s*(\\d{6})");
    private static final String BIND_WORD = "绑定";

    private final MenuText menus;
    private final BindingCodes codes;

    Conversation(MenuText menus, BindingCodes codes) {
        this.menus = menus;
        this.codes = codes;
    }

    /** The answer to a text from the follower, its effect done in the caller's transaction. */
    String answer(String openid, String text, Instant at) {
        String said = text == null ? "" : text.strip();
        Optional<WeChatFollower> bound = heardFrom(openid, at);
        if (said.isEmpty()) {
            return Replies.WELCOME;
        }
        if (said.equals(MENU)) {
            return bound.isPresent() ? menus.forBound() : menus.forUnbound();
        }
        Matcher bind = BIND.matcher(said);
        if (bind.matches()) {
            return codes.redeem(openid, bind.group(1), at);
        }
        if (said.startsWith(BIND_WORD) || bound.isEmpty()) {
            return Replies.HOW_TO_BIND;
        }
        FiledNeed.file(bound.get(), said, at);
        return Replies.FILED;
    }

    /** A follower's first words after following the account. */
    String welcome() {
        return Replies.WELCOME;
    }

    /** A message that is not text (a picture, a voice message): the account answers in words it can act on. */
    String notText(String openid, Instant at) {
        heardFrom(openid, at);
        return Replies.TEXT_ONLY;
    }

    /** The bound follower, whose 48-hour window for the account's messages opens again as they write. */
    private static Optional<WeChatFollower> heardFrom(String openid, Instant at) {
        Optional<WeChatFollower> follower = WeChatFollower.findByIdOptional(openid);
        follower.ifPresent(f -> f.lastMessageAt = at);
        return follower;
    }
}
