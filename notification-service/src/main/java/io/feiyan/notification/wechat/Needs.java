package io.feiyan.notification.wechat;

import io.feiyan.notification.domain.FiledNeed;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The needs residents wrote to the account, as their village's 飞燕 volunteers confirm them. */
@ApplicationScoped
@Transactional
public class Needs {
    private final Caller caller;

    Needs(Caller caller) {
        this.caller = caller;
    }

    /** The calling volunteer's village's needs waiting to be confirmed, newest first. */
    public List<FiledNeed> waiting() {
        String region = caller.region().orElse(null);
        caller.require(region != null, "your token names no village");
        return FiledNeed.waitingIn(region);
    }

    public FiledNeed dismiss(UUID id) {
        FiledNeed need = ofCallersVillage(id);
        need.dismiss(caller.id(), Instant.now());
        return need;
    }

    /**
     * The volunteer placed an order for the need (through intake, channel WECHAT), and the app says which. The app
     * says it, not an OrderPlaced heard: only the app knows which of a resident's needs the order was for.
     */
    public FiledNeed placed(UUID id, UUID orderId) {
        FiledNeed need = ofCallersVillage(id);
        need.placed(orderId, caller.id(), Instant.now());
        return need;
    }

    private FiledNeed ofCallersVillage(UUID id) {
        FiledNeed need = FiledNeed.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (need == null) {
            throw new NotFound("need", id);
        }
        caller.require(caller.covers(need.villageCode), "need " + id + " is of village " + need.villageCode
                + ", not yours");
        return need;
    }
}
