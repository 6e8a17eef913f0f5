package io.feiyan.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A follower of the county's WeChat account (by their openid) bound to a resident. */
@Entity
@Table(name = "wechat_follower")
public class WeChatFollower extends PanacheEntityBase {
    @Id
    public String openid;
    public UUID residentId;
    public String villageCode;
    public Instant boundAt;
    public Instant lastMessageAt;

    /** Binds the follower to the resident, in place of any account either had bound before. */
    public static WeChatFollower bind(String openid, UUID residentId, String villageCode, Instant at) {
        delete("openid = ?1 or residentId = ?2", openid, residentId);
        getEntityManager().flush();
        WeChatFollower follower = new WeChatFollower();
        follower.openid = openid;
        follower.residentId = residentId;
        follower.villageCode = villageCode;
        follower.boundAt = at;
        follower.lastMessageAt = at;
        follower.persist();
        return follower;
    }

    public static Optional<WeChatFollower> ofResident(UUID residentId) {
        return find("residentId", residentId).firstResultOptional();
    }

    /** Whether the account may still write to them freely: within the window after their last message. */
    public boolean withinServiceWindow(Duration window, Instant now) {
        return lastMessageAt.plus(window).isAfter(now);
    }
}
