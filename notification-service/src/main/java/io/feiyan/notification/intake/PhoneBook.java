package io.feiyan.notification.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.notification.domain.Kind;
import io.feiyan.notification.security.ServiceToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Residents' phones, read from intake at the moment a text goes and kept nowhere here: personal data lives in intake
 * only. Each read names the order and what the text tells; intake checks the service's token (role notifier) and writes
 * the read to the resident's audit log.
 */
@ApplicationScoped
public class PhoneBook {
    private final URI intake;
    private final ServiceToken token;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PhoneBook(IntakeConfig config, ServiceToken token, ObjectMapper json) {
        this.intake = config.intakeApi();
        this.token = token;
        this.json = json;
    }

    /** Intake could not say now (away, or refused this service): the text waits and is tried again. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The resident's phone now, to text them of the order ({@code kind} says what the text tells); empty when intake
     * holds none, or knows no such resident.
     */
    public Optional<String> phoneOf(UUID resident, UUID order, Kind kind) throws Unavailable {
        // appended, not resolved: intake may be served under a path of its own
        URI uri = URI.create(intake.toString().replaceFirst("/$", "") + "/api/residents/" + resident
                + "/phone-for-notification?order=" + order + "&kind=" + kind.name());
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token.bearer()).header("Accept", "application/json")
                    .GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new Unavailable("intake answered " + response.statusCode() + ": " + response.body(), null);
            }
            JsonNode phone = json.readTree(response.body()).path("phone");
            return phone.isTextual() && !phone.asText().isBlank() ? Optional.of(phone.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("cannot read the phone from intake at " + intake + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }
}
