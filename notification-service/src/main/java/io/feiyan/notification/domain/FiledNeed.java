package io.feiyan.notification.domain;

import io.feiyan.platform.domain.IllegalMove;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a bound resident wrote to the WeChat account, filed for their village's 飞燕 volunteer to confirm by phone. It
 * never becomes an order by itself: the volunteer places one, or dismisses it.
 */
@Entity
@Table(name = "wechat_need")
public class FiledNeed extends PanacheEntityBase {
    /** As much of a message as a need keeps (WeChat's text messages are short; this bounds a long one). */
    public static final int MAX_TEXT = 2000;

    @Id
    public UUID id;
    public UUID residentId;
    public String villageCode;
    public String text;
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public NeedStatus status;
    public UUID orderId;
    public String decidedBy;
    public Instant decidedAt;

    public static FiledNeed file(WeChatFollower from, String text, Instant at) {
        FiledNeed need = new FiledNeed();
        need.id = UUID.randomUUID();
        need.residentId = from.residentId;
        need.villageCode = from.villageCode;
        need.text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        need.receivedAt = at;
        need.status = NeedStatus.FILED;
        need.persist();
        return need;
    }

    /** The needs of the region (a village, or a town's or county's villages) waiting to be confirmed, newest first. */
    public static List<FiledNeed> waitingIn(String regionCode) {
        return list("villageCode like ?1 and status = ?2 order by receivedAt desc", regionCode + "%", NeedStatus.FILED);
    }

    /** The volunteer placed an order for it; saying so again for the same order changes nothing. */
    public void placed(UUID order, String volunteer, Instant at) {
        if (status == NeedStatus.PLACED && order.equals(orderId)) {
            return;
        }
        requireFiled();
        status = NeedStatus.PLACED;
        orderId = order;
        decidedBy = volunteer;
        decidedAt = at;
    }

    /** The volunteer found nothing to order; dismissing it again changes nothing. */
    public void dismiss(String volunteer, Instant at) {
        if (status == NeedStatus.DISMISSED) {
            return;
        }
        requireFiled();
        status = NeedStatus.DISMISSED;
        decidedBy = volunteer;
        decidedAt = at;
    }

    private void requireFiled() {
        if (status != NeedStatus.FILED) {
            throw new IllegalMove("need-decided", "The need was already decided",
                    "need " + id + " is " + status + (orderId == null ? "" : " (order " + orderId + ")"))
                    .with("status", status);
        }
    }
}
