package io.feiyan.dispatch.dashboard;

import io.feiyan.dispatch.service.CaseChanged;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.platform.rest.Validation;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The operators' live dispatch dashboard: the page, its data, and its stream of changes. */
@Path("/")
public class DashboardResource {
    private final DashboardService dashboard;
    private final DashboardFeed feed;

    DashboardResource(DashboardService dashboard, DashboardFeed feed) {
        this.dashboard = dashboard;
        this.feed = feed;
    }

    @GET
    @Path("dashboard")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The dashboard page", description = "?region=371322206&tier=TOWN picks the operator's view.")
    public String page() {
        try (InputStream page = getClass().getClassLoader().getResourceAsStream("dashboard/index.html")) {
            return new String(page.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("api/dashboard")
    @Operation(summary = "What the dashboard shows", description = "For a region (county, town or village code) and "
            + "optionally one tier: counts by state, the review queue, open assignments by time left, waiting and "
            + "unserved cases, recent escalations and declines, and the teams to assign to.")
    public DashboardService.Snapshot snapshot(
            @Parameter(example = "371322") @QueryParam("region") @DefaultValue("371322") String region,
            @Parameter(example = "TOWN") @QueryParam("tier") String tier) {
        new Validation().require(RegionCode.isValid(region), "region", "is a county, town or village code").orThrow();
        return dashboard.snapshot(region, Validation.enumValue(Tier.class, tier, "tier"));
    }

    @GET
    @Path("api/dashboard/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes, as server-sent events", description = "One event per changed case (its orderId); "
            + "a heartbeat with a null orderId every 15 s.")
    public Multi<CaseChanged> stream() {
        return feed.changes();
    }
}
