package io.feiyan.notification.channels;

import io.feiyan.notification.domain.Kind;
import java.util.UUID;

/**
 * A notification as its recipient reads it, in the county's words (service/Texts): a short {@code title}, the
 * {@code text}, and the app's page it opens ({@code link}, relative to the app: {@code #/work/<orderId>}).
 * {@code id} is the delivery's id: a channel that can tell its server "the same message" (a push topic) uses it.
 */
public record Message(UUID id, Kind kind, UUID orderId, boolean critical, String title, String text, String link) {
}
