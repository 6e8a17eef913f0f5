package io.feiyan.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.IdNumbers;
import io.feiyan.launcher.LocalKeycloak;
import io.feiyan.servers.Identity;
import io.feiyan.servers.TokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A month of life in the demo county, compressed into a minute or two, through the services' own APIs:
 * volunteers register residents and order for them, operators review, teams accept or decline and then
 * deliver, residents rate (some not at all), village stations follow up and sometimes ask for a redo.
 * Then it prints the three rates and the demand, as feedback-service counts them from the topics.
 * Against a running system ({@code deploy/run-local.sh}); started by {@code deploy/demo-activity.sh}.
 *
 * <p>Arguments: the number of orders (default 60) and a random seed (default 1). Environment:
 * {@code FEIYAN_HOST} (default localhost); the services' ports are their usual ones.
 */
public final class DemoActivity {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VILLAGES = List.of("371322206201", "371322107202", "371322107203");
    private static final List<String> PROJECTS = List.of("elderly-visit", "elderly-visit", "homework-tutoring",
            "health-check", "health-check", "appliance-repair", "appliance-repair", "culture-opera", "legal-consult");
    private static final List<String> FREE_TEXT = List.of("DAILY_LIFE", "MEDICAL", "EDUCATION");
    private static final Duration AT_MOST = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random;
    private final String host;
    private final TokenIssuer tokens;
    /** Each order's resident, who rates it with a token of their own. */
    private final Map<String, String> residentOf = new HashMap<>();
    /** Each resident's village, whose 飞燕 volunteers order for them. */
    private final Map<String, String> villageOf = new HashMap<>();

    private DemoActivity(long seed, String host, TokenIssuer tokens) {
        this.random = new Random(seed);
        this.host = host;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        String host = System.getenv().getOrDefault("FEIYAN_HOST", "localhost");
        Path data = Path.of(System.getenv().getOrDefault("FEIYAN_DATA", "data"));
        new DemoActivity(seed, host, LocalKeycloak.tokens(data)).run(orders);
    }

