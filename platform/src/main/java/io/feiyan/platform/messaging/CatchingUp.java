package io.feiyan.platform.messaging;

import io.feiyan.platform.domain.TryAgain;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A service whose database was restored from a backup takes again the events since the backup
 * ({@link ConsumerPositions}); until it has, it holds less than it did, and its own answers given since the backup
 * are still coming back from its topics. It changes nothing of its own accord meanwhile — every request but a read
 * answers 503 {@code try-again} with {@code Retry-After}, and a timer acting on deadlines skips its runs
 * ({@link WhileCatchingUp}) — so that nobody acts on what it has forgotten (a team accepting again an offer it
 * accepted before the disk was lost, a follow-up opened for a delivery whose rating is on its way back). It catches
 * up in seconds; reads go on all the while.
 *
 * <p>A database restored is one that stands behind the offset its group had committed in Kafka, in a partition given
 * to the consumer; then every partition given is behind until the database's position reaches the end the partition
 * had when it was given ({@link ConsumerPositions}).
 */
@ApplicationScoped
public class CatchingUp {
    private static final Logger LOG = Logger.getLogger(CatchingUp.class);
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** For each partition the database stands behind in, the offset it catches up at. */
    private final Map<TopicPartition, Long> behind = new ConcurrentHashMap<>();
    /** Whether the service knows yet if its database was restored ({@link RestoreCheck}): until then it waits too. */
    private volatile boolean checked;

    /** The service knows now whether its database was restored: the partitions it stands behind in are noted. */
    void checked() {
        checked = true;
    }

    /** Whether the service knows yet if its database was restored. */
    boolean isChecked() {
        return checked;
    }

    /**
     * The consumer was given these partitions, and only these (the orders channel's group rebalances eagerly): a
     * partition noted behind at start that went to another instance is that instance's to catch up with.
     */
    void given(Collection<TopicPartition> partitions) {
        behind.keySet().retainAll(Set.copyOf(partitions));
        checked = true;
    }

    /** The database stands behind in the partition: it catches up once its position reaches {@code until}. */
    void behind(TopicPartition partition, long until) {
        behind.put(partition, until);
    }

    /** The database's positions have moved (committed): the partitions they reach are caught up. */
    void moved(Map<TopicPartition, Long> positions) {
        if (behind.isEmpty()) {
            return;
        }
        positions.forEach((partition, position) -> behind.computeIfPresent(partition,
                (caughtUp, until) -> position >= until ? null : until));
        if (behind.isEmpty()) {
            LOG.info("caught up with every event taken before the restore: taking changes again");
        }
    }

    /** The partitions went to another consumer of the group: theirs to catch up with. */
    void gone(Collection<TopicPartition> partitions) {
        partitions.forEach(behind::remove);
    }

    public boolean isCatchingUp() {
        return !checked || !behind.isEmpty();
    }

    /** Skips a scheduled run while the service catches up: {@code @Scheduled(skipExecutionIf = ...)}. */
    @Singleton
    public static class WhileCatchingUp implements Scheduled.SkipPredicate {
        private final CatchingUp catchingUp;

        WhileCatchingUp(CatchingUp catchingUp) {
            this.catchingUp = catchingUp;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return catchingUp.isCatchingUp();
        }
    }

    @ServerRequestFilter
    void refuseChangesWhileCatchingUp(ContainerRequestContext request) {
        refuseChanges(request.getMethod());
    }

    /** Refuses a request that is not a read while the service catches up. */
    void refuseChanges(String method) {
        if (isCatchingUp() && !READS.contains(method)) {
            throw new TryAgain(checked ? "restored from a backup, the service is taking again the events since it was"
                    + " taken (" + behind.size() + " partitions to go); it changes nothing until it has"
                    : "the service is starting: it does not know yet whether its database was restored from a backup");
        }
    }
}
