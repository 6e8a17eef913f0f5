package io.feiyan.bench;

import io.feiyan.servers.EmbeddedKafka;
import io.feiyan.servers.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a consumer's way of polling costs: one consumer ({@link KafkaRoundTrip}) on an embedded broker of its own, for
 * each way of polling — the group protocol, the broker's longest wait for a fetch, the consumer's poll timeout. It
 * prints the CPU the consumer uses with nothing to read (20 s), and the latency from produce to consume of records
 * sent 10 a second for 30 s, the quiet rate where a poll that waits out its timeout shows.
 *
 * <p>{@code java -cp "bench/runner/target/feiyan-bench-0.1.0-SNAPSHOT.jar:bench/runner/target/lib/*"
 * io.feiyan.bench.ConsumerPolling}
 */
public final class ConsumerPolling {
    private static final Duration IDLE = Duration.ofSeconds(20);
    private static final int RATE = 10;
    private static final Duration SENDING = Duration.ofSeconds(30);

    private ConsumerPolling() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        for (KafkaRoundTrip.Polling way : List.of(new KafkaRoundTrip.Polling("consumer", 100, 10),
                new KafkaRoundTrip.Polling("consumer", 500, 1000), new KafkaRoundTrip.Polling("classic", 500, 1000),
                new KafkaRoundTrip.Polling("classic", 5000, 1000), new KafkaRoundTrip.Polling("classic", 5000, 5000))) {
            System.out.println(measure(way));
        }
        System.exit(0);
    }

    private static String measure(KafkaRoundTrip.Polling way) throws Exception {
        Path logs = Files.createTempDirectory("feiyan-polling-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logs, 0);
                KafkaRoundTrip roundTrip = new KafkaRoundTrip(kafka.bootstrapServers(), way)) {
            double idle = roundTrip.idleCores(IDLE);
            KafkaRoundTrip.Figures quiet = roundTrip.atRate(RATE, Duration.ZERO, SENDING);
            return String.format("%-8s fetch.max.wait.ms %4d, poll %4d ms: idle %.4f cores; produce→consume at %d/s,"
                    + " p50 / p95 / p99 %s", way.protocol(), way.fetchMaxWaitMs(), way.pollTimeoutMs(), idle, RATE,
                    quiet.latencies().summary());
        } finally {
            Folders.deleteQuietly(logs);
        }
    }
}
