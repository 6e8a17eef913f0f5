package io.feiyan.notification.wechat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

/** What the account says to its followers, in the county's words: short, and within WeChat's size for a reply. */
final class Replies {
    /** WeChat takes a text reply of at most 2048 bytes. */
    static final int MAX_BYTES = 2048;

    static final String HOW_TO_BIND = "绑定后，您可以直接在这里告诉我们您的需要：请村里的飞燕志愿者在“一点就来”里为您生成绑定码，"
            + "然后回复“绑定 六位数字”。";
    static final String WELCOME = "欢迎关注指尖上的郯城！回复“菜单”查看本月服务菜单。" + HOW_TO_BIND;
    static final String FILED = "收到了！村里的飞燕志愿者会打电话和您确认，请留意来电。";
    static final String BOUND = "绑定成功！回复“菜单”查看本月服务菜单；有什么需要，直接回复文字告诉我们，飞燕志愿者会打电话和您确认。";
    static final String WRONG_CODE = "绑定码不对，或已用过、已过期。请核对后再发，或请飞燕志愿者重新生成。";
    static final String TOO_MANY_TRIES = "绑定码错误次数太多，请一小时后再试。";
    static final String TEXT_ONLY = "目前只能收文字消息。回复“菜单”查看本月服务菜单。";
    static final String NO_MENU = "本月服务菜单还没有发布，请过几天再来看看。";
    static final String ORDER_HINT = "想要哪项服务，直接回复文字告诉我们，飞燕志愿者会打电话和您确认。";

    private Replies() {
    }

    /** The month's menu: a line a project, then what to do next; lines that do not fit end in "……". */
    static String menu(YearMonth month, List<String> lines, String next) {
        String head = month.getMonthValue() + "月服务菜单：";
        String tail = "\n" + next;
        StringBuilder text = new StringBuilder(head);
        int n = 0;
        for (String line : lines) {
            String candidate = "\n" + (++n) + ". " + line;
            if (bytes(text + candidate + "\n……" + tail) > MAX_BYTES) {
                text.append("\n……");
                break;
            }
            text.append(candidate);
        }
        return text + tail;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
