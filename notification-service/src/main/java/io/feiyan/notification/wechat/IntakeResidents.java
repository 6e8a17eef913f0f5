package io.feiyan.notification.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.TryAgain;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Asks intake for a resident's village, with the calling volunteer's own token: intake checks that the resident is
 * one the volunteer acts for, and audits the read, as it does for the app. Notification keeps no register of residents.
 */
@ApplicationScoped
class IntakeResidents {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;
    private final URI intake;

    IntakeResidents(ObjectMapper json, WeChatConfig config) {
        this.json = json;
        this.intake = config.intakeApi();
    }

    /** The resident's village code, as intake answers the volunteer. */
    String villageOf(UUID residentId, String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(intake.resolve("/api/residents/" + residentId))
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .timeout(TIMEOUT).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TryAgain("intake, which knows the resident's village, did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TryAgain("interrupted while asking intake for the resident");
        }
        return switch (response.statusCode()) {
            case 200 -> village(response.body(), residentId);
            case 404 -> throw new NotFound("resident", residentId);
            case 401, 403 -> throw new NotAllowed("resident " + residentId + " is not someone you act for");
            default -> throw new TryAgain("intake answered " + response.statusCode() + " for resident " + residentId);
        };
    }

    private String village(String body, UUID residentId) {
        try {
            JsonNode village = json.readTree(body).path("villageCode");
            if (!village.isTextual()) {
                throw new TryAgain("intake's answer for resident " + residentId + " names no village");
            }
            return village.asText();
        } catch (IOException e) {
            throw new TryAgain("intake's answer for resident " + residentId + " is not JSON");
        }
    }
}
