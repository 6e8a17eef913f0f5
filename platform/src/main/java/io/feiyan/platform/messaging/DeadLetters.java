package io.feiyan.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The Kafka connector's dead-letter queue, counted: {@code feiyan_dead_letters_total{topic}} rises by one for each
 * message this service could not process and sent, with its reason, to its dead-letter topic; {@code topic} is the
 * topic the message came from. The failure strategy {@value #STRATEGY} (the platform's default for every incoming
 * channel) wraps the connector's own {@code dead-letter-queue} and counts once it has the dead-letter topic's ack,
 * so the count is of messages really set aside, whatever the consumer threw.
 */
@ApplicationScoped
@Identifier(DeadLetters.STRATEGY)
public class DeadLetters implements KafkaFailureHandler.Factory {
    public static final String STRATEGY = "counted-dead-letter-queue";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final MeterRegistry registry;

    DeadLetters(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            MeterRegistry registry) {
        this.deadLetterQueue = deadLetterQueue;
        this.registry = registry;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler handler = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return handler.handle(record, reason, metadata).invoke(() -> counter(record.getTopic()).increment());
            }

            @Override
            public void terminate() {
                handler.terminate();
            }
        };
    }

    private Counter counter(String topic) {
        return Counter.builder("feiyan.dead.letters")
                .description("Messages this service could not process and sent to its dead-letter topic")
                .tag("topic", topic)
                .register(registry);
    }
}
