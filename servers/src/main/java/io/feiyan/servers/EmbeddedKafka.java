package io.feiyan.servers;

import io.feiyan.events.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node Apache Kafka broker in KRaft mode, running in this JVM, with its log in a folder of
 * your choice. Formats the folder on first start and reuses it after, so events survive a restart.
 * Creates every Feiyan topic, reference-data topics compacted.
 */
public final class EmbeddedKafka implements AutoCloseable {
    /**
     * Partitions of each topic (and of the dead-letter topics the services create): as many instances of a
     * service as this can share its work. A topic made before keeps the partitions it has.
     */
    public static final int PARTITIONS = 6;
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on the given port (0 for any free port), its log kept under {@code logDir}. */
    public static EmbeddedKafka start(Path logDir, int port) {
        int brokerPort = port == 0 ? Ports.free() : port;
        int controllerPort = Ports.free();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", String.valueOf(PARTITIONS));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        // The cleaner of the compacted topics (reference data: thousands of keys) keeps each key's place in a buffer
        // of this size; the default, 128 MiB, would hold millions and takes a third of a small server's broker.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));

        // The broker loads its plugins through the context class loader; make it the broker's own,
        // which differs from the caller's inside Quarkus tests.
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(EmbeddedKafka.class.getClassLoader());
        try {
            KafkaConfig config = new KafkaConfig(props, false);
            formatOnFirstStart(logDir, config);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafka kafka = new EmbeddedKafka(server, "127.0.0.1:" + brokerPort);
            createFeiyanTopics(kafka.bootstrapServers);
            return kafka;
        } finally {
            Thread.currentThread().setContextClassLoader(callers);
        }
    }

    private static void formatOnFirstStart(Path logDir, KafkaConfig config) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            new Formatter()
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDir, e);
        }
    }

    /**
     * Creates Feiyan's topics that are missing on a broker (this one, or a container's), {@link #PARTITIONS} each, and
     * sets every topic's retention as its event type says.
     */
    public static void createFeiyanTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = java.util.Arrays.stream(EventType.values())
                    .filter(type -> !existing.contains(type.topic()))
                    .map(type -> new NewTopic(type.topic(), PARTITIONS, (short) 1).configs(type.topicConfig()))
                    .toList();
            admin.createTopics(missing).all().get();
            Map<ConfigResource, Collection<AlterConfigOp>> retention = new HashMap<>();
            for (EventType type : EventType.values()) {
                if (existing.contains(type.topic())) {
                    retention.put(new ConfigResource(ConfigResource.Type.TOPIC, type.topic()),
                            type.topicConfig().entrySet().stream()
                                    .map(entry -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()),
                                            AlterConfigOp.OpType.SET))
                                    .toList());
                }
            }
            admin.incrementalAlterConfigs(retention).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Feiyan topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int port() {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
