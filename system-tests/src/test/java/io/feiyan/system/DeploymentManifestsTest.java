package io.feiyan.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.feiyan.events.EventType;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.servers.EmbeddedKeycloak;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment manifests — Docker Compose in {@code deploy/compose}, Kubernetes in {@code deploy/k8s} — read
 * against the code they deploy: every topic of {@link EventType} with its retention, each service's dead-letter
 * topic, port, health endpoints, database and settings. It reads files only; nothing is started.
 *
 * <p>Checked to fail, each then restored: with {@code orders.rated} taken out of {@code kafka-topics.yaml} and out
 * of {@code create-topics.sh} (as when a topic is added to EventType without manifests), with a KafkaTopic that
 * no event or service uses, with {@code retention.ms} dropped from {@code orders.placed}, with the intake
 * container's port changed, with a variable {@code FEIYAN_NO_SUCH_SETTING} in a Deployment and in the Compose file,
 * with feedback-service at two replicas, with the dispatch autoscaler's maxReplicas above the partitions, with a
 * manifest left out of the kustomization, with the Compose broker's health check taken away, with
 * notification-service at one replica, with its SMS password given as a value, with a key of the secret
 * feiyan-notification that the command making it does not give, with a channel's variable that Compose passes on
 * left out of the Deployment, and with the dashboard's address of notification left out of dispatch's Deployment.
 */
class DeploymentManifestsTest {
    private static final Path ROOT = RunningFeiyan.root();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Path COMPOSE = ROOT.resolve("deploy/compose");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Settings that every service reads besides those its properties files name: those the local run passes to
     * each (FeiyanSystem) and the issuer SmallRye JWT requires.
     */
    private static final Set<String> WELL_KNOWN_SETTINGS = Set.of("quarkus.http.port", "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username", "quarkus.datasource.password", "kafka.bootstrap.servers",
            "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer");
    /** Read by the image's command (each service's src/main/docker/Dockerfile.jvm), not by the application. */
    private static final String JVM_OPTIONS = "JAVA_OPTS";
    /** The topic settings that say how long a topic keeps its messages, as EventType.topicConfig() does. */
    private static final Set<String> RETENTION_SETTINGS = Set.of("cleanup.policy", "retention.ms", "retention.bytes");
    private static final String HEALTH_LIVE = "/q/health/live";
    private static final String HEALTH_READY = "/q/health/ready";
    private static final String HEALTH_STARTED = "/q/health/started";
    /** Settings whose values are secrets, by their variables' names: passwords, client secrets, keys, tokens. */
    private static final Pattern SECRET_SETTING = Pattern.compile(".*(PASSWORD|SECRET|PRIVATE_KEY|TOKEN)");

    // ---- Kubernetes

