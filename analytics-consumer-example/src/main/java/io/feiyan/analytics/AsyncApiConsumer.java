package io.feiyan.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every Feiyan topic knowing only the AsyncAPI document: its channels give the topics, each channel's
 * message gives the header schema and, by a relative reference, the payload's JSON Schema. Every message is
 * read as plain JSON and checked against both; nothing of Feiyan's own code is used.
 *
 * <pre>java -cp "analytics-consumer-example/target/classes:analytics-consumer-example/target/lib/*" \
 *     io.feiyan.analytics.AsyncApiConsumer [asyncapi-url] [bootstrap-servers]</pre>
 */
public final class AsyncApiConsumer {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A channel of the document: its name, its Kafka topic, and the schemas its messages follow. */
    public record Channel(String name, String topic, JsonSchema headers, JsonSchema payload) {
    }

    /** What a read found: messages per topic, in the document's order, and every message that broke its contract. */
    public record Report(Map<String, Long> messages, List<String> problems) {
    }

    private final JsonNode document;
    private final List<Channel> channels;

    private AsyncApiConsumer(JsonNode document, List<Channel> channels) {
        this.document = document;
        this.channels = channels;
    }

    /** Fetches the document and every schema it refers to. */
    public static AsyncApiConsumer from(URI asyncApi) throws IOException, InterruptedException {
        JsonNode document = YAML.readTree(fetch(asyncApi));
        List<Channel> channels = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = it.next();
            JsonNode message = resolve(document, channel.getValue().path("messages").elements().next());
            JsonNode headers = resolve(document, message.path("headers"));
            String payloadRef = message.path("payload").path("$ref").asText();
            JsonSchema payload = SCHEMAS.getSchema(fetch(asyncApi.resolve(payloadRef)));
            channels.add(new Channel(channel.getKey(), channel.getValue().path("address").asText(),
                    SCHEMAS.getSchema(headers), payload));
        }
        return new AsyncApiConsumer(document, channels);
    }

    public List<Channel> channels() {
        return channels;
    }

    /** The broker the document names (its first server), for a reader told nothing else. */
    public String documentedServer() {
        return document.path("servers").elements().next().path("host").asText();
    }

    /** Reads every channel's topic from its beginning to its end as of now, checking each message. */
    public Report readAll(String bootstrapServers) {
        Map<String, Channel> byTopic = new HashMap<>();
        channels.forEach(channel -> byTopic.put(channel.topic(), channel));
        Map<String, Long> messages = new LinkedHashMap<>();
        channels.forEach(channel -> messages.put(channel.topic(), 0L));
        List<String> problems = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Channel channel : channels) {
                consumer.partitionsFor(channel.topic())
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(partition -> consumer.position(partition.getKey()) >= partition.getValue());
            while (!end.isEmpty()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    messages.merge(record.topic(), 1L, Long::sum);
                    check(byTopic.get(record.topic()), record, problems);
                }
                end.entrySet().removeIf(partition -> consumer.position(partition.getKey()) >= partition.getValue());
            }
        }
        return new Report(messages, problems);
    }

    private static void check(Channel channel, ConsumerRecord<String, String> record, List<String> problems) {
        String where = record.topic() + "@" + record.partition() + ":" + record.offset();
        ObjectNode headers = JSON.createObjectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        report(where + " headers", channel.headers().validate(headers), problems);
        if (!headers.path("ce_subject").asText().equals(record.key())) {
            problems.add(where + ": the key " + record.key() + " is not ce_subject " + headers.path("ce_subject"));
        }
        try {
            report(where + " payload", channel.payload().validate(JSON.readTree(record.value())), problems);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(where + ": the payload is not JSON: " + e.getMessage());
        }
    }

    private static void report(String where, Set<ValidationMessage> violations, List<String> problems) {
        violations.forEach(violation -> problems.add(where + ": " + violation.getMessage()));
    }

    /** Follows a local {@code $ref} such as {@code #/components/messages/OrderPlaced}. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref != null && ref.asText().startsWith("#") ? resolve(document, document.at(ref.asText().substring(1)))
                : node;
    }

    private static String fetch(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(properties);
    }

    public static void main(String[] args) throws Exception {
        URI asyncApi = URI.create(args.length > 0 ? args[0] : "http://localhost:8084/contracts/asyncapi.yaml");
        AsyncApiConsumer reader = from(asyncApi);
        String servers = args.length > 1 ? args[1] : reader.documentedServer();
        System.out.println("Reading " + reader.channels().size() + " topics from " + servers + ", as " + asyncApi
                + " describes them");
        Report report = reader.readAll(servers);
        report.messages().forEach((topic, count) -> System.out.printf("%-22s %8d%n", topic, count));
        report.problems().forEach(problem -> System.out.println("NOT AS DOCUMENTED " + problem));
        System.out.println(report.problems().isEmpty() ? "Every message is as the document says."
                : report.problems().size() + " message(s) are not as the document says.");
        System.exit(report.problems().isEmpty() ? 0 : 1);
    }
}
