package io.feiyan.dispatch.dashboard;

import io.feiyan.dispatch.service.CaseChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells open dashboards that a case changed, once the change has committed — in any dispatch instance: it
 * listens on the database for the changes {@link io.feiyan.dispatch.service.CaseChanges} says. A page refetches its snapshot
 * when it hears one.
 */
@ApplicationScoped
public class DashboardFeed {
    private static final Logger LOG = Logger.getLogger(DashboardFeed.class);

    private final BroadcastProcessor<CaseChanged> changes = BroadcastProcessor.create();
    private final DataSource dataSource;
    private volatile boolean running;
    private Thread listener;

    DashboardFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        listener = new Thread(this::listen, "case-changes");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        listener.interrupt();
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

    /** Holds one connection that LISTENs for changes, and opens another if it breaks. */
    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("listen " + CaseChanged.CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(5_000);
                    for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                        CaseChanged.parse(notification.getParameter()).forEach(changes::onNext);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("dashboard changes: listening again in a second (%s)", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
