package io.feiyan.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.EventType;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.Published;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * 抢单 across the services as they ship, one instance of each: an urgent order offered to two teams at once whose
 * leads accept it at the same moment. Two instances of dispatch and team: {@link ScaleOutIT}.
 */
@ExtendWith(RunningFeiyan.class)
class OfferToSeveralIT {

    @Test
    void givenAnUrgentOrderOfferedToTwoTeams_whenBothLeadsAcceptAtOnce_thenOneTakesIt_andTheOthersInboxShowsItWithdrawn()
            throws Exception {
        DemoCounty.awaitLoaded();
        String team = RunningFeiyan.url(FeiyanService.TEAM);

        OfferRace.Outcome outcome = new OfferRace("302", "race-one").withTwoTeams().race(team, team);

        EventProbe probe = RunningFeiyan.probe();
        assertEquals(1, Published.about(probe, EventType.ORDER_ACCEPTED.topic(), outcome.order(),
                RunningFeiyan.system().jdbcUrl(FeiyanService.TEAM), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)
                .size(), "accepted once");

        // the lead whose offer was withdrawn sees in the app's inbox which team took it
        try (Browser lead = Browser.open(390, 844)) {
            String app = RunningFeiyan.url(FeiyanService.INTAKE) + "/app/";
            lead.openSignedOut(app);
            lead.signInAsDemoUser("L-" + outcome.loser(), app);
            lead.inEnglish();
            lead.awaitText(By.cssSelector("#inbox-withdrawn li[data-order='" + outcome.order() + "']"),
                    "taken by " + outcome.winner());
            assertEquals(List.of(), lead.seriousAccessibilityViolations());
        }
    }
}
