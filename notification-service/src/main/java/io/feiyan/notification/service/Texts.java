package io.feiyan.notification.service;

import io.feiyan.notification.channels.Message;
import io.feiyan.notification.domain.Kind;
import io.feiyan.notification.domain.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification in the county's words: its kind's template (configuration {@code feiyan.notification.text.*}) with
 * the values of its notice placed in, names for codes (a team's, a project's), times in the county's zone, and the
 * time left to accept as it is when sent.
 */
@ApplicationScoped
public class Texts {
    private static final Pattern PLACE = Pattern.compile("\\{(\\w+)}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);

    /** The reasons a notice can give, in the county's words. */
    private static final Map<String, String> WHY = Map.of("DEADLINE_PASSED", "已过服务期限", "UNSERVED", "暂无队伍可接",
            "DISSATISFIED", "居民不满意", "UNRATED", "居民未评价");

    private final NotificationConfig config;
    private final Names names;
    private final ZoneId zone;

    Texts(NotificationConfig config, Names names) {
        this.config = config;
        this.names = names;
        this.zone = config.zone();
    }

    public Message message(UUID deliveryId, Kind kind, Recipient recipient, UUID orderId, boolean critical,
            Map<String, String> params, Instant now) {
        Map<String, String> values = new HashMap<>(params);
        values.computeIfPresent("team", (key, code) -> names.team(code));
        values.computeIfPresent("takenBy", (key, code) -> names.team(code));
        values.computeIfPresent("project", (key, code) -> names.project(code));
        values.putIfAbsent("project", "服务");
        String acceptBy = params.get("acceptBy");
        if (acceptBy != null) {
            // (not inside computeIfPresent: a HashMap refuses being changed by the function it computes with)
            values.put("left", left(Duration.between(now, Instant.parse(acceptBy))));
            values.put("acceptBy", when(acceptBy));
        }
        values.computeIfPresent("deadline", (key, at) -> when(at));
        values.put("when", params.containsKey("scheduledFor") ? when(params.get("scheduledFor")) : "尽快");
        values.put("why", WHY.getOrDefault(String.valueOf(params.get("why")), ""));
        values.putIfAbsent("note", "");
        String slug = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String template = recipient.isResident() ? config.text().getOrDefault(slug + "-resident", text(slug))
                : text(slug);
        return new Message(deliveryId, kind, orderId, critical, config.title().getOrDefault(slug, "飞燕"),
                fill(template, values), link(kind, orderId));
    }

    private String text(String slug) {
        String template = config.text().get(slug);
        if (template == null) {
            throw new IllegalStateException("no text for " + slug + " (feiyan.notification.text." + slug + ")");
        }
        return template;
    }

    /** Where tapping it leads in the app (router.js): the team's offer (its work screen), or the order. */
    static String link(Kind kind, UUID orderId) {
        if (orderId == null) {
            return "#/";
        }
        return switch (kind) {
            case OFFER_NEW, OFFER_REMINDER, OFFER_WITHDRAWN, DEADLINE_NEAR -> "#/work/" + orderId;
            default -> "#/orders/" + orderId;
        };
    }

    static String fill(String template, Map<String, String> values) {
        Matcher place = PLACE.matcher(template);
        StringBuilder text = new StringBuilder();
        while (place.find()) {
            place.appendReplacement(text, Matcher.quoteReplacement(values.getOrDefault(place.group(1), "")));
        }
        place.appendTail(text);
        return text.toString();
    }

    static String left(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "0分钟";
        }
        long minutes = Math.max(1, left.toMinutes());
        return minutes < 120 ? minutes + "分钟" : minutes < 48 * 60 ? (minutes / 60) + "小时" : (minutes / 1440) + "天";
    }

    private String when(String instant) {
        return WHEN.format(Instant.parse(instant).atZone(zone));
    }
}
