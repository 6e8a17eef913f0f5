package io.feiyan.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Tokens from Keycloak for the local run's scripts and the system tests. Each identity is an account of the realm —
 * its user name the identity's id, its roles realm roles, its region, team or resident user attributes, the password
 * the demo password — made or brought up to date through the scripts client's service account (a partial import,
 * many accounts at once), then signed in with the password grant. A token is reused until a minute before it
 * expires.
 */
public final class KeycloakTokens implements TokenIssuer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SPARE = Duration.ofMinutes(1);
    private static final int PBKDF2_ITERATIONS = 210_000;

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The identity each account was last made for, by user name (Keycloak's, lower case). */
    private final Map<String, Identity> accounts = new ConcurrentHashMap<>();
    private final Map<Identity, Token> tokens = new ConcurrentHashMap<>();
    private Map<String, Object> passwordHash;

    private record Token(String value, Instant expiresAt) {
    }

    public KeycloakTokens(String issuer, String clientId, String clientSecret, String password) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.password = password;
    }

    @Override
    public String tokenFor(Identity who) {
        Token token = tokens.get(who);
        if (token != null && Instant.now().plus(SPARE).isBefore(token.expiresAt())) {
            return token.value();
        }
        if (!who.equals(accounts.get(userName(who)))) {
            ensureAccounts(List.of(who));
        }
        JsonNode granted = post(tokenEndpoint(), form(Map.of("grant_type", "password",
                "client_id", clientId, "client_secret", clientSecret, "username", who.subject(), "password", password)),
                "application/x-www-form-urlencoded", null);
        Token fresh = new Token(granted.path("access_token").asText(),
                Instant.now().plusSeconds(granted.path("expires_in").asLong()));
        tokens.put(who, fresh);
        return fresh.value();
    }

    /**
     * Makes an account for each identity: anew where this issuer made one for someone else under the same name
     * (its sessions end); one it does not know of is left as it is if it exists, with its sessions.
     */
    public void ensureAccounts(Collection<Identity> identities) {
        Map<Boolean, List<Identity>> madeOtherwise = identities.stream().collect(Collectors.partitioningBy(
                who -> accounts.containsKey(userName(who)) && !who.equals(accounts.get(userName(who)))));
        importAccounts(madeOtherwise.get(true), "OVERWRITE");
        importAccounts(madeOtherwise.get(false), "SKIP");
    }

    private void importAccounts(Collection<Identity> identities, String ifExists) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (Identity who : identities) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", who.subject());
            user.put("enabled", true);
            user.put("attributes", attributes(who));
            user.put("realmRoles", who.roles());
            user.put("credentials", List.of(passwordHash()));
            users.add(user);
        }
        String admin = users.isEmpty() ? null : serviceAccountToken();
        for (int from = 0; from < users.size(); from += 500) {
            Map<String, Object> partialImport = Map.of("ifResourceExists", ifExists,
                    "users", users.subList(from, Math.min(users.size(), from + 500)));
            post(adminUrl() + "/partialImport", json(partialImport), "application/json", admin);
        }
        identities.forEach(who -> {
            accounts.put(userName(who), who);
            tokens.remove(who);
        });
    }

    /**
     * The demo password as Keycloak stores it under the realm's password policy (PBKDF2-SHA512, 210,000 iterations),
     * hashed once here: importing thousands of accounts then costs Keycloak no hashing, signing in no re-hashing, and
     * the password itself is not sent again.
     */
    private synchronized Map<String, Object> passwordHash() {
        if (passwordHash == null) {
            try {
                byte[] salt = new byte[16];
                new SecureRandom().nextBytes(salt);
                byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(
                        new PBEKeySpec(password.toCharArray(), salt, PBKDF2_ITERATIONS, 512)).getEncoded();
                Base64.Encoder base64 = Base64.getEncoder();
                passwordHash = Map.of("type", "password", "temporary", false,
                        "secretData", json(Map.of("value", base64.encodeToString(hash),
                                "salt", base64.encodeToString(salt), "additionalParameters", Map.of())),
                        "credentialData", json(Map.of("hashIterations", PBKDF2_ITERATIONS,
                                "algorithm", "pbkdf2-sha512", "additionalParameters", Map.of())));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot hash the demo password", e);
            }
        }
        return passwordHash;
    }

    /** The realm's issuer these tokens come from. */
    public String issuer() {
        return issuer;
    }

    /** The user attributes the realm maps into the token: the Feiyan id (upn), region, team, resident, volunteer. */
    static Map<String, List<String>> attributes(Identity who) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("feiyanId", List.of(who.subject()));
        who.actingFor().forEach((name, value) -> attributes.put(name, List.of(value)));
        return attributes;
    }

    private String serviceAccountToken() {
        return post(tokenEndpoint(), form(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", clientSecret)), "application/x-www-form-urlencoded", null)
                .path("access_token").asText();
    }

    private String tokenEndpoint() {
        return issuer + "/protocol/openid-connect/token";
    }

    private String adminUrl() {
        return issuer.replace("/realms/", "/admin/realms/");
    }

    private static String userName(Identity who) {
        return who.subject().toLowerCase(Locale.ROOT);
    }

    private JsonNode post(String url, String body, String contentType, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                // the body names what Keycloak refused; the request, holding passwords, is not repeated here
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to " + url + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Keycloak at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
