package io.feiyan.team.rest;

import io.feiyan.events.Tier;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.Day;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.platform.validation.RegionCode;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.ServiceHours;
import io.feiyan.team.domain.Team;
import io.feiyan.team.domain.Volunteer;
import io.feiyan.team.service.VolunteerService;
import io.feiyan.team.service.VolunteerService.RegisterVolunteer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Volunteers, who is on duty in a village today, and the hours each served. A volunteer's name and phone are
 * personal data: only admins, the operators of their village's region and the members of their teams see them.
 */
@Path("/api/volunteers")
public class VolunteerResource {
    private final VolunteerService volunteers;
    private final ZoneId zone;
    private final Caller caller;
    private final Validator validator;

    VolunteerResource(VolunteerService volunteers, @ConfigProperty(name = "feiyan.time-zone") ZoneId zone,
            Caller caller, Validator validator) {
        this.volunteers = volunteers;
        this.zone = zone;
        this.caller = caller;
        this.validator = validator;
    }

    public record VolunteerView(UUID volunteerId, String name, String phone, String villageCode, List<String> skills,
            List<String> teamCodes, LocalDate joinedOn, boolean active) {
        static VolunteerView of(Volunteer v) {
            return new VolunteerView(v.id, v.name, v.phone, v.villageCode, v.skills, v.teamCodes, v.joinedOn, v.active);
        }
    }

