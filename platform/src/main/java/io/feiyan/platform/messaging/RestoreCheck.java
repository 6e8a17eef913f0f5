package io.feiyan.platform.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start, before the consumer has been given a partition and before the timers run: whether the service's database
 * was restored from a backup — it stands behind the offsets its group committed in Kafka in some partition — and so
 * whether it must catch up ({@link CatchingUp}) with every record its partitions hold now before it changes anything.
 * Without it, a timer or a request in the second before the consumer is given its partitions would act on what the
 * restore took away (dispatch routing again an order whose offer is on its way back). Until it has answered, the
 * service waits as if catching up; when Kafka cannot be asked, the consumer's partitions say it when they are given
 * ({@link ConsumerPositions}).
 */
@ApplicationScoped
public class RestoreCheck {
    private static final Logger LOG = Logger.getLogger(RestoreCheck.class);
    private static final long WAIT_SECONDS = 30;

    private final ConsumerPositions positions;
    private final CatchingUp catchingUp;
    private final Map<String, Object> kafka;
    private final String group;

    RestoreCheck(ConsumerPositions positions, CatchingUp catchingUp,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "mp.messaging.incoming.orders.group.id") Optional<String> group) {
        this.positions = positions;
        this.catchingUp = catchingUp;
        this.kafka = kafka;
        this.group = group.orElse(application); // the connector's default
    }

    void atStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        try {
            behindOf(group).forEach(catchingUp::behind);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("could not ask Kafka at start whether the database was restored (%s): the consumer's"
                    + " partitions will say it when they are given", e.toString());
        } finally {
            catchingUp.checked();
        }
    }

    /**
     * When the database stands behind the offsets the group committed in a partition, every partition it holds a
     * position for that holds records beyond it, with the end it holds now; else none.
     */
    public Map<TopicPartition, Long> behindOf(String group) throws Exception {
        Map<TopicPartition, Long> held = positions.all();
        if (held.isEmpty()) {
            return Map.of();
        }
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(WAIT_SECONDS, TimeUnit.SECONDS);
            long behind = held.entrySet().stream().filter(position -> ConsumerPositions.isBehind(
                    committed.get(position.getKey()), position.getValue())).count();
            if (behind == 0) {
                return Map.of();
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(held.keySet().stream()
                            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(WAIT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> toCatchUp = new HashMap<>();
            held.forEach((partition, position) -> {
                ListOffsetsResultInfo end = ends.get(partition);
                if (end != null && end.offset() > position) {
                    toCatchUp.put(partition, end.offset());
                }
            });
            LOG.warnf("the database stands behind its group %s in %d partitions (restored from a backup?): it"
                    + " changes nothing until it has taken every record its %d partitions hold now", group, behind,
                    toCatchUp.size());
            return toCatchUp;
        }
    }
}
