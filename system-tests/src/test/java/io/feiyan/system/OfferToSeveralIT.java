package io.feiyan.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.EventType;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.Published;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
    }
}