    public record Duty(String villageCode, LocalDate date, VolunteerView volunteer) {
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Register a volunteer", description = "By an admin, or an operator whose region covers the "
            + "volunteer's village. Village 飞燕 volunteers take a one-day duty in turn, in the order they joined.")
    public Response register(RegisterVolunteer request, @Context UriInfo uri) {
        caller.require(caller.is(Roles.ADMIN) || request == null || caller.covers(request.villageCode()),
                "you register volunteers of the villages of your region only");
        Validation.check(validator, request);
        Volunteer volunteer = volunteers.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(volunteer.id.toString()).build())
                .entity(VolunteerView.of(volunteer)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VOLUNTEER, Roles.TEAM_MEMBER})
    @Operation(summary = "Volunteers of a village or of a team", description = "?team=: for the team's own members "
            + "(the team in their token), operators and admins. ?village=: for the operators and volunteers whose "
            + "region covers it, and admins. With neither: admins see every volunteer, operators and volunteers those "
            + "of their own region; a team member names their team. With both, the team decides.")
    public List<VolunteerView> list(@QueryParam("village") String village, @QueryParam("team") String team) {
        List<Volunteer> found;
        if (team != null) {
            caller.require(caller.is(Roles.ADMIN) || caller.is(Roles.OPERATOR)
                    || caller.is(Roles.TEAM_MEMBER) && caller.team().filter(team::equals).isPresent(),
                    "you see your own team's volunteers only");
            found = volunteers.list(null, team);
        } else if (village != null) {
            caller.require(caller.is(Roles.ADMIN) || actsInRegion() && caller.covers(village),
                    "you see the volunteers of your own region only");
            found = volunteers.list(village, null);
        } else if (caller.is(Roles.ADMIN)) {
            found = volunteers.list(null, null);
        } else {
            // operators and volunteers get their region's; a team member, who has none, names their team
            String region = caller.region().filter(r -> actsInRegion() && io.feiyan.events.RegionCode.isValid(r))
                    .orElseThrow(() -> new NotAllowed("name your team (?team=) or village (?village=)"));
            found = volunteers.listIn(region);
        }
        return found.stream().map(VolunteerView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.TEAM_MEMBER})
    @Operation(summary = "A volunteer", description = "Their name, phone, village, skills and teams: for admins, the "
            + "operators whose region covers their village, and the members of their teams.")
    public VolunteerView get(@PathParam("id") UUID id) {
        return VolunteerView.of(visible(id));
    }

    @GET
    @Path("/on-duty")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VOLUNTEER})
    @Operation(summary = "Who is on duty in a village", description = "Today, or on the given date. For the "
            + "volunteers and operators whose region covers the village, and admins.")
    public Duty duty(
            @NotBlank(message = Reasons.REQUIRED) @RegionCode(tier = Tier.VILLAGE) @QueryParam("village") String village,
            @Day @QueryParam("date") String date) {
        caller.require(caller.is(Roles.ADMIN) || caller.covers(village), "you see the duty of your own region only");
        LocalDate on = date == null ? LocalDate.now(zone) : LocalDate.parse(date);
        return new Duty(village, on, VolunteerView.of(volunteers.onDuty(village, on)));
    }

    @GET
    @Path("/{id}/hours")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.TEAM_MEMBER})
    @Operation(summary = "A volunteer's hours", description = "In all and by month, with the star level: one star at "
            + "100 hours, then 300, 600, 1,000 and five at 1,500. For whoever may see the volunteer.")
    public VolunteerService.Hours hours(@PathParam("id") UUID id) {
        visible(id);
        return volunteers.hours(id);
    }

    @GET
    @Path("/{id}/record")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.TEAM_MEMBER})
    @Operation(summary = "A volunteer's service record, to print", description = "For whoever may see the volunteer.")
    public String record(@PathParam("id") UUID id) {
        Volunteer volunteer = visible(id);
        VolunteerService.Hours hours = volunteers.hours(id);
        StringBuilder rows = new StringBuilder();
        for (ServiceHours line : volunteers.services(id)) {
            Team team = Team.findById(line.teamCode);
            Assignment assignment = Assignment.findById(line.orderId);
            rows.append("<tr><td>").append(line.servedOn).append("</td><td>")
                    .append(html(team == null ? line.teamCode : team.name)).append("</td><td>")
                    .append(html(line.projectCode == null ? "" : line.projectCode)).append("</td><td>")
                    .append(html(assignment == null || assignment.summary == null ? "" : assignment.summary))
                    .append("</td><td class=\"n\">").append(line.hours.stripTrailingZeros().toPlainString())
                    .append("</td></tr>\n");
        }
        return """
                <!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>志愿服务记录 · %1$s</title>
                <style>body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem}table{border-collapse:collapse;width:100%%}
                td,th{border:1px solid #999;padding:.3rem .5rem;text-align:left}.n{text-align:right}
                @media print{body{margin:0}}</style></head><body>
                <h1>志愿服务记录 Volunteer service record</h1>
                <p><b>%1$s</b> · %2$s · %3$s</p>
                <p>Total %4$s hours · %5$s</p>
                <table><tr><th>Date</th><th>Team</th><th>Project</th><th>Service</th><th class="n">Hours</th></tr>
                %6$s</table><p>Printed %7$s</p></body></html>
                """.formatted(html(volunteer.name), volunteer.villageCode, html(String.join(", ", volunteer.teamCodes)),
                hours.total().stripTrailingZeros().toPlainString(),
                hours.stars() == 0 ? "no star yet" : "★".repeat(hours.stars()), rows, LocalDate.now(zone));
    }

    /** Operators and volunteers act in a region (their token's); team members in a team. */
    private boolean actsInRegion() {
        return caller.is(Roles.OPERATOR) || caller.is(Roles.VOLUNTEER);
    }

    /** The volunteer, if the caller may see them: an admin, an operator of their region, a member of their team. */
    private Volunteer visible(UUID id) {
        Volunteer volunteer = volunteers.get(id);
        caller.require(caller.is(Roles.ADMIN)
                || caller.is(Roles.OPERATOR) && caller.covers(volunteer.villageCode)
                || caller.is(Roles.TEAM_MEMBER) && caller.team().filter(volunteer.teamCodes::contains).isPresent(),
                "you see the volunteers of your own region or team only");
        return volunteer;
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
