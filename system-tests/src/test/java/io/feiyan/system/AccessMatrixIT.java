package io.feiyan.system;

import static io.feiyan.system.AccessMatrixIT.Who.ADMIN;
import static io.feiyan.system.AccessMatrixIT.Who.ANALYST;
import static io.feiyan.system.AccessMatrixIT.Who.ANONYMOUS;
import static io.feiyan.system.AccessMatrixIT.Who.COUNTY_OPERATOR;
import static io.feiyan.system.AccessMatrixIT.Who.OTHER_TEAM_LEAD;
import static io.feiyan.system.AccessMatrixIT.Who.OTHER_TOWN_OPERATOR;
import static io.feiyan.system.AccessMatrixIT.Who.RESIDENT;
import static io.feiyan.system.AccessMatrixIT.Who.RESIDENT_ELSEWHERE;
import static io.feiyan.system.AccessMatrixIT.Who.TEAM_LEAD;
import static io.feiyan.system.AccessMatrixIT.Who.TEAM_MEMBER;
import static io.feiyan.system.AccessMatrixIT.Who.TOWN_OPERATOR;
import static io.feiyan.system.AccessMatrixIT.Who.VOLUNTEER;
import static io.feiyan.system.AccessMatrixIT.Who.VOLUNTEER_ELSEWHERE;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.Tier;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.LocalWeChatAccount;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestIdNumbers;
import io.feiyan.testkit.WeChatServerPlayer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what, on the four services as they ship: every endpoint each service documents (its OpenAPI)
 * is called by every kind of caller — nobody, residents, village volunteers, operators of a town, another
 * town and the county, a team's member and lead, another team's lead, an analyst, an admin — with real ids
 * and bodies. Those the matrix does not allow must get 401 (no token) or 403 and change nothing; those it
 * allows must get through (a read answers 200; the first allowed write of a state-changing action succeeds,
 * which it could not if a refused caller had changed the state before).
 */
@ExtendWith(RunningFeiyan.class)
class AccessMatrixIT {
    private static final Duration WAIT = DemoCounty.WAIT;
    private static final String CHANGBULING = DemoCounty.CHANGBULING_VILLAGE;
    /** A village of another town (Gaofengtou), with its own 飞燕 team. */
    private static final String CAOCUN = "371322107202";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    /** The callers of the matrix. */
    enum Who {
        ANONYMOUS, RESIDENT, RESIDENT_ELSEWHERE, VOLUNTEER, VOLUNTEER_ELSEWHERE, TOWN_OPERATOR, OTHER_TOWN_OPERATOR,
        COUNTY_OPERATOR, TEAM_MEMBER, TEAM_LEAD, OTHER_TEAM_LEAD, ANALYST, ADMIN
    }

    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    private static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
    private static final Set<Who> OPERATORS = EnumSet.of(TOWN_OPERATOR, OTHER_TOWN_OPERATOR, COUNTY_OPERATOR);
    /** The resident (of Changbuling, in Quanyuan town) and whoever acts for her there. */
    private static final Set<Who> HER_PEOPLE = EnumSet.of(RESIDENT, VOLUNTEER, TOWN_OPERATOR, COUNTY_OPERATOR);
    /** The art light cavalry, the county team the scenario's opera orders go to. */
    private static final Set<Who> CAVALRY = EnumSet.of(TEAM_MEMBER, TEAM_LEAD);

    private static final Map<Who, String> TOKENS = new EnumMap<>(Who.class);
    private static String resident;
    private static String residentElsewhere;
    private static String offered;
    private static String toAccept;
    private static String toDecline;
    private static String accepted;
    private static String toComplete;
    private static String completed;
    private static String rated;
    private static String followUp;
    private static String toCancel;
    private static String toApprove;
    private static String toReject;
    private static String toAssign;
    private static String toOffer;
    private static String toEscalate;
    private static String volunteer;
    private static String activityOffered;
    private static String activityToAccept;
    private static String activityToDecline;
    private static String activityToComplete;

    /** One call of the matrix: an endpoint (as its OpenAPI names it), a request to it, who may make it. */
    record Call(FeiyanService service, String method, String template, String path, Supplier<String> body,
            String contentType, Set<Who> allowed, boolean firstSucceeds) {
        Call succeedingFirst() {
            return new Call(service, method, template, path, body, contentType, allowed, true);
        }

        Call form() {
            return new Call(service, method, template, path, body, "application/x-www-form-urlencoded", allowed,
                    firstSucceeds);
        }

        String name() {
            return method + " " + service.moduleName() + " " + path;
        }
    }

