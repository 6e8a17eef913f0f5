package io.feiyan.dispatch.rest;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.service.DispatchService;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The dispatch cases operators watch: each order, where it went, and when it is due. */
@Path("/api/cases")
public class CaseResource {
    private final DispatchService dispatch;

    CaseResource(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    public record CaseView(UUID orderId, String projectCode, String category, String villageCode, Urgency urgency,
            CaseStatus status, String teamCode, Tier tier, Instant deadline, Instant placedAt, Instant assignedAt) {
        static CaseView of(DispatchCase c) {
            return new CaseView(c.orderId, c.projectCode, c.category, c.villageCode, c.urgency, c.status, c.teamCode,
                    c.tier, c.deadline, c.placedAt, c.assignedAt);
        }
    }

    @GET
    public List<CaseView> list(@QueryParam("status") CaseStatus status) {
        return dispatch.list(status).stream().map(CaseView::of).toList();
    }

    @GET
    @Path("/{orderId}")
    public CaseView get(@PathParam("orderId") UUID orderId) {
        return CaseView.of(dispatch.get(orderId));
    }
}
