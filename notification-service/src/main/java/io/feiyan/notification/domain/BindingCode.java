package io.feiyan.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A one-time code a 飞燕 volunteer made for a resident of their village, for the resident to send to the WeChat account
 * ("绑定 123456") and so bind it. Kept only as a keyed hash ({@code wechat/BindingCodes}).
 */
@Entity
@Table(name = "wechat_binding_code")
public class BindingCode extends PanacheEntityBase {
    @Id
    public String codeHash;
    public UUID residentId;
    public String villageCode;
    public String madeBy;
    public Instant madeAt;
    public Instant expiresAt;
    public Instant usedAt;
    public String usedBy;

    /** A new code for the resident, in place of any unused one made before. */
    public static BindingCode make(String codeHash, UUID residentId, String villageCode, String volunteer,
            Instant at, Instant expiresAt) {
        delete("residentId = ?1 and usedAt is null", residentId);
        BindingCode code = new BindingCode();
        code.codeHash = codeHash;
        code.residentId = residentId;
        code.villageCode = villageCode;
        code.madeBy = volunteer;
        code.madeAt = at;
        code.expiresAt = expiresAt;
        code.persist();
        return code;
    }

    /** The unused, unexpired code with that hash, locked for the one who uses it. */
    public static Optional<BindingCode> usable(String codeHash, Instant at) {
        return find("codeHash = ?1 and usedAt is null and expiresAt > ?2", codeHash, at)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public void use(String openid, Instant at) {
        usedAt = at;
        usedBy = openid;
    }
}
