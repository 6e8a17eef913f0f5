package io.feiyan.dispatch.dashboard;

import io.feiyan.dispatch.rest.OperatorRegion;
import io.feiyan.dispatch.service.CaseChanged;
import io.feiyan.events.Tier;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.security.SignInPage;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The operators' live dispatch dashboard: the page, its data, and its stream of changes. The page holds no
 * data; it signs the operator in through Keycloak and sends their bearer token with every call, and an operator sees
 * the cases of their own region only. The page ({@code dashboard/index.html}) is filled in here; its script and
 * styles are static files ({@code META-INF/resources/dashboard}: /dashboard/dashboard.js, /dashboard/dashboard.css).
 */
@Path("/")
public class DashboardResource {
    private final DashboardService dashboard;
    private final DashboardFeed feed;
    private final Caller caller;
    private final JsonWebToken token;
    private final SignInPage page;

    DashboardResource(DashboardService dashboard, DashboardFeed feed, Caller caller, JsonWebToken token,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "feiyan.dashboard.client-id") String clientId,
            @ConfigProperty(name = "feiyan.dashboard.feedback-api") String feedbackApi,
            @ConfigProperty(name = "feiyan.dashboard.notification-api") String notificationApi,
            @ConfigProperty(name = "feiyan.time-zone") String zone) {
        this.dashboard = dashboard;
        this.feed = feed;
        this.caller = caller;
        this.token = token;
        this.page = SignInPage.render("dashboard/index.html", issuer, clientId,
                Map.of("feedback", feedbackApi, "notification", notificationApi, "zone", zone),
                List.of(feedbackApi, notificationApi));
    }

    @GET
    @Path("dashboard")
    @Produces(MediaType.TEXT_HTML)
    @PermitAll
    @Operation(summary = "The dashboard page", description = "Anyone may load it: it holds no data. It signs the "
            + "operator in through the county's Keycloak (authorization code with PKCE, client feiyan-dashboard), "
            + "keeps the tokens in the tab's memory, refreshes them, and sends the access token with every call. "
            + "?region=371322206&tier=TOWN picks a view inside the operator's region.")
    public Response page() {
        return page.response();
    }

    @GET
    @Path("api/dashboard")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "What the dashboard shows", description = "For operators, of their own region (from their "
            + "token) or a part of it, and optionally one tier: counts by state, the review queue, open assignments "
            + "by time left, waiting and unserved cases, recent escalations and declines, the teams to assign "
            + "to, and the queue of cases that need a person (as GET /api/cases/queue). 403 forbidden for a region "
            + "outside the operator's.")
    public DashboardService.Snapshot snapshot(
            @Parameter(description = "A county, town or village code in the operator's region; the operator's "
                    + "region when left out", example = "371322206") @QueryParam("region") String region,
            @Parameter(example = "TOWN") @QueryParam("tier") String tier) {
        return dashboard.snapshot(OperatorRegion.asked(caller, region), Validation.enumValue(Tier.class, tier, "tier"));
    }

    @GET
    @Path("api/dashboard/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Changes, as server-sent events", description = "For operators: one event per changed case "
            + "of their region (its orderId and villageCode); a heartbeat with a null orderId every 15 s. Send the "
            + "token in the Authorization header (EventSource cannot: read it with fetch). The stream ends when "
            + "the token expires.")
    public Multi<CaseChanged> stream() {
        // the request's beans are gone once the stream runs: take the region and expiry now
        String region = OperatorRegion.of(caller);
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
        return left.isNegative() || left.isZero() ? Multi.createFrom().empty()
                : feed.changes(region).select().first(left);
    }
}
