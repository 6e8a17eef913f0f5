package io.feiyan.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays WeChat's API (api.weixin.qq.com) for an official account's outgoing side, on a local port, as WeChat's
 * documentation describes it: the access token (cgi-bin/token and cgi-bin/stable_token, given only for the account's
 * AppID and AppSecret), customer-service messages (cgi-bin/message/custom/send) and template messages
 * (cgi-bin/message/template/send), each taken only with a token it gave, answered {@code {"errcode":0}} and recorded. A
 * test may make WeChat answer a follower's next message with an error ({@link #answerNext}).
 */
public final class LocalWeChatApi implements AutoCloseable {
    public static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    public static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message the account sent: where to ({@code touser}), by which API, and its JSON as WeChat got it. */
    public record Sent(String api, String toUser, JsonNode body) {
    }

    private final HttpServer server;
    private final String appId;
    private final String secret;
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> errors = new ConcurrentHashMap<>();

    private LocalWeChatApi(String appId, String secret) {
        this.appId = appId;
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/cgi-bin/token", exchange -> answer(exchange, token(query(exchange).get("appid"),
                query(exchange).get("secret"))));
        server.createContext("/cgi-bin/stable_token", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            answer(exchange, token(body.path("appid").asText(), body.path("secret").asText()));
        });
        server.createContext(CUSTOM_SEND, exchange -> send(exchange, CUSTOM_SEND));
        server.createContext(TEMPLATE_SEND, exchange -> send(exchange, TEMPLATE_SEND));
        server.start();
    }

    /** Starts playing WeChat for the account with that AppID and AppSecret. */
    public static LocalWeChatApi start(String appId, String secret) {
        return new LocalWeChatApi(appId, secret);
    }

    /** Where the account's client should send what it would send to https://api.weixin.qq.com. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Every message sent to the follower, by either API, in order. */
    public List<Sent> sentTo(String openid) {
        return sent.stream().filter(message -> openid.equals(message.toUser())).toList();
    }

    /** The follower's next message is answered with WeChat's error (e.g. 43004: the follower unsubscribed). */
    public void answerNext(String openid, int errcode) {
        errors.computeIfAbsent(openid, key -> new ConcurrentLinkedQueue<>()).add(errcode);
    }

    private ObjectNode token(String askingAppId, String askingSecret) {
        if (!appId.equals(askingAppId)) {
            return error(40013, "invalid appid");
        }
        if (!secret.equals(askingSecret)) {
            return error(40125, "invalid appsecret");
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, true);
        return JSON.createObjectNode().put("access_token", token).put("expires_in", 7200);
    }

    private void send(HttpExchange exchange, String api) throws IOException {
        if (!tokens.containsKey(query(exchange).getOrDefault("access_token", ""))) {
            answer(exchange, error(40001, "invalid credential, access_token is invalid or not latest"));
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String toUser = body.path("touser").asText();
        Integer error = errors.getOrDefault(toUser, new ConcurrentLinkedQueue<>()).poll();
        if (error != null) {
            answer(exchange, error(error, "error " + error + " as the test asked"));
            return;
        }
        sent.add(new Sent(api, toUser, body));
        ObjectNode ok = error(0, "ok");
        if (api.equals(TEMPLATE_SEND)) {
            ok.put("msgid", sent.size());
        }
        answer(exchange, ok);
    }

    private static ObjectNode error(int errcode, String errmsg) {
        return JSON.createObjectNode().put("errcode", errcode).put("errmsg", errmsg);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String query = URI.create(exchange.getRequestURI().toString()).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(pair.substring(0, eq),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static void answer(HttpExchange exchange, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
