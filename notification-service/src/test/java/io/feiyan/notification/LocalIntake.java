package io.feiyan.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for intake's {@code GET /api/residents/{id}} in notification's tests, answering as intake does: the
 * resident (with their village) to a volunteer whose token's region holds the village, 403 to another, 404 for a
 * resident it does not have, 401 without a token. (The system tests run the real intake.)
 */
public class LocalIntake implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/residents/";

    private final Map<UUID, String> villages = new ConcurrentHashMap<>();
    private HttpServer server;

    /** A resident intake has registered in the village. */
    public UUID register(String village) {
        UUID resident = UUID.randomUUID();
        villages.put(resident, village);
        return resident;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::resident);
        server.start();
        return Map.of("feiyan.notification.wechat.intake-api",
                "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    private void resident(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String village = villages.get(UUID.fromString(exchange.getRequestURI().getPath().substring(PATH.length())));
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            answer(exchange, 401, "{}");
        } else if (village == null) {
            answer(exchange, 404, "{}");
        } else if (!village.startsWith(region(authorization.substring("Bearer ".length())))) {
            answer(exchange, 403, "{}");
        } else {
            answer(exchange, 200, JSON.createObjectNode().put("villageCode", village).toString());
        }
    }

    /** The region claim of the caller's token (its signature is intake's to check, and the service's). */
    private static String region(String token) throws IOException {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return claims.path("region").asText("\u0000");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.MatchesType(LocalIntake.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