    private void run(int orderCount) throws Exception {
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < Math.max(3, orderCount / 3); i++) {
            residents.add(registerResident(VILLAGES.get(i % VILLAGES.size()), i));
        }
        System.out.printf("Registered %d residents in %d villages%n", residents.size(), VILLAGES.size());
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < orderCount; i++) {
            String resident = residents.get(random.nextInt(residents.size()));
            String order = placeOrder(resident);
            placed.add(order);
            residentOf.put(order, resident);
        }
        System.out.printf("Placed %d orders; now operators review, teams work and residents rate...%n", placed.size());

        Set<String> rated = new HashSet<>();
        Set<String> leftUnrated = new HashSet<>();
        Instant until = Instant.now().plus(AT_MOST);
        int quietRounds = 0;
        while (quietRounds < 5 && Instant.now().isBefore(until)) {
            int acted = review() + answerOffers() + deliver() + rate(placed, rated, leftUnrated) + followUp();
            quietRounds = acted == 0 ? quietRounds + 1 : 0;
            Thread.sleep(500);
        }
        System.out.printf("Done: %d rated, %d left unrated (their village stations ask in person once "
                + "feiyan.feedback.unrated-after has passed)%n%n", rated.size(), leftUnrated.size());
        printFigures();
    }

    private String registerResident(String village, int n) throws IOException, InterruptedException {
        JsonNode answer = send("POST", 8081, "/api/residents", Map.of(
                "name", "Demo resident " + n, "phone", String.format("139%08d", random.nextInt(100_000_000)),
                "idNumber", idNumber(), "villageCode", village,
                "householdTags", List.of(random.nextBoolean() ? "EMPTY_NEST_ELDERLY" : "LEFT_BEHIND_CHILD")),
                volunteerOf(village, n));
        String resident = answer.path("residentId").asText();
        villageOf.put(resident, village);
        return resident;
    }

    /** Retried until intake has the demo catalogue (just after a start it may not yet). */
    private String placeOrder(String resident) throws IOException, InterruptedException {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("residentId", resident);
        order.put("urgency", random.nextInt(10) == 0 ? "URGENT" : "ROUTINE");
        if (random.nextInt(10) == 0) {
            order.put("category", FREE_TEXT.get(random.nextInt(FREE_TEXT.size())));
            order.put("description", "A need in the resident's own words");
        } else {
            order.put("projectCode", PROJECTS.get(random.nextInt(PROJECTS.size())));
        }
        order.put("channel", "PROXY");
        order.put("residentConsent", true);
        order.put("newNeed", true);
        Map<String, String> headers = new HashMap<>(volunteerOf(villageOf.get(resident), random.nextInt(10)));
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = exchange("POST", 8081, "/api/orders", order, headers);
            if (response.statusCode() == 201) {
                return JSON.readTree(response.body()).path("orderId").asText();
            }
            if (attempt == 60) {
                throw new IllegalStateException("intake refused an order: " + response.body());
            }
            Thread.sleep(500);
        }
    }

    /** Operators approve most needs in review and turn some down. */
    private int review() throws IOException, InterruptedException {
        int acted = 0;
        for (JsonNode c : send("GET", 8082, "/api/cases?status=IN_REVIEW", null, countyCentre())) {
            String order = c.path("orderId").asText();
            boolean approve = random.nextInt(100) < 85;
            exchange("POST", 8082, "/api/cases/" + order + (approve ? "/approve" : "/reject"),
                    approve ? Map.of() : Map.of("reason", "outside what volunteers may do"), countyCentre());
            acted++;
        }
        return acted;
    }

    /** Teams accept most offers at once and decline some for want of room; an activity is answered once. */
    private int answerOffers() throws IOException, InterruptedException {
        int acted = 0;
        Set<String> answered = new HashSet<>();
        for (JsonNode offer : send("GET", 8083, "/api/assignments?status=OFFERED", null, countyCentre())) {
            Map<String, String> lead = leadOf(offer.path("teamCode").asText());
            String answer = answerable(offer);
            if (!answered.add(answer)) {
                continue;
            }
            if (random.nextInt(100) < 15) {
                exchange("POST", 8083, answer + "/decline", Map.of("reasonCode", "NO_CAPACITY"), lead);
            } else {
                exchange("POST", 8083, answer + "/accept", null, lead);
            }
            acted++;
        }
        return acted;
    }

    private int deliver() throws IOException, InterruptedException {
        int acted = 0;
        Set<String> delivered = new HashSet<>();
        for (JsonNode accepted : send("GET", 8083, "/api/assignments?status=ACCEPTED", null, countyCentre())) {
            String answer = answerable(accepted);
            if (delivered.add(answer)) {
                exchange("POST", 8083, answer + "/complete", Map.of("volunteerHours", 1 + random.nextInt(4)),
                        leadOf(accepted.path("teamCode").asText()));
                acted++;
            }
        }
        return acted;
    }

    /**
     * Where a team answers for an assignment (team-service's JSON of it): its activity's, when it is served in one,
     * else its own.
     */
    public static String answerable(JsonNode assignment) {
        String activity = assignment.path("activityId").asText(null);
        return activity != null ? "/api/activities/" + activity
                : "/api/assignments/" + assignment.path("orderId").asText();
    }

    /** Most residents rate, mostly well; some never do. */
    private int rate(Set<String> placed, Set<String> rated, Set<String> leftUnrated)
            throws IOException, InterruptedException {
        int acted = 0;
        for (JsonNode completed : send("GET", 8083, "/api/assignments?status=COMPLETED", null, countyCentre())) {
            String order = completed.path("orderId").asText();
            if (!placed.contains(order) || rated.contains(order) || leftUnrated.contains(order)) {
                continue;
            }
            if (random.nextInt(100) < 12) {
                leftUnrated.add(order);
                continue;
            }
            int[] scores = {5, 5, 5, 5, 5, 4, 4, 4, 3, 2, 1};
            int score = scores[random.nextInt(scores.length)];
            HttpResponse<String> response = exchange("POST", 8084, "/api/ratings", Map.of("orderId", order,
                    "score", score, "solved", score >= 3 && random.nextInt(100) < 95),
                    bearer(Identity.resident(UUID.fromString(residentOf.get(order)))));
            if (response.statusCode() == 201 || response.statusCode() == 409 && response.body().contains("already-rated")) {
                rated.add(order);
                acted++;
            }
        }
        return acted;
    }

    /** Village stations visit the dissatisfied: half were content after all, half need it done again. */
    private int followUp() throws IOException, InterruptedException {
        int acted = 0;
        for (JsonNode followUp : send("GET", 8084, "/api/follow-ups?size=100", null, countyCentre()).path("items")) {
            if (!"DISSATISFIED".equals(followUp.path("reason").asText())) {
                continue;
            }
            exchange("POST", 8084, "/api/follow-ups/" + followUp.path("id").asText() + "/outcome",
                    Map.of("outcome", random.nextBoolean() ? "REDO" : "RESOLVED", "visitedBy", "V-demo-station"),
                    countyCentre());
            acted++;
        }
        return acted;
    }

    private void printFigures() throws IOException, InterruptedException {
        Thread.sleep(2000); // the last events reach feedback
        System.out.println("The three rates in the demo county, as feedback counts them from the topics:");
        System.out.println(text(8084, "/api/metrics/rates?by=county&format=csv"));
        System.out.println("By town:");
        System.out.println(text(8084, "/api/metrics/rates?by=town&format=csv"));
        System.out.println("By team:");
        System.out.println(text(8084, "/api/metrics/rates?by=team&format=csv"));
        System.out.println("Demand by category:");
        System.out.println(text(8084, "/api/metrics/demand?by=category&format=csv"));
    }

    private String text(int port, String path) throws IOException, InterruptedException {
        return exchange("GET", port, path, null, bearer(Identity.analyst("A-county-statistics"))).body().strip();
    }

    /** The county centre's operator, who sees every village's follow-ups and every team's assignments. */
    private Map<String, String> countyCentre() {
        return bearer(Identity.operator("OP-county-centre", "371322"));
    }

    /** One of the village's ten demo 飞燕 volunteers. */
    private Map<String, String> volunteerOf(String village, int n) {
        return bearer(Identity.volunteer("V-demo-" + village.substring(6) + "-" + n % 10, village));
    }

    private Map<String, String> leadOf(String team) {
        return bearer(Identity.teamLead("L-" + team, team));
    }

    private Map<String, String> bearer(Identity who) {
        return Map.of("Authorization", "Bearer " + tokens.tokenFor(who));
    }

    private JsonNode send(String method, int port, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(method, port, path, body, headers);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> exchange(String method, int port, String path, Object body,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers != null) {
            headers.forEach(request::header);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A resident of the county born on a random day of 1940 to 1959. */
    private String idNumber() {
        return IdNumbers.of("371322", LocalDate.of(1940 + random.nextInt(20), 1 + random.nextInt(12),
                1 + random.nextInt(28)), random.nextInt(1000));
    }
}
