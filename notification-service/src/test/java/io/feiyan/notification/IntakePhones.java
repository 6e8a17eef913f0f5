package io.feiyan.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.feiyan.servers.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays intake's need-to-know read of a resident's phone over HTTP, as intake-service answers it
 * ({@code GET /api/residents/{id}/phone-for-notification?order=&kind=}, tested there with its audit): from phones the
 * test gives, only to a bearer token whose roles name notifier, recording what each read asked for.
 */
final class IntakePhones implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("/api/residents/([0-9a-f-]{36})/phone-for-notification");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One read: whose phone, for which order, to tell what, and whether it was refused. */
    record Read(UUID resident, String order, String kind, int status) {
    }

    private final HttpServer server;
    private final Map<UUID, String> phones = new ConcurrentHashMap<>();
    private final List<Read> reads = new CopyOnWriteArrayList<>();

    private IntakePhones(HttpServer server) {
        this.server = server;
    }

    static IntakePhones start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", Ports.free()), 0);
            IntakePhones intake = new IntakePhones(server);
            server.createContext("/api/residents/", intake::answer);
            server.start();
            return intake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A resident intake holds with this phone; its id. */
    UUID residentWithPhone(String phone) {
        UUID resident = UUID.randomUUID();
        phones.put(resident, phone);
        return resident;
    }

    List<Read> readsOf(UUID resident) {
        return reads.stream().filter(read -> read.resident().equals(resident)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        Map<String, String> query = query(exchange.getRequestURI());
        int status;
        String body;
        if (!path.matches()) {
            status = 404;
            body = "{}";
        } else if (!notifier(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 403;
            body = "{\"type\": \"https://feiyan.io/problems/forbidden\"}";
        } else {
            String phone = phones.get(UUID.fromString(path.group(1)));
            status = 200;
            body = JSON.writeValueAsString(phone == null ? Map.of() : Map.of("phone", phone));
        }
        if (path.matches()) {
            reads.add(new Read(UUID.fromString(path.group(1)), query.get("order"), query.get("kind"), status));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Whether the bearer token's roles (its groups claim) name notifier; intake verifies its signature too. */
    private static boolean notifier(String authorization) throws IOException {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        for (JsonNode group : claims.path("groups")) {
            if (group.asText().equals("notifier")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new ConcurrentHashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] field = pair.split("=", 2);
                query.put(field[0], field.length > 1 ? field[1] : "");
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
