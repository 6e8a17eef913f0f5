package io.feiyan.intake.app;

import io.feiyan.platform.security.SignInPage;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * 一点就来 on a phone: the app for 飞燕 volunteers, team leads and residents, at {@code /app/}. The page holds no
 * data; it signs its user in through the county's Keycloak (client {@code feiyan-app}) and calls the services'
 * public APIs with their token, as any outside client would: intake here, team, feedback and notification at the
 * addresses it is given (they let the app's origin call them: {@code feiyan.app.origin}). The page and its files are the feiyan-app
 * module's: the page ({@code app/index.html}) is filled in here; its scripts, styles, service worker and manifest are
 * static files served beside it ({@code META-INF/resources/app}).
 */
@Path("/app")
public class AppResource {
    private final SignInPage page;

    AppResource(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "feiyan.app.client-id") String clientId,
            @ConfigProperty(name = "feiyan.app.team-api") String teamApi,
            @ConfigProperty(name = "feiyan.app.feedback-api") String feedbackApi,
            @ConfigProperty(name = "feiyan.app.notification-api") String notificationApi,
            @ConfigProperty(name = "feiyan.time-zone") String zone) {
        this.page = SignInPage.render("app/index.html", issuer, clientId,
                Map.of("team", teamApi, "feedback", feedbackApi, "notification", notificationApi, "zone", zone),
                List.of(teamApi, feedbackApi, notificationApi));
    }

    @GET
    @Path("/")
    @Produces(MediaType.TEXT_HTML)
    @PermitAll
    @Operation(summary = "The app", description = "Anyone may load it: it holds no data. It signs its user in "
            + "through the county's Keycloak (authorization code with PKCE, client feiyan-app).")
    public Response page() {
        return page.response();
    }
}
