package io.feiyan.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.launcher.Supervisor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local run supervises what it starts: a service killed under it comes back on its port, and the console says so. */
@ExtendWith(RunningFeiyan.class)
class SupervisorIT {

    @Test
    void aServiceKilledUnderTheLocalRunIsStartedAgain_andTheConsoleSaysSo() {
        FeiyanSystem system = RunningFeiyan.system();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Supervisor supervisor = Supervisor.watch(system, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            system.instance(FeiyanService.FEEDBACK).kill();
            await().atMost(DemoCounty.WAIT).until(() -> console.toString(StandardCharsets.UTF_8)
                    .contains("feedback-service: ready again at " + RunningFeiyan.url(FeiyanService.FEEDBACK)));
        }
        String said = console.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("feedback-service stopped (exit code 137); starting it again (restart 1 of at most 3"
                + " within 5 minutes)"), said);
        assertTrue(system.instance(FeiyanService.FEEDBACK).isAlive());
        given().get(RunningFeiyan.url(FeiyanService.FEEDBACK) + "/q/health/ready").then().statusCode(200);
    }
}
