package io.feiyan.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.openqa.selenium.HasCapabilities;

/**
 * The DevTools protocol of the browser a {@link Browser} drives, spoken directly over its WebSocket: for what
 * chromedriver's one-way {@code executeCdpCommand} cannot do — hear the protocol's events (a service worker's
 * registration), and reach targets other than the page (the service worker itself), each through a session of its own.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Browser.WAIT;

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private DevTools(WebSocket socket) {
        this.socket = socket;
    }

    /** The browser's own endpoint, as chromedriver names it (goog:chromeOptions.debuggerAddress). */
    static DevTools of(Browser browser) {
        Map<?, ?> options = (Map<?, ?>) ((HasCapabilities) browser.driver).getCapabilities()
                .getCapability("goog:chromeOptions");
        String address = String.valueOf(options.get("debuggerAddress"));
        HttpClient http = HttpClient.newHttpClient();
        try {
            JsonNode version = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://" + address
                    + "/json/version")).build(), HttpResponse.BodyHandlers.ofString()).body());
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(version.get("webSocketDebuggerUrl").asText()), listener)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            DevTools devTools = new DevTools(socket);
            listener.devTools = devTools;
            return devTools;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach the browser's DevTools at " + address, e);
        }
    }

    /** A session with the first target of this type ({@code page}, {@code service_worker}) whose URL starts so. */
    String attach(String type, String urlPrefix) {
        JsonNode target = org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
            for (JsonNode info : send(null, "Target.getTargets", Map.of()).get("targetInfos")) {
                if (info.get("type").asText().equals(type) && info.get("url").asText().startsWith(urlPrefix)) {
                    return info;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        return send(null, "Target.attachToTarget", Map.of("targetId", target.get("targetId").asText(),
                "flatten", true)).get("sessionId").asText();
    }

    /** A command's result; in the session given, or to the browser for none. */
    JsonNode send(String session, String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(params));
        if (session != null) {
            command.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        try {
            socket.sendText(command.toString(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            JsonNode reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.get("result");
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " had no answer", e);
        } finally {
            answers.remove(id);
        }
    }

    /** The first event of this method, heard since this connection was made, whose params match; waited for. */
    JsonNode awaitEvent(String method, Predicate<JsonNode> matching) {
        return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> events.stream()
                .filter(event -> event.path("method").asText().equals(method))
                .map(event -> event.get("params")).filter(matching).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private void heard(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = answers.get(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
            } else {
                events.add(message);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the frames of a message together (a long one comes in several) and hands each whole one on. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile DevTools devTools;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                devTools.heard(message);
            }
            socket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
