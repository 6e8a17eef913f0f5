package io.feiyan.team.rest;

import io.feiyan.events.Tier;
import io.feiyan.platform.rest.Validation;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.AssignmentStatus;
import io.feiyan.team.service.AssignmentService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team's work (接单): the orders given to it, which it accepts and completes. */
@Path("/api/assignments")
public class AssignmentResource {
    private static final BigDecimal MAX_HOURS = new BigDecimal("1000");

    private final AssignmentService assignments;

    AssignmentResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    /**
     * The service record: who served and their hours ({@code servedBy}, which the order's volunteer hours
     * add up from) and a summary; or, for a team that keeps no record here, the {@code volunteerHours} alone.
     */
    public record Completion(BigDecimal volunteerHours, List<AssignmentService.Served> servedBy, String summary) {
    }

    public record Refusal(String reason) {
    }

    public record AssignmentView(UUID orderId, String teamCode, Tier tier, String projectCode, Instant acceptBy,
            Instant deadline, AssignmentStatus status, Instant assignedAt, Instant acceptedAt, Instant completedAt,
            BigDecimal volunteerHours, String declineReason) {
        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.orderId, a.teamCode, a.tier, a.projectCode, a.acceptBy, a.deadline, a.status,
                    a.assignedAt, a.acceptedAt, a.completedAt, a.volunteerHours, a.declineReason);
        }
    }

    @GET
    public List<AssignmentView> list(@QueryParam("team") String team, @QueryParam("status") AssignmentStatus status) {
        return assignments.list(team, status).stream().map(AssignmentView::of).toList();
    }

    @GET
    @Path("/{orderId}")
    public AssignmentView get(@PathParam("orderId") UUID orderId) {
        return AssignmentView.of(assignments.get(orderId));
    }

    @POST
    @Path("/{orderId}/accept")
    public AssignmentView accept(@PathParam("orderId") UUID orderId) {
        return AssignmentView.of(assignments.accept(orderId));
    }

    @POST
    @Path("/{orderId}/decline")
    public AssignmentView decline(@PathParam("orderId") UUID orderId, Refusal refusal) {
        new Validation().present(refusal, "body").orThrow();
        new Validation()
                .present(refusal.reason(), "reason")
                .maxLength(refusal.reason(), 500, "reason")
                .orThrow();
        return AssignmentView.of(assignments.decline(orderId, refusal.reason().strip()));
    }

    @POST
    @Path("/{orderId}/complete")
    public AssignmentView complete(@PathParam("orderId") UUID orderId, Completion completion) {
        new Validation().present(completion, "body").orThrow();
        List<AssignmentService.Served> servedBy = completion.servedBy() == null ? List.of() : completion.servedBy();
        BigDecimal hours = servedBy.isEmpty() ? completion.volunteerHours()
                : servedBy.stream().map(served -> served == null || served.hours() == null ? BigDecimal.ZERO
                        : served.hours()).reduce(BigDecimal.ZERO, BigDecimal::add);
        new Validation()
                .require(hours != null, "volunteerHours", "is required, or servedBy with each volunteer's hours")
                .require(hours == null || (hours.signum() > 0 && hours.compareTo(MAX_HOURS) <= 0), "volunteerHours",
                        "must be more than 0 and at most 1000")
                .require(hours == null || hours.scale() <= 2, "volunteerHours", "has at most two decimals")
                .require(servedBy.stream().allMatch(served -> served != null && served.volunteerId() != null
                        && served.hours() != null && served.hours().signum() > 0
                        && served.hours().compareTo(BigDecimal.valueOf(24)) <= 0), "servedBy",
                        "names each volunteer and their hours, more than 0 and at most 24")
                .require(servedBy.stream().map(AssignmentService.Served::volunteerId).distinct().count() == servedBy.size(),
                        "servedBy", "names each volunteer once")
                .require(servedBy.isEmpty() || completion.volunteerHours() == null
                        || completion.volunteerHours().compareTo(hours) == 0, "volunteerHours",
                        "is the sum of the hours in servedBy, or left out")
                .maxLength(completion.summary(), 2000, "summary")
                .orThrow();
        return AssignmentView.of(servedBy.isEmpty() ? assignments.complete(orderId, hours)
                : assignments.complete(orderId, servedBy, completion.summary()));
    }

}