    @BeforeAll
    static void givenAScenarioWithEveryKindOfThing() throws Exception {
        DemoCounty.awaitLoaded();
        resident = DemoCounty.registerResident("矩阵奶奶", "13805394444");
        residentElsewhere = DemoCounty.as(Identity.volunteer("V-caocun-1", CAOCUN)).contentType(ContentType.JSON)
                .body(Map.of("name", "矩阵爷爷", "phone", "13805395555", "idNumber", TestIdNumbers.next(),
                        "villageCode", CAOCUN))
                .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents")
                .then().statusCode(201).extract().path("residentId");
        Map<Who, Identity> callers = new EnumMap<>(Who.class);
        callers.put(RESIDENT, Identity.resident(UUID.fromString(resident)));
        callers.put(RESIDENT_ELSEWHERE, Identity.resident(UUID.fromString(residentElsewhere)));
        callers.put(VOLUNTEER, DemoCounty.ZHAO_LI);
        callers.put(VOLUNTEER_ELSEWHERE, Identity.volunteer("V-caocun-1", CAOCUN));
        callers.put(TOWN_OPERATOR, DemoCounty.QUANYUAN_OPERATOR);
        callers.put(OTHER_TOWN_OPERATOR, Identity.operator("OP-gaofengtou-1", "371322107"));
        callers.put(COUNTY_OPERATOR, DemoCounty.COUNTY_OPERATOR);
        callers.put(TEAM_MEMBER, Identity.teamMember("M-cavalry-1", "art-light-cavalry"));
        callers.put(TEAM_LEAD, DemoCounty.CAVALRY_LEAD);
        callers.put(OTHER_TEAM_LEAD, Identity.teamLead("L-caocun-feiyan", "caocun-feiyan"));
        callers.put(ANALYST, Identity.analyst("A-1"));
        callers.put(ADMIN, Identity.admin("ADM-1"));
        // their sign-ins side by side: each has Keycloak hash the password, which keeps a core busy
        TOKENS.putAll(callers.entrySet().parallelStream()
                .collect(Collectors.toMap(Map.Entry::getKey, caller -> DemoCounty.token(caller.getValue()))));

        // opera orders: only the county's art light cavalry offers opera. A resident with three open orders
        // has the next reviewed, so hers are delivered first, and the team's own actions are on a neighbour's
        completed = opera(resident);
        rated = opera(resident);
        for (String order : List.of(completed, rated)) {
            awaitOffered(order);
            act(order, "accept", null);
            act(order, "complete", Map.of("volunteerHours", 2));
            await().atMost(WAIT).until(() -> "COMPLETED".equals(DemoCounty.queryOne(FeiyanService.DISPATCH,
                    "select status from dispatch_case where order_id = ?", order)));
            await().atMost(WAIT).until(() -> "1".equals(DemoCounty.queryOne(FeiyanService.FEEDBACK,
                    "select count(*) from orders where order_id = ? and completed_at is not null", order)));
        }
        offered = opera(resident);
        accepted = opera(resident);
        toCancel = opera(resident);
        String neighbour = DemoCounty.registerResident("矩阵邻居", "13805398888");
        toAccept = opera(neighbour);
        toDecline = opera(neighbour);
        toComplete = opera(neighbour);
        for (String order : List.of(offered, accepted, toCancel, toAccept, toDecline, toComplete)) {
            awaitOffered(order);
        }
        for (String order : List.of(accepted, toComplete)) {
            act(order, "accept", null);
        }
        activityOffered = activity("矩阵活动一", "13805391001");
        activityToAccept = activity("矩阵活动二", "13805391002");
        activityToDecline = activity("矩阵活动三", "13805391003");
        activityToComplete = activity("矩阵活动四", "13805391004");
        given().auth().oauth2(TOKENS.get(TEAM_LEAD))
                .post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/activities/" + activityToComplete + "/accept")
                .then().statusCode(200);
        DemoCounty.as(DemoCounty.ZHAO_LI).contentType(ContentType.JSON)
                .body(Map.of("orderId", rated, "score", 1, "solved", false))
                .post(RunningFeiyan.url(FeiyanService.FEEDBACK) + "/api/ratings").then().statusCode(201);
        followUp = DemoCounty.as(DemoCounty.ZHAO_LI).get(RunningFeiyan.url(FeiyanService.FEEDBACK)
                + "/api/follow-ups?village=" + CHANGBULING + "&size=100").then().statusCode(200).extract()
                .path("items.find { it.orderId == '" + rated + "' }.id");
        await().atMost(WAIT).until(() -> "ACCEPTED".equals(DemoCounty.queryOne(FeiyanService.INTAKE,
                "select status from orders where id = ?", accepted)));

        // needs in the resident's own words, in the review queue of her town (Quanyuan)
        toApprove = need();
        toReject = need();
        toAssign = need();
        toOffer = need();
        toEscalate = need();
        for (String order : List.of(toApprove, toReject, toAssign, toOffer, toEscalate)) {
            await().atMost(WAIT).until(() -> "IN_REVIEW".equals(DemoCounty.queryOne(FeiyanService.DISPATCH,
                    "select status from dispatch_case where order_id = ?", order)));
        }
        await().atMost(WAIT).until(() -> "ASSIGNED".equals(DemoCounty.queryOne(FeiyanService.INTAKE,
                "select status from orders where id = ?", offered)));

        volunteer = DemoCounty.as(Identity.admin("ADM-1")).contentType(ContentType.JSON)
                .body(Map.of("name", "矩阵志愿者", "phone", "13805396666", "villageCode", CHANGBULING,
                        "teamCodes", List.of("changbuling-feiyan")))
                .post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/volunteers")
                .then().statusCode(201).extract().path("volunteerId");
    }

