package io.feiyan.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.launcher.FeiyanService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser's second line of defence: the app and the dashboard come with a Content-Security-Policy that runs no
 * inline script, calls only the services and the identity provider, and lets no other site frame them; every answer
 * says not to guess its type and sends no address on. (AppIT and DashboardIT check the pages work under it.)
 */
@ExtendWith(RunningFeiyan.class)
class PagePolicyIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAppsPageCallsOnlyTheServicesAndTheIdentityProvider_andRunsOnlyItsOwnScripts() throws Exception {
        String policy = policyOf(FeiyanService.INTAKE, "/app/");

        assertEquals("'self' " + origin(RunningFeiyan.system().keycloak().issuer()) + " "
                + String.join(" ", List.of(RunningFeiyan.url(FeiyanService.TEAM), RunningFeiyan.url(FeiyanService.FEEDBACK),
                        RunningFeiyan.url(FeiyanService.NOTIFICATION))), directive(policy, "connect-src"));
    }

    @Test
    void theDashboardCallsOnlyTheServicesAndTheIdentityProvider_andRunsOnlyItsOwnScripts() throws Exception {
        String policy = policyOf(FeiyanService.DISPATCH, "/dashboard");

        assertEquals("'self' " + origin(RunningFeiyan.system().keycloak().issuer()) + " "
                + RunningFeiyan.url(FeiyanService.FEEDBACK) + " " + RunningFeiyan.url(FeiyanService.NOTIFICATION),
                directive(policy, "connect-src"));
    }

    @Test
    void everyAnswerSaysNotToGuessItsType_notToBeFramed_andToSendNoAddressOn() throws Exception {
        for (String[] answer : List.of(new String[] {"INTAKE", "/app/app.js"}, new String[] {"INTAKE", "/q/health/ready"},
                new String[] {"DISPATCH", "/dashboard/dashboard.js"}, new String[] {"TEAM", "/api/teams"},
                new String[] {"FEEDBACK", "/feiyan/sign-in.js"})) {
            HttpResponse<String> response = get(FeiyanService.valueOf(answer[0]), answer[1]);
            String what = answer[0] + " " + answer[1];
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), what);
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null), what);
        }
    }

    /** The page's policy, after checking what every page's says: only its own scripts and styles, framed by none. */
    private String policyOf(FeiyanService service, String page) throws Exception {
        HttpResponse<String> response = get(service, page);
        assertEquals(200, response.statusCode());
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertEquals("'self'", directive(policy, "script-src"), policy);
        assertEquals("'self'", directive(policy, "style-src"), policy);
        assertEquals("'self'", directive(policy, "default-src"), policy);
        assertEquals("'none'", directive(policy, "frame-ancestors"), policy);
        assertEquals("'none'", directive(policy, "object-src"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertTrue(response.body().contains("<script type=\"module\" src="), "the page's script is a file of its own");
        assertFalse(response.body().matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "no inline script in " + page);
        return policy;
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            String trimmed = directive.trim();
            if (trimmed.startsWith(name + " ")) {
                return trimmed.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String origin(String address) {
        URI uri = URI.create(address);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private HttpResponse<String> get(FeiyanService service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(RunningFeiyan.url(service) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
