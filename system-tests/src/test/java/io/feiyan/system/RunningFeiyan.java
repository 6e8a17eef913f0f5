package io.feiyan.system;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.Folders;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.LocalSmsc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole of Feiyan as it ships, with the demo county, started once for all the system tests of a run
 * and stopped when they are done: packaged services on free ports, one broker, one database server, and an SMSC
 * (a real SMPP server) for the texts to residents.
 */
public class RunningFeiyan implements BeforeAllCallback {
    private static FeiyanSystem system;
    private static EventProbe probe;
    private static LocalSmsc smsc;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws IOException {
        if (system != null) {
            return;
        }
        Path root = root();
        Path data = Files.createTempDirectory("feiyan-e2e-");
        Map<FeiyanService, Integer> anyFreePort = new EnumMap<>(FeiyanService.class);
        for (FeiyanService service : FeiyanService.values()) {
            anyFreePort.put(service, 0);
        }
        // the county's SMS gateway: notification-service texts residents through it
        smsc = LocalSmsc.start("feiyan-e2e", "e2e-sms");
        String notificationOptions = FeiyanSystem.SERVICE_OPTIONS + FeiyanService.NOTIFICATION.moduleName();
        System.setProperty(notificationOptions, String.join(" ",
                "-Dfeiyan.notification.sms.enabled=true", "-Dfeiyan.notification.sms.host=localhost",
                "-Dfeiyan.notification.sms.port=" + smsc.port(),
                "-Dfeiyan.notification.sms.system-id=" + smsc.systemId(),
                "-Dfeiyan.notification.sms.password=" + smsc.password(),
                // the tests run at any hour: no quiet hours hold their notifications back
                "-Dfeiyan.notification.quiet-hours=00:00-00:00"));
        try {
            system = FeiyanSystem.start(new FeiyanSystem.Settings(root, data, EmbeddedDatabase.Durability.FAST, 0, 0, 0,
                    anyFreePort, true, null), System.out);
        } catch (RuntimeException e) {
            smsc.close();
            Folders.deleteQuietly(data);
            throw e;
        } finally {
            // this system's alone: a system a test starts beside it (the fault suite's) has no SMSC
            System.clearProperty(notificationOptions);
        }
        probe = new EventProbe(system.kafkaBootstrapServers());
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningFeiyan.class,
                (AutoCloseable) () -> {
                    probe.close();
                    system.close();
                    smsc.close();
                    Folders.deleteQuietly(data);
                });
    }

    static FeiyanSystem system() {
        return system;
    }

    /** The run's one probe on the system's broker. */
    static EventProbe probe() {
        return probe;
    }

    /** The run's SMSC, which notification-service binds to and texts residents through. */
    static LocalSmsc smsc() {
        return smsc;
    }

    static Path root() {
        return Path.of(System.getProperty("feiyan.root", "..")).toAbsolutePath().normalize();
    }

    static String url(FeiyanService service) {
        return system.url(service);
    }
}
