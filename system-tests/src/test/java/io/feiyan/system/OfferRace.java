package io.feiyan.system;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.EventType;
import io.feiyan.events.OfferWithdrawn;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestIdNumbers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

/**
 * An urgent order offered at once to the two 飞燕 teams of a village of its own (抢单), whose leads accept it at the
 * same moment: exactly one takes it, the other is told which, and its inbox shows the offer withdrawn, taken by the
 * winner. Each lead may answer through a team-service instance of its own.
 */
final class OfferRace {
    /** The order, the team that took it and the one whose offer was withdrawn. */
    record Outcome(String order, String winner, String loser) {
    }

    private final String village;
    private final String first;
    private final String second;

    /** In a village of a town no other test uses: {@code 371322<town>201}, its teams {@code <name>-a} and -b. */
    OfferRace(String town, String name) {
        this.village = "371322" + town + "201";
        this.first = name + "-a";
        this.second = name + "-b";
    }

    /** The two teams, created by an admin, each with room, both offering elderly visits; until dispatch knows them. */
    OfferRace withTwoTeams() {
        for (String team : List.of(first, second)) {
            DemoCounty.as(Identity.admin("ADM-race")).contentType(ContentType.JSON)
                    .body(Map.of("name", "抢单 " + team, "tier", "VILLAGE", "regionCode", village,
                            "projectCodes", List.of("elderly-visit"), "capacity", 5, "active", true))
                    .put(RunningFeiyan.url(FeiyanService.TEAM) + "/api/teams/" + team).then().statusCode(200);
        }
        await().atMost(DemoCounty.WAIT).until(() -> "2".equals(DemoCounty.queryOne(FeiyanService.DISPATCH,
                "select count(*) from team where region_code = ?", village)));
        return this;
    }

    /** An urgent order placed there, offered to both teams at once, then accepted by both leads at the same moment. */
    Outcome race(String firstTeamService, String secondTeamService) throws Exception {
        Identity volunteer = Identity.volunteer("V-" + first, village);
        String resident = DemoCounty.as(volunteer).contentType(ContentType.JSON)
                .body(Map.of("name", "抢单居民", "phone", "13805398888", "idNumber", TestIdNumbers.next(),
                        "villageCode", village))
                .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents")
                .then().statusCode(201).extract().<String>path("residentId");
        String order = DemoCounty.placeOrder(volunteer, Map.of("residentId", resident, "projectCode", "elderly-visit",
                "urgency", "URGENT", "residentConsent", true));
        for (String team : List.of(first, second)) {
            await().atMost(DemoCounty.WAIT).untilAsserted(() -> DemoCounty.as(Identity.teamMember("M-" + team, team))
                    .get(firstTeamService + "/api/assignments/inbox").then().statusCode(200)
                    .body("offered.find { it.orderId == '" + order + "' }.offeredTo.size()", equalTo(2)));
        }

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Response> byFirst = CompletableFuture.supplyAsync(
                () -> accept(first, firstTeamService, order, together));
        CompletableFuture<Response> bySecond = CompletableFuture.supplyAsync(
                () -> accept(second, secondTeamService, order, together));
        List<Response> answers = List.of(byFirst.get(), bySecond.get());

        assertEquals(Set.of(200, 409), answers.stream().map(Response::statusCode).collect(Collectors.toSet()),
                "exactly one of the two leads takes the order");
        boolean firstWon = answers.get(0).statusCode() == 200;
        String winner = firstWon ? first : second;
        String loser = firstWon ? second : first;
        Response refused = answers.get(firstWon ? 1 : 0);
        assertEquals("https://feiyan.io/problems/taken", refused.jsonPath().getString("type"));
        assertEquals(winner, refused.jsonPath().getString("takenBy"), "the refusal names the team that took it");

        // the loser's inbox, through either instance, shows the offer withdrawn, taken by the winner
        for (String teamService : List.of(firstTeamService, secondTeamService)) {
            await().atMost(DemoCounty.WAIT).untilAsserted(() -> DemoCounty.as(Identity.teamMember("M-" + loser, loser))
                    .get(teamService + "/api/assignments/inbox").then().statusCode(200)
                    .body("offered.findAll { it.orderId == '" + order + "' }.size()", equalTo(0))
                    .body("withdrawn.find { it.orderId == '" + order + "' }.takenBy", equalTo(winner)));
        }
        OfferWithdrawn withdrawn = payload(RunningFeiyan.probe().await(EventType.OFFER_WITHDRAWN.topic(),
                keyed(order), DemoCounty.WAIT), OfferWithdrawn.class);
        assertEquals(loser, withdrawn.teamCode());
        assertEquals(winner, withdrawn.takenBy());
        // and dispatch has the case with the winner
        await().atMost(DemoCounty.WAIT).untilAsserted(() -> DemoCounty.as(DemoCounty.COUNTY_OPERATOR)
                .get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/api/cases/" + order).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("teamCode", equalTo(winner)));
        return new Outcome(order, winner, loser);
    }

    private static Response accept(String team, String teamService, String order, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return DemoCounty.as(Identity.teamLead("L-" + team, team))
                .post(teamService + "/api/assignments/" + order + "/accept");
    }
}
