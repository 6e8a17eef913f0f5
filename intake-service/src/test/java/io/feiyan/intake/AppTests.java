package io.feiyan.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.testkit.FeiyanTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The app (the feiyan-app module's files) as intake serves it to anyone: its page, and the files beside it. */
@FeiyanTest
class AppTests {
    private static final URI APP = URI.create("/app/");
    private static final Pattern IMPORT = Pattern.compile("(?:from|import) '([^']+)'");

    @Test
    void thePageNamesTheRealmAndTheServicesItCalls() {
        given().get("/app/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("data-client=\"feiyan-app\""))
                .body(containsString("data-team=\"http://localhost:8083\""))
                .body(containsString("data-notification=\"http://localhost:8085\""))
                .body(not(containsString("{{")));
    }

    @Test
    void theServiceWorkerKeepsTheWholeShellOfItsBuild_everyFileServed_everyModuleImportedAmongThem() {
        String worker = given().get("/app/sw.js").then().statusCode(200).extract().asString();
        Matcher build = Pattern.compile("const BUILD = '(\\d{14})';").matcher(worker);
        assertTrue(build.find(), "sw.js names the build it caches: " + worker);
        given().get("/app/").then().body(containsString("data-build=\"" + build.group(1) + "\""));

        Matcher list = Pattern.compile("const FILES = \\[(.*?)];", Pattern.DOTALL).matcher(worker);
        assertTrue(list.find(), "sw.js lists the shell's files");
        List<String> files = new ArrayList<>();
        Matcher file = Pattern.compile("'([^']+)'").matcher(list.group(1));
        while (file.find()) {
            files.add(APP.resolve(file.group(1)).getPath());
        }
        List<String> missing = new ArrayList<>();
        for (String path : files) {
            String text = given().get(path).then().statusCode(200).extract().asString();
            if (path.endsWith(".js")) {
                Matcher imported = IMPORT.matcher(text);
                while (imported.find()) {
                    String module = URI.create(path).resolve(imported.group(1)).getPath();
                    if (!files.contains(module)) {
                        missing.add(path + " imports " + module);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "a module the app imports that a start with no signal would lack");
    }

    @Test
    void theMarkupAndWordsTheAppSharesWithTheDashboardAreServed() {
        given().get("/feiyan/ui.js").then().statusCode(200).body(containsString("export const html"));
    }

    @Test
    void theAddressWithoutItsSlashLeadsToTheApp() {
        given().redirects().follow(false).get("/app").then().statusCode(301)
                .header("Location", endsWith("/app/"));
    }
}
