package io.feiyan.dispatch.dashboard;

import io.feiyan.dispatch.service.CaseChanged;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;

/**
 * Tells open dashboards that a case changed, once the change has committed. It speaks for this dispatch
 * instance's changes; a page refetches its snapshot when it hears one.
 */
@ApplicationScoped
public class DashboardFeed {
    private final BroadcastProcessor<CaseChanged> changes = BroadcastProcessor.create();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseChanged changed) {
        changes.onNext(changed);
    }

    /**
     * Every change from now on to a case whose village lies in the region (a county, town or village code),
     * and a heartbeat (a null order id) every 15 s so idle connections stay open.
     */
    public Multi<CaseChanged> changes(String region) {
        return Multi.createBy().merging().streams(
                changes.filter(changed -> changed.villageCode() != null && changed.villageCode().startsWith(region)),
                Multi.createFrom().ticks().every(Duration.ofSeconds(15)).map(tick -> new CaseChanged(null, null)));
    }
}
