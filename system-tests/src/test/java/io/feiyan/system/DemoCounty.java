package io.feiyan.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.feiyan.launcher.DemoUsers;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.demo.CountyGenerator;
import io.feiyan.launcher.demo.CountyPlan;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestIdNumbers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the system tests do in the demo county: register residents, place orders, look into a database. */
final class DemoCounty {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String CHANGBULING_VILLAGE = "371322206201";
    /** The local run's demo accounts, by the name of their token in tokens.env. */
    private static final Map<String, Identity> DEMO_USERS = DemoUsers.all(RunningFeiyan.root());
    /** The 飞燕 volunteer of Changbuling, who registers residents and orders for them (a demo account). */
    static final Identity ZHAO_LI = DEMO_USERS.get("VOLUNTEER");
    /** An operator of Quanyuan town's station, who takes calls and reviews the town's needs (a demo account). */
    static final Identity QUANYUAN_OPERATOR = DEMO_USERS.get("OPERATOR_TOWN");
    /** The lead of the county's art light cavalry, which offers opera (a demo account). */
    static final Identity CAVALRY_LEAD = DEMO_USERS.get("TEAM_LEAD");
    /** An admin of the county centre. */
    static final Identity ADMIN = DEMO_USERS.get("ADMIN");
    /** An operator of the county centre, who sees every case of the county. */
    static final Identity COUNTY_OPERATOR = Identity.operator("OP-county-1", "371322");

    /** The whole county at a smaller scale (13 towns, 26 villages, 8 residents each), for the generator and the replay. */
    static final CountyPlan GENERATED = CountyPlan.of(7, 26, 8);
    private static CountyGenerator.Result generated;

    private DemoCounty() {
    }

    /** The generated county, loaded into the shared system through the APIs once a run; the first load's result. */
    static synchronized CountyGenerator.Result generatedCounty() throws InterruptedException {
        if (generated == null) {
            awaitLoaded();
            generated = new CountyGenerator(GENERATED, RunningFeiyan.system().tokens(), RunningFeiyan::url, System.out)
                    .load();
        }
        return generated;
    }

    /** A bearer token from the running system's Keycloak. */
    static String token(Identity who) {
        return RunningFeiyan.system().tokens().tokenFor(who);
    }

    /** A request as that user. */
    static RequestSpecification as(Identity who) {
        return given().auth().oauth2(token(who));
    }

    /** Until the demo catalogue and directory have reached intake and dispatch. */
    static void awaitLoaded() {
        await().atMost(WAIT).until(() -> "1".equals(queryOne(FeiyanService.INTAKE,
                "select count(*) from project where code = ?", "culture-opera"))
                && "1".equals(queryOne(FeiyanService.DISPATCH,
                        "select count(*) from team where code = ?", "art-light-cavalry")));
    }

    /** An elderly resident of Changbuling with an ID number no other test uses; returns the resident id. */
    static String registerResident(String name, String phone) {
        return as(ZHAO_LI).contentType(ContentType.JSON)
                .body(Map.of("name", name, "phone", phone, "idNumber", TestIdNumbers.next(),
                        "villageCode", CHANGBULING_VILLAGE, "householdTags", List.of("EMPTY_NEST_ELDERLY")))
                .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents")
                .then().statusCode(201).extract().path("residentId");
    }

    /**
     * Placed by that user (the channel follows from their role), with a key, retried until intake has the
     * catalogue from team-service; returns the order id.
     */
    static String placeOrder(Identity by, Map<String, Object> order) {
        String key = UUID.randomUUID().toString();
        return await().atMost(WAIT).until(() -> as(by).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(order).post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders").then().extract(),
                response -> response.statusCode() == 201).path("orderId");
    }

    /** The first column of the first row, as text; the parameter is bound as a UUID when it looks like one. */
    static String queryOne(FeiyanService service, String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(RunningFeiyan.system().jdbcUrl(service),
                EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter.matches("[0-9a-f-]{36}") ? UUID.fromString(parameter) : parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
