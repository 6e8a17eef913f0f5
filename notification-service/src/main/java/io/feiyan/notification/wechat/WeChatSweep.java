package io.feiyan.notification.wechat;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/** Forgets what the account no longer needs: answered messages past WeChat's repeats, old wrong codes, dead codes. */
@ApplicationScoped
public class WeChatSweep {
    private static final Duration KEEP_DEAD_CODES = Duration.ofDays(30);

    private final EntityManager entityManager;
    private final WeChatConfig config;

    WeChatSweep(EntityManager entityManager, WeChatConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void sweep() {
        Instant now = Instant.now();
        delete("delete from wechat_message where received_at < ?1", now.minus(config.keepMessages()));
        delete("delete from wechat_wrong_code where tried_at < ?1", now.minus(Duration.ofHours(1)));
        delete("delete from wechat_binding_code where expires_at < ?1", now.minus(KEEP_DEAD_CODES));
    }

    private void delete(String sql, Instant before) {
        entityManager.createNativeQuery(sql).setParameter(1, before).executeUpdate();
    }
}
