package io.feiyan.notification.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's token from Keycloak: the client credentials grant of its confidential client
 * ({@code feiyan-notification}, whose service account has role notifier) at the realm's token endpoint, kept until a
 * minute before it expires.
 */
@ApplicationScoped
@Unremovable // kept, and its settings checked at start, where the tests sign the service's token themselves
public class ClientCredentials implements ServiceToken {
    private static final Duration SPARE = Duration.ofMinutes(1);

    private final ServiceAccount account;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant expiresAt = Instant.MIN;

    ClientCredentials(ServiceAccount account, ObjectMapper json) {
        this.account = account;
        this.json = json;
    }

    @Override
    public synchronized String bearer() {
        if (token != null && Instant.now().plus(SPARE).isBefore(expiresAt)) {
            return token;
        }
        String secret = account.clientSecret().orElseThrow(() -> new IllegalStateException(
                "no secret for the service account: set feiyan.notification.service-account.client-secret"));
        String form = "grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(account.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(account.tokenEndpoint()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            Instant asked = Instant.now();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to the service "
                        + "account's token request at " + account.tokenEndpoint() + ": " + response.body());
            }
            JsonNode granted = json.readTree(response.body());
            token = granted.path("access_token").asText();
            expiresAt = asked.plusSeconds(granted.path("expires_in").asLong());
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Keycloak at " + account.tokenEndpoint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
