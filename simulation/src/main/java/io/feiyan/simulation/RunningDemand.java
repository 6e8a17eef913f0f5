package io.feiyan.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A running system's demand of a month, from feedback's metrics API ({@code GET /api/metrics/demand} by village and
 * project): what {@code --from-running} simulates instead of the profile's.
 */
public final class RunningDemand {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rows of the month, and the orders in residents' own words (no project), which routing cannot place. */
    public record Month(List<Demand.Ordered> ordered, long inOwnWords) {
        public long orders() {
            return ordered.stream().mapToLong(Demand.Ordered::orders).sum();
        }
    }

    private RunningDemand() {
    }

    /** Asks feedback at {@code feedback} (its base address) with an analyst's, operator's or admin's token. */
    public static Month of(URI feedback, String token, YearMonth month) throws IOException, InterruptedException {
        URI uri = URI.create(feedback.toString().replaceAll("/+$", "")
                + "/api/metrics/demand?by=village,project&from=" + month + "&to=" + month);
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode()
                    + (response.statusCode() == 401 ? " (the token has expired? source data/tokens.env again)" : "")
                    + ": " + response.body());
        }
        List<Demand.Ordered> ordered = new ArrayList<>();
        long inOwnWords = 0;
        for (JsonNode row : JSON.readTree(response.body()).path("rows")) {
            long orders = row.path("orders").asLong();
            if (row.path("project").isNull() || row.path("project").asText().isEmpty()) {
                inOwnWords += orders;
            } else {
                ordered.add(new Demand.Ordered(row.path("village").asText(), row.path("project").asText(), orders));
            }
        }
        return new Month(List.copyOf(ordered), inOwnWords);
    }
}
