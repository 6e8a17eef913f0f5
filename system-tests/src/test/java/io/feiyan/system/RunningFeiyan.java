package io.feiyan.system;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.Folders;
import io.feiyan.testkit.EventProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole of Feiyan as it ships, with the demo county, started once for all the system tests of a run
 * and stopped when they are done: packaged services on free ports, one broker, one database server.
 */
public class RunningFeiyan implements BeforeAllCallback {
    private static FeiyanSystem system;
    private static EventProbe probe;

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
        try {
            system = FeiyanSystem.start(new FeiyanSystem.Settings(root, data, EmbeddedDatabase.Durability.FAST, 0, 0, 0,
                    anyFreePort, true, null), System.out);
        } catch (RuntimeException e) {
            Folders.deleteQuietly(data);
            throw e;
        }
        probe = new EventProbe(system.kafkaBootstrapServers());
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningFeiyan.class,
                (AutoCloseable) () -> {
                    probe.close();
                    system.close();
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

    static Path root() {
        return Path.of(System.getProperty("feiyan.root", "..")).toAbsolutePath().normalize();
    }

    static String url(FeiyanService service) {
        return system.url(service);
    }
}
