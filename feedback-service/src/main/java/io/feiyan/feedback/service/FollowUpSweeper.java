package io.feiyan.feedback.service;

import io.feiyan.platform.messaging.CatchingUp;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Looks for deliveries left unrated, so the village station asks the resident in person; not while a restored feedback
 * catches up (a rating given since its backup is on its way back).
 */
@ApplicationScoped
public class FollowUpSweeper {
    private static final Logger LOG = Logger.getLogger(FollowUpSweeper.class);

    private final FollowUpService followUps;

    FollowUpSweeper(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Scheduled(every = "${feiyan.feedback.follow-up-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = CatchingUp.WhileCatchingUp.class)
    void sweep() {
        int opened = followUps.openForUnrated();
        if (opened > 0) {
            LOG.infof("opened %d follow-up(s) for deliveries left unrated", opened);
        }
    }
}