    @Test
    void theMatrixNamesEveryEndpointEveryServiceDocuments() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (FeiyanService service : FeiyanService.values()) {
            JsonNode paths = JSON.readTree(given().queryParam("format", "json")
                    .get(RunningFeiyan.url(service) + "/q/openapi").asString()).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next();
                    if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                        documented.add(method.toUpperCase() + " " + service.moduleName() + " " + path.getKey());
                    }
                }
            }
        }
        Set<String> inMatrix = new TreeSet<>();
        for (Call call : matrix()) {
            inMatrix.add(call.method() + " " + call.service().moduleName() + " " + call.template());
        }
        assertEquals(documented, inMatrix, "the matrix and the services' endpoints");
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        StringBuilder table = new StringBuilder(String.format("%-70s %s%n", "call", "allowed"));
        for (Call call : matrix()) {
            // the refused first: had one of them changed anything, the allowed who come after would see it
            for (Who who : EnumSet.complementOf(EnumSet.copyOf(call.allowed()))) {
                int status = send(call, who);
                requests++;
                int expected = who == ANONYMOUS ? 401 : 403;
                if (status != expected) {
                    wrong.add(call.name() + " as " + who + ": " + status + ", not " + expected);
                }
            }
            boolean first = true;
            for (Who who : call.allowed()) {
                int status = send(call, who);
                requests++;
                boolean ok = call.method().equals("GET") ? status == 200
                        : call.firstSucceeds() && first ? status / 100 == 2
                        : status != 401 && status != 403 && status < 500;
                if (!ok) {
                    wrong.add(call.name() + " as " + who + ": " + status);
                }
                first = false;
            }
            table.append(String.format("%-70s %s%n", call.name().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"),
                    call.allowed().size() == EVERYONE.size() ? "everyone"
                            : call.allowed().size() == SIGNED_IN.size() ? "anyone signed in" : call.allowed()));
        }
        System.out.print(table);
        System.out.printf("Access matrix: %d calls x %d callers, %d requests%n", matrix().size(), Who.values().length,
                requests);
        assertEquals(List.of(), wrong, "callers who got what the matrix does not say");
    }

    private static List<Call> matrix() {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        String future = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusYears(5).toString();
        Set<Who> herReaders = union(HER_PEOPLE, CAVALRY);
        return List.of(
                // WeChat's servers: signed with the account's token, no bearer token (first: the signature's time is
                // fresh for 5 minutes)
                get(FeiyanService.NOTIFICATION, "/wechat/callback", "/wechat/callback" + signedByWeChat()
                        + "&echostr=matrix", EVERYONE),
                new Call(FeiyanService.NOTIFICATION, "POST", "/wechat/callback",
                        "/wechat/callback" + signedByWeChat() + "&openid=o-matrix",
                        () -> WeChatServerPlayer.textXml("o-matrix", "菜单", WeChatServerPlayer.newMsgId()), "text/xml",
                        EVERYONE, true),

                // every service
                get(FeiyanService.INTAKE, "/api/me", "/api/me", SIGNED_IN),
                get(FeiyanService.DISPATCH, "/api/me", "/api/me", SIGNED_IN),
                get(FeiyanService.TEAM, "/api/me", "/api/me", SIGNED_IN),
                get(FeiyanService.FEEDBACK, "/api/me", "/api/me", SIGNED_IN),
                get(FeiyanService.NOTIFICATION, "/api/me", "/api/me", SIGNED_IN),
                get(FeiyanService.INTAKE, "/app", "/app/", EVERYONE),
                get(FeiyanService.INTAKE, "/contracts", "/contracts", EVERYONE),
                get(FeiyanService.INTAKE, "/contracts/{document}", "/contracts/asyncapi.yaml", EVERYONE),
                get(FeiyanService.DISPATCH, "/contracts", "/contracts", EVERYONE),
                get(FeiyanService.DISPATCH, "/contracts/{document}", "/contracts/asyncapi.yaml", EVERYONE),
                get(FeiyanService.TEAM, "/contracts", "/contracts", EVERYONE),
                get(FeiyanService.TEAM, "/contracts/{document}", "/contracts/asyncapi.yaml", EVERYONE),
                get(FeiyanService.FEEDBACK, "/contracts", "/contracts", EVERYONE),
                get(FeiyanService.FEEDBACK, "/contracts/{document}", "/contracts/asyncapi.yaml", EVERYONE),
                get(FeiyanService.NOTIFICATION, "/contracts", "/contracts", EVERYONE),
                get(FeiyanService.NOTIFICATION, "/contracts/{document}", "/contracts/asyncapi.yaml", EVERYONE),
                get(FeiyanService.INTAKE, "/api/dead-letters", "/api/dead-letters", EnumSet.of(ADMIN)),
                get(FeiyanService.DISPATCH, "/api/dead-letters", "/api/dead-letters", EnumSet.of(ADMIN)),
                get(FeiyanService.TEAM, "/api/dead-letters", "/api/dead-letters", EnumSet.of(ADMIN)),
                get(FeiyanService.FEEDBACK, "/api/dead-letters", "/api/dead-letters", EnumSet.of(ADMIN)),
                get(FeiyanService.NOTIFICATION, "/api/dead-letters", "/api/dead-letters", EnumSet.of(ADMIN)),
                write(FeiyanService.INTAKE, "POST", "/api/dead-letters/{id}/replay", "/api/dead-letters/"
                        + UUID.randomUUID() + "/replay", () -> "", EnumSet.of(ADMIN)),
                write(FeiyanService.DISPATCH, "POST", "/api/dead-letters/{id}/replay", "/api/dead-letters/"
                        + UUID.randomUUID() + "/replay", () -> "", EnumSet.of(ADMIN)),
                write(FeiyanService.TEAM, "POST", "/api/dead-letters/{id}/replay", "/api/dead-letters/"
                        + UUID.randomUUID() + "/replay", () -> "", EnumSet.of(ADMIN)),
                write(FeiyanService.FEEDBACK, "POST", "/api/dead-letters/{id}/replay", "/api/dead-letters/"
                        + UUID.randomUUID() + "/replay", () -> "", EnumSet.of(ADMIN)),
                write(FeiyanService.NOTIFICATION, "POST", "/api/dead-letters/{id}/replay", "/api/dead-letters/"
                        + UUID.randomUUID() + "/replay", () -> "", EnumSet.of(ADMIN)),

                // intake: residents and orders
                write(FeiyanService.INTAKE, "POST", "/api/residents", "/api/residents", () -> json(Map.of(
                        "name", "新居民", "phone", "13805397777", "idNumber", TestIdNumbers.next(),
                        "villageCode", CHANGBULING)), EnumSet.of(VOLUNTEER, TOWN_OPERATOR, COUNTY_OPERATOR))
                        .succeedingFirst(),
                get(FeiyanService.INTAKE, "/api/residents", "/api/residents",
                        EnumSet.of(VOLUNTEER, VOLUNTEER_ELSEWHERE, TOWN_OPERATOR, OTHER_TOWN_OPERATOR, COUNTY_OPERATOR)),
                get(FeiyanService.INTAKE, "/api/residents", "/api/residents?village=" + CHANGBULING,
                        EnumSet.of(VOLUNTEER, TOWN_OPERATOR, COUNTY_OPERATOR)),
                get(FeiyanService.INTAKE, "/api/residents/{id}", "/api/residents/" + resident, HER_PEOPLE),
                get(FeiyanService.INTAKE, "/api/residents/{id}/personal-data-reads",
                        "/api/residents/" + resident + "/personal-data-reads", EnumSet.of(RESIDENT, ADMIN)),
                // the notification service's alone (role notifier): no person's
                get(FeiyanService.INTAKE, "/api/residents/{id}/phone-for-notification", "/api/residents/" + resident
                        + "/phone-for-notification?order=" + accepted + "&kind=ORDER_ACCEPTED",
                        EnumSet.noneOf(Who.class)),
                write(FeiyanService.INTAKE, "POST", "/api/orders", "/api/orders", () -> json(Map.of(
                        "residentId", resident, "projectCode", "culture-opera", "urgency", "URGENT",
                        "residentConsent", true, "newNeed", true)), HER_PEOPLE).succeedingFirst(),
                get(FeiyanService.INTAKE, "/api/orders", "/api/orders", EnumSet.of(RESIDENT, RESIDENT_ELSEWHERE,
                        VOLUNTEER, VOLUNTEER_ELSEWHERE, TOWN_OPERATOR, OTHER_TOWN_OPERATOR, COUNTY_OPERATOR)),
                get(FeiyanService.INTAKE, "/api/orders", "/api/orders?village=" + CHANGBULING,
                        EnumSet.of(RESIDENT, RESIDENT_ELSEWHERE, VOLUNTEER, TOWN_OPERATOR, COUNTY_OPERATOR)),
                get(FeiyanService.INTAKE, "/api/orders/{id}", "/api/orders/" + offered, herReaders),
                get(FeiyanService.INTAKE, "/api/activities", "/api/activities?village=" + CHANGBULING,
                        EnumSet.of(RESIDENT, RESIDENT_ELSEWHERE, VOLUNTEER, TOWN_OPERATOR, COUNTY_OPERATOR)),
                get(FeiyanService.INTAKE, "/api/orders/{id}/contact", "/api/orders/" + accepted + "/contact",
                        EnumSet.of(RESIDENT, VOLUNTEER, TEAM_MEMBER, TEAM_LEAD)),
                write(FeiyanService.INTAKE, "POST", "/api/orders/{id}/cancel", "/api/orders/" + toCancel + "/cancel",
                        () -> json(Map.of("reason", "NO_LONGER_NEEDED")), HER_PEOPLE).succeedingFirst(),
                get(FeiyanService.INTAKE, "/api/menu", "/api/menu?village=" + CHANGBULING, EVERYONE),
                get(FeiyanService.INTAKE, "/api/menu", "/api/menu?village=" + CHANGBULING + "&resident=" + resident,
                        HER_PEOPLE),
                get(FeiyanService.INTAKE, "/open311/v2/services.{format}", "/open311/v2/services.json", EVERYONE),
                get(FeiyanService.INTAKE, "/open311/v2/services/{code}.{format}",
                        "/open311/v2/services/culture-opera.json", EVERYONE),
                write(FeiyanService.INTAKE, "POST", "/open311/v2/requests.{format}", "/open311/v2/requests.json",
                        () -> "service_code=health-check&account_id=" + resident, EnumSet.of(RESIDENT))
                        .form().succeedingFirst(),
                get(FeiyanService.INTAKE, "/open311/v2/requests.{format}", "/open311/v2/requests.json",
                        EnumSet.of(RESIDENT, RESIDENT_ELSEWHERE, VOLUNTEER, VOLUNTEER_ELSEWHERE, TOWN_OPERATOR,
                                OTHER_TOWN_OPERATOR, COUNTY_OPERATOR)),
                get(FeiyanService.INTAKE, "/open311/v2/requests/{id}.{format}",
                        "/open311/v2/requests/" + offered + ".json", herReaders),

                // dispatch: cases, the directory, the dashboard
                get(FeiyanService.DISPATCH, "/api/cases", "/api/cases", OPERATORS),
                get(FeiyanService.DISPATCH, "/api/cases/{orderId}", "/api/cases/" + offered,
                        EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR)),
                get(FeiyanService.DISPATCH, "/api/cases/queue", "/api/cases/queue", OPERATORS),
                write(FeiyanService.DISPATCH, "POST", "/api/cases/{orderId}/call-request",
                        "/api/cases/" + offered + "/call-request", () -> json(Map.of("note", "ask when she is home")),
                        EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR)),
                write(FeiyanService.DISPATCH, "POST", "/api/cases/{orderId}/approve",
                        "/api/cases/" + toApprove + "/approve", () -> "{}", EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR))
                        .succeedingFirst(),
                write(FeiyanService.DISPATCH, "POST", "/api/cases/{orderId}/reject",
                        "/api/cases/" + toReject + "/reject", () -> json(Map.of("reason", "a builder's job")),
                        EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR)).succeedingFirst(),
                write(FeiyanService.DISPATCH, "POST", "/api/cases/{orderId}/assign",
                        "/api/cases/" + toAssign + "/assign",
                        () -> json(Map.of("teamCode", "quanyuan-institute", "reason", "they have a plumber")),
                        EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR)).succeedingFirst(),
                write(FeiyanService.DISPATCH, "POST", "/api/cases/{orderId}/offer",
                        "/api/cases/" + toOffer + "/offer", () -> json(Map.of("teamCodes",
                                List.of("quanyuan-institute", "changbuling-feiyan"), "reason", "either may go")),
                        EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR)).succeedingFirst(),
                write(FeiyanService.DISPATCH, "POST", "/api/cases/{orderId}/escalate",
                        "/api/cases/" + toEscalate + "/escalate", () -> json(Map.of("reason", "needs the county")),
                        EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR)).succeedingFirst(),
                // an activity no one planned: the county's operators, whose region handles the opera order at the
                // county's team, reach the activity's 404
                write(FeiyanService.DISPATCH, "POST", "/api/cases/{orderId}/activity",
                        "/api/cases/" + offered + "/activity", () -> json(Map.of("activityId", UUID.randomUUID())),
                        EnumSet.of(COUNTY_OPERATOR)),
                get(FeiyanService.DISPATCH, "/api/activities", "/api/activities", OPERATORS),
                write(FeiyanService.DISPATCH, "POST", "/api/activities/{id}/merge",
                        "/api/activities/" + UUID.randomUUID() + "/merge",
                        () -> json(Map.of("into", UUID.randomUUID())), OPERATORS),
                write(FeiyanService.DISPATCH, "POST", "/api/activities/{id}/split",
                        "/api/activities/" + UUID.randomUUID() + "/split",
                        () -> json(Map.of("orderIds", List.of(UUID.randomUUID()))), OPERATORS),
                get(FeiyanService.DISPATCH, "/api/teams", "/api/teams", union(OPERATORS, EnumSet.of(ADMIN))),
                get(FeiyanService.DISPATCH, "/dashboard", "/dashboard", EVERYONE),
                get(FeiyanService.DISPATCH, "/api/dashboard", "/api/dashboard", OPERATORS),
                get(FeiyanService.DISPATCH, "/api/dashboard/stream", "/api/dashboard/stream", OPERATORS),

                // team: the catalogue, teams, menus, volunteers, assignments
                get(FeiyanService.TEAM, "/api/categories", "/api/categories", SIGNED_IN),
                write(FeiyanService.TEAM, "PUT", "/api/categories/{code}", "/api/categories/MATRIX_TEST",
                        () -> json(Map.of("name", "Matrix test")), EnumSet.of(ADMIN)).succeedingFirst(),
                get(FeiyanService.TEAM, "/api/projects", "/api/projects", SIGNED_IN),
                write(FeiyanService.TEAM, "PUT", "/api/projects/{code}", "/api/projects/matrix-test",
                        () -> json(Map.of("name", "Matrix test", "category", "CULTURE", "active", false)),
                        EnumSet.of(ADMIN)).succeedingFirst(),
                get(FeiyanService.TEAM, "/api/teams", "/api/teams", SIGNED_IN),
                get(FeiyanService.TEAM, "/api/teams/{code}", "/api/teams/art-light-cavalry", SIGNED_IN),
                get(FeiyanService.TEAM, "/api/teams/{code}/hours", "/api/teams/art-light-cavalry/hours",
                        union(CAVALRY, OPERATORS, EnumSet.of(ADMIN))),
                write(FeiyanService.TEAM, "PUT", "/api/teams/{code}", "/api/teams/matrix-test",
                        () -> json(Map.of("name", "Matrix test team", "tier", "VILLAGE", "regionCode", CAOCUN,
                                "projectCodes", List.of(), "capacity", 1, "active", false)), EnumSet.of(ADMIN))
                        .succeedingFirst(),
                get(FeiyanService.TEAM, "/api/menus/{countyCode}/{month}", "/api/menus/371322/" + month, EVERYONE),
                write(FeiyanService.TEAM, "POST", "/api/menus/{countyCode}/{month}/draft",
                        "/api/menus/371322/" + future + "/draft", () -> "", EnumSet.of(ADMIN)),
                get(FeiyanService.TEAM, "/api/menus/{countyCode}/{month}/draft", "/api/menus/371322/" + future
                        + "/draft", EnumSet.of(ADMIN)),
                write(FeiyanService.TEAM, "PUT", "/api/menus/{countyCode}/{month}/draft",
                        "/api/menus/371322/" + future + "/draft", () -> json(Map.of("items",
                                List.of(Map.of("projectCode", "culture-opera")))), EnumSet.of(ADMIN)).succeedingFirst(),
                write(FeiyanService.TEAM, "POST", "/api/menus/{countyCode}/{month}/publish",
                        "/api/menus/371322/" + future + "/publish", () -> "", EnumSet.of(ADMIN)).succeedingFirst(),
                write(FeiyanService.TEAM, "PUT", "/api/menus/{countyCode}/{month}", "/api/menus/371322/" + future,
                        () -> json(Map.of("items", List.of(Map.of("projectCode", "culture-opera")))),
                        EnumSet.of(ADMIN)).succeedingFirst(),
                get(FeiyanService.TEAM, "/api/menus/{countyCode}/{month}/demand",
                        "/api/menus/371322/" + month + "/demand", EnumSet.of(ADMIN, ANALYST)),
                write(FeiyanService.TEAM, "POST", "/api/volunteers", "/api/volunteers", () -> json(Map.of(
                        "name", "新志愿者", "phone", "1380539" + String.format("%04d", SERIAL.incrementAndGet()),
                        "villageCode", CHANGBULING)), EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR, ADMIN))
                        .succeedingFirst(),
                get(FeiyanService.TEAM, "/api/volunteers", "/api/volunteers?team=art-light-cavalry",
                        union(CAVALRY, OPERATORS, EnumSet.of(ADMIN))),
                get(FeiyanService.TEAM, "/api/volunteers", "/api/volunteers?village=" + CHANGBULING,
                        EnumSet.of(VOLUNTEER, TOWN_OPERATOR, COUNTY_OPERATOR, ADMIN)),
                get(FeiyanService.TEAM, "/api/volunteers/{id}", "/api/volunteers/" + volunteer,
                        EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR, ADMIN)),
                get(FeiyanService.TEAM, "/api/volunteers/{id}/hours", "/api/volunteers/" + volunteer + "/hours",
                        EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR, ADMIN)),
                get(FeiyanService.TEAM, "/api/volunteers/{id}/record", "/api/volunteers/" + volunteer + "/record",
                        EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR, ADMIN)),
                get(FeiyanService.TEAM, "/api/volunteers/on-duty", "/api/volunteers/on-duty?village=" + CHANGBULING,
                        EnumSet.of(VOLUNTEER, TOWN_OPERATOR, COUNTY_OPERATOR, ADMIN)),
                get(FeiyanService.TEAM, "/api/assignments", "/api/assignments",
                        union(CAVALRY, EnumSet.of(OTHER_TEAM_LEAD), OPERATORS, EnumSet.of(ADMIN))),
                get(FeiyanService.TEAM, "/api/assignments/inbox", "/api/assignments/inbox?team=art-light-cavalry",
                        union(CAVALRY, OPERATORS, EnumSet.of(ADMIN))),
                get(FeiyanService.TEAM, "/api/assignments/{orderId}", "/api/assignments/" + offered,
                        union(CAVALRY, OPERATORS, EnumSet.of(ADMIN))),
                write(FeiyanService.TEAM, "POST", "/api/assignments/{orderId}/accept",
                        "/api/assignments/" + toAccept + "/accept", () -> "", EnumSet.of(TEAM_LEAD)).succeedingFirst(),
                write(FeiyanService.TEAM, "POST", "/api/assignments/{orderId}/decline",
                        "/api/assignments/" + toDecline + "/decline", () -> json(Map.of("reasonCode", "NO_CAPACITY")),
                        EnumSet.of(TEAM_LEAD)).succeedingFirst(),
                write(FeiyanService.TEAM, "POST", "/api/assignments/{orderId}/complete",
                        "/api/assignments/" + toComplete + "/complete", () -> json(Map.of("volunteerHours", 1)),
                        EnumSet.of(TEAM_LEAD)).succeedingFirst(),
                get(FeiyanService.TEAM, "/api/activities/{activityId}", "/api/activities/" + activityOffered,
                        union(CAVALRY, OPERATORS, EnumSet.of(ADMIN))),
                write(FeiyanService.TEAM, "POST", "/api/activities/{activityId}/accept",
                        "/api/activities/" + activityToAccept + "/accept", () -> "", EnumSet.of(TEAM_LEAD))
                        .succeedingFirst(),
                write(FeiyanService.TEAM, "POST", "/api/activities/{activityId}/decline",
                        "/api/activities/" + activityToDecline + "/decline",
                        () -> json(Map.of("reasonCode", "NO_CAPACITY")), EnumSet.of(TEAM_LEAD)).succeedingFirst(),
                write(FeiyanService.TEAM, "POST", "/api/activities/{activityId}/complete",
                        "/api/activities/" + activityToComplete + "/complete",
                        () -> json(Map.of("volunteerHours", 2)), EnumSet.of(TEAM_LEAD)).succeedingFirst(),

                // feedback: ratings, follow-ups, metrics
                write(FeiyanService.FEEDBACK, "POST", "/api/ratings", "/api/ratings",
                        () -> json(Map.of("orderId", completed, "score", 5, "solved", true)),
                        EnumSet.of(RESIDENT, VOLUNTEER)).succeedingFirst(),
                get(FeiyanService.FEEDBACK, "/api/ratings/{orderId}", "/api/ratings/" + rated, HER_PEOPLE),
                get(FeiyanService.FEEDBACK, "/api/follow-ups", "/api/follow-ups",
                        union(EnumSet.of(VOLUNTEER, VOLUNTEER_ELSEWHERE), OPERATORS)),
                get(FeiyanService.FEEDBACK, "/api/follow-ups", "/api/follow-ups?village=" + CHANGBULING,
                        EnumSet.of(VOLUNTEER, TOWN_OPERATOR, COUNTY_OPERATOR)),
                get(FeiyanService.FEEDBACK, "/api/follow-ups/{id}", "/api/follow-ups/" + followUp,
                        EnumSet.of(VOLUNTEER, TOWN_OPERATOR, COUNTY_OPERATOR)),
                write(FeiyanService.FEEDBACK, "POST", "/api/follow-ups/{id}/outcome",
                        "/api/follow-ups/" + followUp + "/outcome", () -> json(Map.of("outcome", "RESOLVED")),
                        EnumSet.of(VOLUNTEER, TOWN_OPERATOR, COUNTY_OPERATOR)).succeedingFirst(),
                get(FeiyanService.FEEDBACK, "/api/metrics/rates", "/api/metrics/rates?by=town",
                        union(OPERATORS, EnumSet.of(ANALYST, ADMIN))),
                get(FeiyanService.FEEDBACK, "/api/metrics/demand", "/api/metrics/demand?by=category",
                        union(OPERATORS, EnumSet.of(ANALYST, ADMIN))),
                get(FeiyanService.FEEDBACK, "/api/metrics/dispatch", "/api/metrics/dispatch?by=town",
                        union(OPERATORS, EnumSet.of(ANALYST, ADMIN))),
                get(FeiyanService.FEEDBACK, "/api/metrics/loads", "/api/metrics/loads?by=town",
                        union(OPERATORS, EnumSet.of(ANALYST, ADMIN))),
                write(FeiyanService.FEEDBACK, "POST", "/api/metrics/rebuild", "/api/metrics/rebuild", () -> "",
                        EnumSet.of(ADMIN)).succeedingFirst(),

                // notification: how each is told, their browsers, the delivery log, the WeChat account's side
                get(FeiyanService.NOTIFICATION, "/api/notifications/preferences", "/api/notifications/preferences",
                        SIGNED_IN),
                write(FeiyanService.NOTIFICATION, "PUT", "/api/notifications/preferences",
                        "/api/notifications/preferences", () -> json(Map.of("channels", List.of("PUSH"))), SIGNED_IN)
                        .succeedingFirst(),
                get(FeiyanService.NOTIFICATION, "/api/notifications/push/key", "/api/notifications/push/key",
                        EVERYONE),
                write(FeiyanService.NOTIFICATION, "POST", "/api/notifications/push/subscriptions",
                        "/api/notifications/push/subscriptions", () -> json(Map.of("endpoint",
                                "https://push.example.org/matrix", "keys", Map.of("p256dh", ANY_BROWSERS_KEY,
                                        "auth", "AAAAAAAAAAAAAAAAAAAAAA"))), SIGNED_IN).succeedingFirst(),
                new Call(FeiyanService.NOTIFICATION, "DELETE", "/api/notifications/push/subscriptions",
                        "/api/notifications/push/subscriptions?endpoint=https://push.example.org/matrix", null, null,
                        SIGNED_IN, false),
                get(FeiyanService.NOTIFICATION, "/api/notifications", "/api/notifications?order=" + accepted,
                        EnumSet.of(TOWN_OPERATOR, COUNTY_OPERATOR, ADMIN)),
                get(FeiyanService.NOTIFICATION, "/api/notifications/counts", "/api/notifications/counts",
                        union(OPERATORS, EnumSet.of(ANALYST, ADMIN))),
                write(FeiyanService.NOTIFICATION, "POST", "/api/wechat/binding-codes", "/api/wechat/binding-codes",
                        () -> json(Map.of("residentId", resident)), EnumSet.of(VOLUNTEER)).succeedingFirst(),
                get(FeiyanService.NOTIFICATION, "/api/wechat/needs", "/api/wechat/needs",
                        EnumSet.of(VOLUNTEER, VOLUNTEER_ELSEWHERE)),
                write(FeiyanService.NOTIFICATION, "POST", "/api/wechat/needs/{id}/dismiss",
                        "/api/wechat/needs/" + UUID.randomUUID() + "/dismiss", () -> "",
                        EnumSet.of(VOLUNTEER, VOLUNTEER_ELSEWHERE)),
                write(FeiyanService.NOTIFICATION, "POST", "/api/wechat/needs/{id}/placed",
                        "/api/wechat/needs/" + UUID.randomUUID() + "/placed",
                        () -> json(Map.of("orderId", UUID.randomUUID())), EnumSet.of(VOLUNTEER, VOLUNTEER_ELSEWHERE)));
    }

    /** A browser's push key (any point of the P-256 curve will do: nothing is sent to it here). */
    private static final String ANY_BROWSERS_KEY =
            "BIvmF-vSCFVeldl41_6tZJJjscCrMY-26UD6t15mgTEQgy3Xk8N5007sH6_ouqhonD-m-hp8WbKjv_lunboGHXQ";

    /** The query WeChat's servers sign a call to the local run's made-up account with (signature, timestamp, nonce). */
    private static String signedByWeChat() {
        return "?" + WeChatServerPlayer.signedQuery(LocalWeChatAccount.TOKEN);
    }

    private static Call get(FeiyanService service, String template, String path, Set<Who> allowed) {
        return new Call(service, "GET", template, path, null, null, allowed, false);
    }

    private static Call write(FeiyanService service, String method, String template, String path,
            Supplier<String> body, Set<Who> allowed) {
        return new Call(service, method, template, path, body, "application/json", allowed, false);
    }

    @SafeVarargs
    private static Set<Who> union(Set<Who>... sets) {
        Set<Who> all = EnumSet.noneOf(Who.class);
        for (Set<Who> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    /** The status the call gets as that caller (a stream's is known once its headers come). */
    private static int send(Call call, Who who) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningFeiyan.url(call.service()) + call.path()))
                .timeout(Duration.ofSeconds(30));
        if (who != ANONYMOUS) {
            request.header("Authorization", "Bearer " + TOKENS.get(who));
        }
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", call.contentType())
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body().get()));
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String opera(String forResident) {
        return DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", forResident, "projectCode", "culture-opera",
                "urgency", "URGENT", "residentConsent", true, "newNeed", true));
    }

    private static String need() {
        return DemoCounty.placeOrder(DemoCounty.QUANYUAN_OPERATOR, Map.of("residentId", resident,
                "category", "DAILY_LIFE", "description", "The well pump stopped", "urgency", "URGENT"));
    }

    private static void awaitOffered(String order) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TOKENS.get(TEAM_LEAD))
                .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + order).then().statusCode(200));
    }

    /**
     * An activity of two opera orders of a new resident of Changbuling, offered to the cavalry: each order is given to
     * it again naming the activity, as dispatch does when it groups orders into one visit.
     */
    private static String activity(String name, String phone) {
        String neighbour = DemoCounty.registerResident(name, phone);
        UUID activity = UUID.randomUUID();
        for (String order : List.of(opera(neighbour), opera(neighbour))) {
            awaitOffered(order);
            JsonPath offer = given().auth().oauth2(TOKENS.get(TEAM_LEAD))
                    .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + order)
                    .then().extract().jsonPath();
            RunningFeiyan.probe().publish(new OrderAssigned(UUID.fromString(order), "art-light-cavalry",
                    Tier.valueOf(offer.getString("tier")), "culture-opera", Instant.parse(offer.getString("acceptBy")),
                    Instant.parse(offer.getString("deadline")), null, null, Instant.now(), null, null, null, activity));
        }
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TOKENS.get(TEAM_LEAD))
                .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/activities/" + activity)
                .then().statusCode(200).body("residents", equalTo(2)));
        return activity.toString();
    }

    private static void act(String order, String action, Map<String, Object> body) {
        var request = given().auth().oauth2(TOKENS.get(TEAM_LEAD));
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        request.post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + order + "/" + action)
                .then().statusCode(200);
    }
}