    @Test
    void everyResourceOfTheKustomizationExistsAndEveryManifestIsListed() throws IOException {
        JsonNode kustomization = readYaml(K8S.resolve("kustomization.yaml")).get(0);
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));
        for (String resource : listed) {
            assertTrue(Files.isRegularFile(K8S.resolve(resource)), "kustomization.yaml lists " + resource
                    + ", which is not in deploy/k8s");
        }
        try (Stream<Path> files = Files.list(K8S)) {
            Set<String> manifests = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(manifests, listed, "every manifest in deploy/k8s is a resource of kustomization.yaml");
        }
    }

    @Test
    void everyEventTopicIsAKafkaTopicWithItsRetentionOnThreeReplicas() {
        Map<String, JsonNode> topics = kafkaTopics();
        for (EventType type : EventType.values()) {
            JsonNode topic = topics.get(type.topic());
            assertNotNull(topic, type + " is published on " + type.topic() + ", which has no KafkaTopic in deploy/k8s");
            assertReplicatedForScaleOut(type.topic(), topic);
            assertEquals(type.topicConfig(), retention(topic.path("spec").path("config")),
                    type.topic() + " keeps its messages as EventType.topicConfig() says");
        }
    }

    @Test
    void everyServiceHasADeadLetterTopicOnThreeReplicas() {
        Map<String, JsonNode> topics = kafkaTopics();
        for (FeiyanService service : FeiyanService.values()) {
            String deadLetters = deadLetterTopic(service);
            JsonNode topic = topics.get(deadLetters);
            assertNotNull(topic, service.moduleName() + " sends what it cannot process to " + deadLetters
                    + ", which has no KafkaTopic in deploy/k8s");
            assertReplicatedForScaleOut(deadLetters, topic);
        }
    }

    @Test
    void thereIsNoKafkaTopicThatNoEventOrServiceUses() {
        assertEquals(new TreeSet<>(topicsTheCodeUses()), new TreeSet<>(kafkaTopics().keySet()),
                "the KafkaTopics are the EventType topics and the services' dead-letter topics");
    }

    @Test
    void theKafkaClusterKeepsThreeReplicasAndTheServicesUseItsBootstrapService() {
        JsonNode kafka = single("Kafka");
        String cluster = kafka.path("metadata").path("name").asText();
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertEquals("3", config.path("default.replication.factor").asText(), "default.replication.factor");
        assertEquals("2", config.path("min.insync.replicas").asText(), "min.insync.replicas");

        List<JsonNode> pools = ofKind("KafkaNodePool").stream()
                .filter(pool -> cluster.equals(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()))
                .toList();
        assertFalse(pools.isEmpty(), "a KafkaNodePool of cluster " + cluster);
        int brokers = pools.stream().filter(pool -> texts(pool.path("spec").path("roles")).contains("broker"))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
        assertEquals(3, brokers, "brokers of cluster " + cluster);

        kafkaTopics().forEach((name, topic) -> assertEquals(cluster,
                topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(),
                "KafkaTopic " + name + " belongs to the Kafka cluster " + cluster));

        JsonNode plain = stream(kafka.path("spec").path("kafka").path("listeners"))
                .filter(listener -> !listener.path("tls").asBoolean())
                .findFirst().orElseThrow(() -> new AssertionError("a listener without TLS for the services"));
        String bootstrap = cluster + "-kafka-bootstrap:" + plain.path("port").asInt();
        for (FeiyanService service : FeiyanService.values()) {
            assertEquals(bootstrap, k8sEnvironment(container(service)).get("KAFKA_BOOTSTRAP_SERVERS"),
                    service.moduleName() + " reads KAFKA_BOOTSTRAP_SERVERS");
        }
    }

    @Test
    void eachServiceListensOnItsPortAndIsProbedAndServedThere() throws IOException {
        for (FeiyanService service : FeiyanService.values()) {
            String name = service.moduleName();
            int port = service.defaultPort();
            assertEquals(String.valueOf(port), applicationProperties(service).getProperty("quarkus.http.port"),
                    name + "'s application.properties");
            JsonNode container = container(service);
            JsonNode containerPort = stream(container.path("ports"))
                    .filter(candidate -> candidate.path("containerPort").asInt() == port).findFirst()
                    .orElseThrow(() -> new AssertionError(name + "'s container exposes port " + port));

            assertProbe(name + " liveness", container.path("livenessProbe"), HEALTH_LIVE, container, port);
            assertProbe(name + " readiness", container.path("readinessProbe"), HEALTH_READY, container, port);
            if (container.has("startupProbe")) {
                assertProbe(name + " startup", container.path("startupProbe"), HEALTH_STARTED, container, port);
            }

            JsonNode k8sService = named("Service", name);
            Map<String, String> podLabels = strings(deployment(service).path("spec").path("template")
                    .path("metadata").path("labels"));
            strings(k8sService.path("spec").path("selector")).forEach((label, value) -> assertEquals(value,
                    podLabels.get(label), "Service " + name + " selects the pods of Deployment " + name));
            assertTrue(stream(k8sService.path("spec").path("ports")).anyMatch(servicePort ->
                    portOf(servicePort.path("targetPort"), container) == port
                            && servicePort.path("port").asInt() == port),
                    "Service " + name + " serves port " + port + " of " + containerPort);

            Path dockerfile = dockerfile(service);
            assertTrue(Files.readString(dockerfile).contains("EXPOSE " + port), dockerfile + " exposes " + port);
        }
    }

    /**
     * Every database (the services' and Keycloak's) archives its WAL continuously and has a nightly base backup, into
     * an object store whose credentials come from a secret the manifests say how to make.
     */
    @Test
    void everyDatabaseClusterArchivesItsWalAndIsBackedUpEveryNight() throws IOException {
        List<JsonNode> clusters = ofKind("Cluster");
        assertEquals(FeiyanSystem.databases().stream().sorted().toList(), clusters.stream()
                .map(cluster -> cluster.path("spec").path("bootstrap").path("initdb").path("database").asText())
                .sorted().toList(), "a CloudNativePG Cluster for every database of the system");
        for (JsonNode cluster : clusters) {
            String name = cluster.path("metadata").path("name").asText();
            JsonNode archiver = StreamSupport.stream(cluster.path("spec").path("plugins").spliterator(), false)
                    .filter(plugin -> plugin.path("name").asText().equals("barman-cloud.cloudnative-pg.io"))
                    .findFirst().orElseThrow(() -> new AssertionError("Cluster " + name + " uses no Barman Cloud plugin"));
            assertTrue(archiver.path("isWALArchiver").asBoolean(), "Cluster " + name + " archives its WAL");
            JsonNode store = named("ObjectStore", archiver.path("parameters").path("barmanObjectName").asText());
            for (JsonNode credential : store.path("spec").path("configuration").path("s3Credentials")) {
                String secret = credential.path("name").asText();
                assertTrue(keysOfTheCommandThatMakes(secret).contains(credential.path("key").asText()),
                        "ObjectStore " + store.path("metadata").path("name").asText() + " reads key "
                                + credential.path("key").asText() + " of secret " + secret
                                + ", which no `kubectl create secret generic` in deploy/k8s makes");
            }
            assertTrue(ofKind("ScheduledBackup").stream().anyMatch(backup -> backup.path("spec").path("cluster")
                    .path("name").asText().equals(name) && backup.path("spec").path("method").asText().equals("plugin")
                    && !backup.path("spec").path("schedule").asText().isBlank()),
                    "a ScheduledBackup of Cluster " + name + " through the plugin");
        }
    }

    @Test
    void eachServiceUsesTheDatabaseOfItsOwnPostgresCluster() {
        for (FeiyanService service : FeiyanService.values()) {
            JsonNode container = container(service);
            String secret = secretOf(container, "QUARKUS_DATASOURCE_JDBC_URL");
            assertEquals(secret, secretOf(container, "QUARKUS_DATASOURCE_USERNAME"), service.moduleName() + " user");
            assertEquals(secret, secretOf(container, "QUARKUS_DATASOURCE_PASSWORD"), service.moduleName() + " password");
            JsonNode cluster = ofKind("Cluster").stream()
                    .filter(candidate -> secret.equals(candidate.path("metadata").path("name").asText() + "-app"))
                    .findFirst().orElseThrow(() -> new AssertionError(service.moduleName() + " reads secret " + secret
                            + ", which no CloudNativePG Cluster <name>-app makes"));
            assertEquals(service.database(), cluster.path("spec").path("bootstrap").path("initdb").path("database")
                    .asText(), "the database of " + service.moduleName());
            assertTrue(cluster.path("spec").path("instances").asInt() >= 2,
                    "a standby for the database of " + service.moduleName());
        }
    }

    @Test
    void everyEnvironmentVariableOfADeploymentIsASettingItsServiceReads() throws IOException {
        for (FeiyanService service : FeiyanService.values()) {
            assertSettingsTheServiceReads(service, k8sEnvironment(container(service)).keySet(),
                    "Deployment " + service.moduleName());
        }
    }

    @Test
    void intakeAndDispatchScaleFromTwoToNoMoreThanTheTopicsPartitions() {
        Map<String, JsonNode> topics = kafkaTopics();
        int partitions = Arrays.stream(EventType.values())
                .mapToInt(type -> topics.getOrDefault(type.topic(), YAML.missingNode()).path("spec").path("partitions")
                        .asInt())
                .min().orElseThrow();
        for (FeiyanService service : List.of(FeiyanService.INTAKE, FeiyanService.DISPATCH)) {
            JsonNode autoscaler = autoscalerOf(service);
            assertNotNull(autoscaler, "a HorizontalPodAutoscaler for " + service.moduleName());
            assertEquals("autoscaling/v2", autoscaler.path("apiVersion").asText());
            assertTrue(autoscaler.path("spec").path("minReplicas").asInt() >= 2,
                    service.moduleName() + " runs at least two instances");
            int max = autoscaler.path("spec").path("maxReplicas").asInt();
            assertTrue(max <= partitions, service.moduleName() + " scales to " + max
                    + " instances, more than the " + partitions + " partitions they share");
        }
    }

    @Test
    void feedbackRunsAsOneInstanceAlways() {
        JsonNode spec = deployment(FeiyanService.FEEDBACK).path("spec");
        assertEquals(1, spec.path("replicas").asInt(), "feedback-service: one rebuild at a time per instance");
        assertEquals("Recreate", spec.path("strategy").path("type").asText(),
                "feedback-service: the old instance stops before the new one starts");
        assertNull(autoscalerOf(FeiyanService.FEEDBACK), "no autoscaler for feedback-service");
    }

    @Test
    void everyServiceButFeedbackRunsAtLeastTwoInstances() {
        for (FeiyanService service : FeiyanService.values()) {
            if (service == FeiyanService.FEEDBACK) {
                continue; // one rebuild at a time: feedbackRunsAsOneInstanceAlways
            }
            JsonNode autoscaler = autoscalerOf(service);
            int least = autoscaler != null ? autoscaler.path("spec").path("minReplicas").asInt()
                    : deployment(service).path("spec").path("replicas").asInt(1);
            assertTrue(least >= 2, service.moduleName() + " runs " + least + " instance(s): one may fail or move");
        }
    }

    @Test
    void aSecretSettingComesFromASecret_neverFromTheManifests() throws IOException {
        for (FeiyanService service : FeiyanService.values()) {
            for (JsonNode variable : container(service).path("env")) {
                String name = variable.path("name").asText();
                if (SECRET_SETTING.matcher(name).matches()) {
                    assertFalse(variable.has("value"), "Deployment " + service.moduleName() + " gives " + name
                            + " a value: take it from a Secret");
                    assertFalse(variable.path("valueFrom").path("secretKeyRef").path("name").asText().isEmpty(),
                            "Deployment " + service.moduleName() + " takes " + name + " from a Secret");
                }
            }
            compose().path("services").path(service.moduleName()).path("environment").fields()
                    .forEachRemaining(variable -> {
                        if (SECRET_SETTING.matcher(variable.getKey()).matches()) {
                            JsonNode value = variable.getValue();
                            assertTrue(value.isNull() || value.asText().matches("\\$\\{\\w+[^}]*}"),
                                    "compose service " + service.moduleName() + " takes " + variable.getKey()
                                            + " from the environment (named alone, or ${VARIABLE}): " + value);
                        }
                    });
        }
    }

    /**
     * A Secret a service reads is made by the CloudNativePG cluster it is named after ({@code <cluster>-app}), or
     * else the manifests say how to make it, with every key read: a {@code kubectl create secret generic NAME
     * --from-literal=KEY=...} command in a comment, its lines joined by a trailing backslash.
     */
    @Test
    void everySecretADeploymentReadsIsMadeByItsDatabaseClusterOrTheManifestsSayHow() throws IOException {
        Set<String> clusterSecrets = ofKind("Cluster").stream()
                .map(cluster -> cluster.path("metadata").path("name").asText() + "-app").collect(Collectors.toSet());
        for (FeiyanService service : FeiyanService.values()) {
            for (JsonNode variable : container(service).path("env")) {
                JsonNode reference = variable.path("valueFrom").path("secretKeyRef");
                if (reference.isMissingNode()) {
                    continue;
                }
                String secret = reference.path("name").asText();
                String key = reference.path("key").asText();
                if (clusterSecrets.contains(secret)) {
                    assertTrue(Set.of("jdbc-uri", "username", "password").contains(key),
                            "CloudNativePG's secret " + secret + " has no key " + key);
                } else {
                    assertTrue(keysOfTheCommandThatMakes(secret).contains(key), "Deployment " + service.moduleName()
                            + " reads key " + key + " of secret " + secret + ", which no `kubectl create secret "
                            + "generic " + secret + "` in deploy/k8s makes");
                }
            }
        }
    }

    /** The keys the commented {@code create secret generic} command of a manifest gives the secret. */
    private static Set<String> keysOfTheCommandThatMakes(String secret) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (JsonNode file : readYaml(K8S.resolve("kustomization.yaml")).get(0).path("resources")) {
            List<String> lines = Files.readAllLines(K8S.resolve(file.asText()));
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).matches("#.*create secret generic " + Pattern.quote(secret) + "(\\s.*)?")) {
                    continue;
                }
                StringBuilder command = new StringBuilder(lines.get(i));
                while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
                    command.append(' ').append(lines.get(++i).replaceFirst("^#", ""));
                }
                Matcher literal = Pattern.compile("--from-literal=([\\w.-]+)=").matcher(command);
                while (literal.find()) {
                    keys.add(literal.group(1));
                }
            }
        }
        return keys;
    }

    /** What Compose passes on from the environment that runs it (a county's accounts), Kubernetes sets too. */
    @Test
    void aSettingComposeTakesFromTheEnvironmentIsSetOnKubernetesToo() throws IOException {
        for (FeiyanService service : FeiyanService.values()) {
            Map<String, String> k8s = k8sEnvironment(container(service));
            compose().path("services").path(service.moduleName()).path("environment").fields()
                    .forEachRemaining(variable -> {
                        if (variable.getValue().isNull()) {
                            assertTrue(k8s.containsKey(variable.getKey()), "compose service " + service.moduleName()
                                    + " takes " + variable.getKey() + " from the environment; Deployment "
                                    + service.moduleName() + " sets it not");
                        }
                    });
        }
    }

    /**
     * The app (intake's) and the dashboard (dispatch's) call other services from their users' browsers, at the
     * addresses their {@code feiyan.app.*-api} and {@code feiyan.dashboard.*-api} settings name: Compose names the
     * service's published port on localhost, Kubernetes an address over TLS (the defaults, localhost, would not
     * reach a county's browsers).
     */
    @Test
    void thePagesFindTheServicesTheyCallAtTheirPublishedAddresses() throws IOException {
        Map<FeiyanService, String> pages = Map.of(FeiyanService.INTAKE, "feiyan.app.",
                FeiyanService.DISPATCH, "feiyan.dashboard.");
        for (Map.Entry<FeiyanService, String> page : pages.entrySet()) {
            FeiyanService server = page.getKey();
            Map<String, String> k8s = k8sEnvironment(container(server));
            JsonNode composed = compose().path("services").path(server.moduleName()).path("environment");
            Matcher api = Pattern.compile(Pattern.quote(page.getValue()) + "([a-z]+)-api").matcher("");
            for (String setting : keys(applicationProperties(server))) {
                if (!api.reset(setting).matches()) {
                    continue;
                }
                FeiyanService called = Arrays.stream(FeiyanService.values())
                        .filter(service -> service.moduleName().equals(api.group(1) + "-service")).findFirst()
                        .orElseThrow(() -> new AssertionError(setting + " names no service"));
                String variable = setting.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
                assertEquals("http://localhost:" + called.defaultPort(), composed.path(variable).asText(null),
                        "compose service " + server.moduleName() + " sets " + variable + " to "
                                + called.moduleName() + "'s published port");
                String address = k8s.get(variable);
                assertTrue(address != null && address.startsWith("https://"), "Deployment " + server.moduleName()
                        + " sets " + variable + " to an address over TLS: " + address);
            }
        }
    }

    // ---- Docker Compose

    @Test
    void keycloakRunsOnItsOwnPostgresCluster_importsTheProjectsRealm_andTheServicesTrustItsIssuer() throws IOException {
        JsonNode keycloak = single("Keycloak").path("spec");
        JsonNode db = keycloak.path("db");
        assertEquals("postgres", db.path("vendor").asText());
        JsonNode cluster = named("Cluster", db.path("host").asText().replaceFirst("-rw$", ""));
        assertEquals(db.path("database").asText(), cluster.path("spec").path("bootstrap").path("initdb")
                .path("database").asText(), "Keycloak's database is its cluster's");
        String secret = cluster.path("metadata").path("name").asText() + "-app";
        assertEquals(secret, db.path("usernameSecret").path("name").asText());
        assertEquals(secret, db.path("passwordSecret").path("name").asText());
        assertEquals("quay.io/keycloak/keycloak:" + keycloakVersion(), keycloak.path("image").asText(),
                "Kubernetes runs the Keycloak the local run does");
        assertFalse(keycloak.path("http").path("tlsSecret").asText().isEmpty(), "Keycloak serves over TLS");

        JsonNode realmImport = single("KeycloakRealmImport").path("spec");
        assertEquals(single("Keycloak").path("metadata").path("name").asText(),
                realmImport.path("keycloakCRName").asText());
        assertEquals(realmFile(), realmImport.path("realm"), "keycloak.yaml imports deploy/keycloak/feiyan-realm.json");
        Set<String> placeholders = new TreeSet<>();
        realmImport.path("placeholders").fieldNames().forEachRemaining(placeholders::add);
        assertEquals(realmVariables(), placeholders, "every variable of the realm file has its placeholder");

        String issuer = keycloak.path("hostname").path("hostname").asText() + "/realms/" + EmbeddedKeycloak.REALM;
        Map<String, String> config = strings(named("ConfigMap", "feiyan").path("data"));
        assertEquals(issuer, config.get("MP_JWT_VERIFY_ISSUER"), "the services require Keycloak's issuer");
        assertEquals(issuer + "/protocol/openid-connect/certs", config.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                "the services verify with Keycloak's keys");
    }

    @Test
    void composeRunsKeycloakWithTheProjectsRealm_andTheServicesTrustIt() throws IOException {
        JsonNode keycloak = compose().path("services").path("keycloak");
        assertTrue(keycloak.path("image").asText().startsWith("quay.io/keycloak/keycloak:${KEYCLOAK_VERSION"));
        Properties env = new Properties();
        try (Reader reader = Files.newBufferedReader(COMPOSE.resolve(".env"))) {
            env.load(reader);
        }
        assertEquals(keycloakVersion(), env.getProperty("KEYCLOAK_VERSION"), "Compose runs the local run's Keycloak");
        assertTrue(env.getProperty("KEYCLOAK_ADMIN_PASSWORD").isEmpty() && env.getProperty("FEIYAN_SCRIPTS_SECRET")
                .isEmpty() && env.getProperty("FEIYAN_NOTIFICATION_SECRET").isEmpty(),
                "no secret of Keycloak's in the repository");
        assertTrue(texts(keycloak.path("volumes")).contains(
                "../keycloak/feiyan-realm.json:/opt/keycloak/data/import/feiyan-realm.json:ro"));
        Set<String> variables = new TreeSet<>();
        keycloak.path("environment").fieldNames().forEachRemaining(variables::add);
        assertTrue(variables.containsAll(realmVariables()), "Compose sets the realm file's variables: " + variables);
        String hostname = texts(keycloak.path("command")).stream().filter(arg -> arg.startsWith("--hostname="))
                .findFirst().orElseThrow().substring("--hostname=".length());
        String port = hostname.replaceFirst(".*:", "");
        assertTrue(texts(keycloak.path("ports")).contains(port + ":" + port), "Keycloak published on " + port);
        for (FeiyanService service : FeiyanService.values()) {
            JsonNode environment = compose().path("services").path(service.moduleName()).path("environment");
            assertEquals(hostname + "/realms/" + EmbeddedKeycloak.REALM, environment.path("MP_JWT_VERIFY_ISSUER")
                    .asText(), service.moduleName() + " requires the issuer the browser sees");
            assertEquals("service_healthy", compose().path("services").path(service.moduleName()).path("depends_on")
                    .path("keycloak").path("condition").asText(), service.moduleName() + " waits for Keycloak");
        }
        assertTrue(Pattern.compile("(?im)^\\s*CREATE DATABASE keycloak\\s*;").matcher(
                Files.readString(COMPOSE.resolve("postgres-init.sql"))).find(), "Keycloak's database");
    }

    private static JsonNode realmFile() throws IOException {
        return new ObjectMapper().readTree(ROOT.resolve("deploy/keycloak/feiyan-realm.json").toFile());
    }

    /** The ${VARIABLES} of the realm file, which every way of running sets. */
    private static Set<String> realmVariables() throws IOException {
        Set<String> variables = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{(FEIYAN_\\w+)}").matcher(
                Files.readString(ROOT.resolve("deploy/keycloak/feiyan-realm.json")));
        while (variable.find()) {
            variables.add(variable.group(1));
        }
        return variables;
    }

    /** keycloak.version of the project's pom. */
    private static String keycloakVersion() throws IOException {
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(version.find(), "pom.xml names keycloak.version");
        return version.group(1);
    }

    @Test
    void composeRunsEveryServiceOnItsPortAfterItsInfrastructureIsHealthy() throws IOException {
        JsonNode services = compose().path("services");
        for (FeiyanService service : FeiyanService.values()) {
            String name = service.moduleName();
            JsonNode composed = services.path(name);
            assertFalse(composed.isMissingNode(), "compose.yaml runs " + name);
            int port = service.defaultPort();
            assertTrue(texts(composed.path("ports")).contains(port + ":" + port), name + " published on " + port);
            String check = String.join(" ", texts(composed.path("healthcheck").path("test")));
            assertTrue(check.contains("localhost:" + port + HEALTH_READY), name + "'s health check: " + check);

            Path context = COMPOSE.resolve(composed.path("build").path("context").asText()).normalize();
            assertEquals(dockerfile(service), context.resolve(composed.path("build").path("dockerfile").asText()),
                    name + " is built by its Dockerfile.jvm");
            assertTrue(composed.path("image").asText().startsWith("feiyan/" + name + ":"), name + "'s image");

            JsonNode dependsOn = composed.path("depends_on");
            assertEquals("service_healthy", dependsOn.path("postgres").path("condition").asText(), name + " waits for postgres");
            assertEquals("service_healthy", dependsOn.path("kafka").path("condition").asText(), name + " waits for kafka");
            assertEquals("service_completed_successfully", dependsOn.path("kafka-topics").path("condition").asText(),
                    name + " waits for the topics");
        }
        services.fields().forEachRemaining(service -> {
            boolean oneShot = "no".equals(service.getValue().path("restart").asText());
            assertTrue(oneShot || service.getValue().path("healthcheck").has("test"),
                    "compose service " + service.getKey() + " has a health check");
        });
        Set<String> images = new HashSet<>();
        for (FeiyanService service : FeiyanService.values()) {
            images.add(container(service).path("image").asText().replaceFirst(":.*", ""));
        }
        assertEquals(Arrays.stream(FeiyanService.values()).map(service -> "feiyan/" + service.moduleName())
                .collect(Collectors.toSet()), images, "Kubernetes runs the images Compose builds");
    }

    @Test
    void composeGivesEachServiceItsOwnDatabase() throws IOException {
        String init = Files.readString(COMPOSE.resolve("postgres-init.sql"));
        for (FeiyanService service : FeiyanService.values()) {
            assertTrue(Pattern.compile("(?im)^\\s*CREATE DATABASE " + service.database() + "\\s*;").matcher(init).find(),
                    "postgres-init.sql creates database " + service.database());
            String url = compose().path("services").path(service.moduleName()).path("environment")
                    .path("QUARKUS_DATASOURCE_JDBC_URL").asText();
            assertTrue(url.matches("jdbc:postgresql://postgres:5432/" + service.database()),
                    service.moduleName() + " connects to its own database: " + url);
        }
    }

    @Test
    void everyEnvironmentVariableOfAComposeServiceIsASettingItReads() throws IOException {
        for (FeiyanService service : FeiyanService.values()) {
            JsonNode environment = compose().path("services").path(service.moduleName()).path("environment");
            Set<String> names = new TreeSet<>();
            environment.fieldNames().forEachRemaining(names::add);
            assertSettingsTheServiceReads(service, names, "compose service " + service.moduleName());
        }
    }

    @Test
    void composeCreatesEveryTopicWithItsRetention() throws IOException {
        Path script = COMPOSE.resolve("create-topics.sh");
        assertTrue(texts(compose().path("services").path("kafka-topics").path("volumes")).stream()
                .anyMatch(volume -> volume.startsWith("./create-topics.sh:")), "kafka-topics runs " + script);
        Map<String, Map<String, String>> created = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^topic\\s+(\\S+)((?:\\s+\\S+=\\S+)*)\\s*$").matcher(Files.readString(script));
        while (line.find()) {
            Map<String, String> config = new HashMap<>();
            for (String setting : line.group(2).trim().split("\\s+")) {
                if (!setting.isEmpty()) {
                    config.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
                }
            }
            created.put(line.group(1), config);
        }
        assertEquals(new TreeSet<>(topicsTheCodeUses()), created.keySet(),
                "create-topics.sh makes the EventType topics and the services' dead-letter topics");
        for (EventType type : EventType.values()) {
            assertEquals(type.topicConfig(), retention(YAML.valueToTree(created.get(type.topic()))),
                    type.topic() + " keeps its messages as EventType.topicConfig() says");
        }
    }

    @Test
    void everyVariableComposeSubstitutesIsSetInItsEnvFile() throws IOException {
        Properties env = new Properties();
        try (Reader reader = Files.newBufferedReader(COMPOSE.resolve(".env"))) {
            env.load(reader);
        }
        Matcher variable = Pattern.compile("\\$\\{(\\w+)").matcher(Files.readString(COMPOSE.resolve("compose.yaml")));
        while (variable.find()) {
            assertTrue(env.containsKey(variable.group(1)), "deploy/compose/.env sets " + variable.group(1));
        }
    }

    // ---- the code's side

    /** Where a service sends what it cannot process: the platform's feiyan.dead-letters.topic, for its name. */
    private static String deadLetterTopic(FeiyanService service) {
        String topic = platformProperties().getProperty("feiyan.dead-letters.topic");
        assertNotNull(topic, "the platform names the dead-letter topic");
        return topic.replace("${quarkus.application.name}",
                applicationProperties(service).getProperty("quarkus.application.name"));
    }

    private static Set<String> topicsTheCodeUses() {
        Set<String> topics = new HashSet<>();
        Arrays.stream(EventType.values()).forEach(type -> topics.add(type.topic()));
        Arrays.stream(FeiyanService.values()).forEach(service -> topics.add(deadLetterTopic(service)));
        return topics;
    }

    /** Fails unless each variable names, by MicroProfile Config's rules, a setting the service reads. */
    private static void assertSettingsTheServiceReads(FeiyanService service, Set<String> variables, String where)
            throws IOException {
        Set<String> settings = new TreeSet<>(WELL_KNOWN_SETTINGS);
        settings.addAll(keys(platformProperties()));
        settings.addAll(keys(applicationProperties(service)));
        for (String variable : variables) {
            if (variable.equals(JVM_OPTIONS)) {
                assertTrue(Files.readString(dockerfile(service)).contains("$" + JVM_OPTIONS),
                        dockerfile(service) + " reads " + JVM_OPTIONS);
                continue;
            }
            assertTrue(settings.stream().anyMatch(setting -> names(variable, setting)), where + " sets " + variable
                    + ", which names no setting of " + service.moduleName() + " (its application.properties, the "
                    + "platform's microprofile-config.properties, or " + WELL_KNOWN_SETTINGS + ")");
        }
    }

    /**
     * MicroProfile Config looks a setting up in the environment by its name as it is, with each character other
     * than a letter or digit made {@code _}, and that in upper case: {@code mp.jwt.verify.issuer} is
     * {@code MP_JWT_VERIFY_ISSUER}.
     */
    static boolean names(String variable, String setting) {
        String sanitized = setting.replaceAll("[^A-Za-z0-9]", "_");
        return variable.equals(setting) || variable.equals(sanitized)
                || variable.equals(sanitized.toUpperCase(Locale.ROOT));
    }

    private static Set<String> keys(Properties properties) {
        // A profile's value (%test.feiyan.x) is the same setting (feiyan.x).
        return properties.stringPropertyNames().stream().map(key -> key.replaceFirst("^%[^.]+\\.", ""))
                .collect(Collectors.toSet());
    }

    private static Properties applicationProperties(FeiyanService service) {
        return properties(ROOT.resolve(service.moduleName()).resolve("src/main/resources/application.properties"));
    }

    private static Properties platformProperties() {
        return properties(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Path dockerfile(FeiyanService service) {
        return ROOT.resolve(service.moduleName()).resolve("src/main/docker/Dockerfile.jvm");
    }

    // ---- the manifests' side

    private static void assertReplicatedForScaleOut(String name, JsonNode topic) {
        JsonNode spec = topic.path("spec");
        assertTrue(spec.path("partitions").asInt() >= 2, name + ": partitions for more than one instance");
        assertEquals(3, spec.path("replicas").asInt(), name + ": replicas");
        assertEquals("2", spec.path("config").path("min.insync.replicas").asText(), name + ": min.insync.replicas");
    }

    /** The retention settings of a topic's configuration, as text. */
    private static Map<String, String> retention(JsonNode config) {
        Map<String, String> retention = new HashMap<>();
        config.fields().forEachRemaining(setting -> {
            if (RETENTION_SETTINGS.contains(setting.getKey())) {
                retention.put(setting.getKey(), setting.getValue().asText());
            }
        });
        return retention;
    }

    private static void assertProbe(String what, JsonNode probe, String path, JsonNode container, int port) {
        JsonNode get = probe.path("httpGet");
        assertEquals(path, get.path("path").asText(), what + " probe path");
        assertEquals(port, portOf(get.path("port"), container), what + " probe port");
    }

    /** A port given by number, or by the name of one of the container's ports. */
    private static int portOf(JsonNode port, JsonNode container) {
        if (port.canConvertToInt()) {
            return port.asInt();
        }
        return stream(container.path("ports")).filter(named -> named.path("name").asText().equals(port.asText()))
                .mapToInt(named -> named.path("containerPort").asInt()).findFirst().orElse(-1);
    }

    /** The container's environment: its env entries and the data of the ConfigMaps it takes whole. */
    private static Map<String, String> k8sEnvironment(JsonNode container) {
        Map<String, String> environment = new TreeMap<>();
        for (JsonNode from : container.path("envFrom")) {
            assertFalse(from.has("secretRef"), "envFrom a Secret hides which settings it sets: use env");
            assertEquals("", from.path("prefix").asText(""), "envFrom without prefix");
            strings(named("ConfigMap", from.path("configMapRef").path("name").asText()).path("data"))
                    .forEach(environment::put);
        }
        for (JsonNode variable : container.path("env")) {
            environment.put(variable.path("name").asText(), variable.path("value").asText(null));
        }
        return environment;
    }

    private static String secretOf(JsonNode container, String variable) {
        return stream(container.path("env")).filter(env -> env.path("name").asText().equals(variable))
                .map(env -> env.path("valueFrom").path("secretKeyRef").path("name").asText()).findFirst()
                .orElseThrow(() -> new AssertionError(container.path("name").asText() + " sets " + variable));
    }

    private static JsonNode deployment(FeiyanService service) {
        return named("Deployment", service.moduleName());
    }

    private static JsonNode container(FeiyanService service) {
        return stream(deployment(service).path("spec").path("template").path("spec").path("containers"))
                .filter(container -> container.path("name").asText().equals(service.moduleName())).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + service.moduleName() + " has a container "
                        + service.moduleName()));
    }

    private static JsonNode autoscalerOf(FeiyanService service) {
        return ofKind("HorizontalPodAutoscaler").stream().filter(hpa -> {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            return "Deployment".equals(target.path("kind").asText())
                    && service.moduleName().equals(target.path("name").asText());
        }).findFirst().orElse(null);
    }

    private static Map<String, JsonNode> kafkaTopics() {
        Map<String, JsonNode> topics = new TreeMap<>();
        for (JsonNode topic : ofKind("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            assertNull(topics.put(name, topic), "one KafkaTopic for " + name);
        }
        return topics;
    }

    private static JsonNode single(String kind) {
        List<JsonNode> found = ofKind(kind);
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    private static JsonNode named(String kind, String name) {
        return ofKind(kind).stream().filter(resource -> name.equals(resource.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name + " in deploy/k8s"));
    }

    private static List<JsonNode> ofKind(String kind) {
        return k8sResources().stream().filter(resource -> kind.equals(resource.path("kind").asText())).toList();
    }

    /** Every resource of every file the kustomization lists. */
    private static List<JsonNode> k8sResources() {
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode file : readYaml(K8S.resolve("kustomization.yaml")).get(0).path("resources")) {
            resources.addAll(readYaml(K8S.resolve(file.asText())));
        }
        return resources;
    }

    private static JsonNode compose() {
        return readYaml(COMPOSE.resolve("compose.yaml")).get(0);
    }

    /** The documents of a YAML file. */
    private static List<JsonNode> readYaml(Path file) {
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            List<JsonNode> read = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject()) {
                    read.add(document);
                }
            }
            if (read.isEmpty()) {
                fail(file + " holds no YAML document");
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements.stream();
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> strings = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            strings.put(field.getKey(), field.getValue().asText());
        }
        return strings;
    }
}
