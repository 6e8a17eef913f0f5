package io.feiyan.testkit;

import io.feiyan.servers.Folders;
import io.feiyan.servers.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a service's tests ({@link FeiyanTest}) a real Kafka broker and a real PostgreSQL database of their own for the
 * length of the module's test run — the embedded servers, or containers with {@code -Dfeiyan.infra=containers}
 * ({@link TestInfrastructure}) — and a token signing key the service trusts. A field annotated
 * {@link InjectEventProbe} gets the run's one {@link EventProbe}.
 */
public class FeiyanTestResource implements QuarkusTestResourceLifecycleManager {
    /** The folder of the signing key pair, for tests to sign tokens with {@code Tokens.in(Path.of(...))}. */
    public static final String TOKEN_KEYS = "feiyan.test.token-keys";

    private TestInfrastructure infrastructure;
    private Path keys;
    private EventProbe probe;

    @Override
    public Map<String, String> start() {
        infrastructure = TestInfrastructure.chosen(System.getProperty(TestInfrastructure.PROPERTY));
        TestInfrastructure.Endpoints endpoints = infrastructure.start("feiyan");
        try {
            keys = Files.createTempDirectory("feiyan-test-keys-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tokens.in(keys);
        probe = new EventProbe(endpoints.kafkaBootstrapServers());
        return quarkusConfig(endpoints, keys);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(probe,
                new TestInjector.AnnotatedAndMatchesType(InjectEventProbe.class, EventProbe.class));
    }

    /** What the service under test is told: where its database and broker are, and whose tokens to trust. */
    static Map<String, String> quarkusConfig(TestInfrastructure.Endpoints endpoints, Path keys) {
        return Map.of(
                "quarkus.datasource.jdbc.url", endpoints.jdbcUrl(),
                "quarkus.datasource.username", endpoints.username(),
                "quarkus.datasource.password", endpoints.password(),
                "kafka.bootstrap.servers", endpoints.kafkaBootstrapServers(),
                "mp.jwt.verify.publickey.location", Tokens.publicKey(keys).toUri().toString(),
                "mp.jwt.verify.issuer", Tokens.ISSUER,
                TOKEN_KEYS, keys.toString());
    }

    @Override
    public void stop() {
        if (probe != null) {
            probe.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        Folders.deleteQuietly(keys);
    }
}
