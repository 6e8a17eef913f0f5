package io.feiyan.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.launcher.FeiyanService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Calls on the services' APIs, as a user with a bearer token, with JSON in and out. */
final class ServiceCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 5;

    private final Function<FeiyanService, String> url;

    /** Calls on the services that answer at {@code url}. */
    ServiceCalls(Function<FeiyanService, String> url) {
        this.url = url;
    }

    /** A service's answer: its status and its body, read to the end. */
    record Response(int status, String body) {
    }

    /** A GET that must answer 200, read as JSON. */
    JsonNode get(FeiyanService service, String path, String bearer) {
        Response response = exchange("GET", service, path, null, bearer);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " on " + service.moduleName() + " answered "
                    + response.status() + ": " + response.body());
        }
        return read(response);
    }

    /**
     * Retried when the service cannot be reached or answers 5xx, as a busy service may. With the JDK's plain
     * HTTP client, which costs the client a fraction of the CPU of java.net.http's: on two cores every bit counts.
     */
    Response exchange(String method, FeiyanService service, String path, Object body, String bearer) {
        try {
            byte[] json = body == null ? null : JSON.writeValueAsBytes(body);
            for (int attempt = 1; ; attempt++) {
                try {
                    Response response = send(method, URI.create(url.apply(service) + path), json, bearer);
                    if (response.status() < 500 || attempt == ATTEMPTS) {
                        return response;
                    }
                } catch (IOException e) {
                    if (attempt == ATTEMPTS) {
                        throw new IllegalStateException(method + " " + path + " on " + service.moduleName()
                                + " failed: " + e, e);
                    }
                }
                Thread.sleep(200L * attempt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One request; the answer is read to its end, so that the connection is kept for the next. */
    private static Response send(String method, URI uri, byte[] json, String bearer) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        connection.setRequestMethod(method);
        connection.setRequestProperty("Authorization", "Bearer " + bearer);
        connection.setRequestProperty("Accept", "application/json");
        if (json != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(json);
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static JsonNode read(Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }
}
