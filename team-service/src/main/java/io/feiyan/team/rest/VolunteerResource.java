package io.feiyan.team.rest;

import io.feiyan.events.RegionCode;
import io.feiyan.platform.rest.Validation;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.ServiceHours;
import io.feiyan.team.domain.Team;
import io.feiyan.team.domain.Volunteer;
import io.feiyan.team.service.VolunteerService;
import io.feiyan.team.service.VolunteerService.RegisterVolunteer;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Volunteers, who is on duty in a village today, and the hours each served. */
@Path("/api/volunteers")
public class VolunteerResource {
    private final VolunteerService volunteers;
    private final ZoneId zone;

    VolunteerResource(VolunteerService volunteers, @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        this.volunteers = volunteers;
        this.zone = zone;
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
    @Operation(summary = "Register a volunteer", description = "Village 飞燕 volunteers take a one-day duty in turn, in "
            + "the order they joined.")
    public Response register(RegisterVolunteer request, @Context UriInfo uri) {
        Volunteer volunteer = volunteers.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(volunteer.id.toString()).build())
                .entity(VolunteerView.of(volunteer)).build();
    }

    @GET
    @Operation(summary = "Volunteers of a village or of a team")
    public List<VolunteerView> list(@QueryParam("village") String village, @QueryParam("team") String team) {
        return volunteers.list(village, team).stream().map(VolunteerView::of).toList();
    }

    @GET
    @Path("/{id}")
    public VolunteerView get(@PathParam("id") UUID id) {
        return VolunteerView.of(volunteers.get(id));
    }

    @GET
    @Path("/on-duty")
    @Operation(summary = "Who is on duty in a village", description = "Today, or on the given date.")
    public Duty duty(@QueryParam("village") String village, @QueryParam("date") String date) {
        LocalDate day = parse(date, LocalDate::parse);
        new Validation()
                .require(RegionCode.isValid(village) && village.length() == 12, "village", "is a 12-digit village code")
                .require(date == null || day != null, "date", "is a date such as 2026-12-01")
                .orThrow();
        LocalDate on = day == null ? LocalDate.now(zone) : day;
        return new Duty(village, on, VolunteerView.of(volunteers.onDuty(village, on)));
    }

    @GET
    @Path("/{id}/hours")
    @Operation(summary = "A volunteer's hours", description = "In all and by month, with the star level: one star at "
            + "100 hours, then 300, 600, 1,000 and five at 1,500.")
    public VolunteerService.Hours hours(@PathParam("id") UUID id) {
        return volunteers.hours(id);
    }

    @GET
    @Path("/{id}/record")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A volunteer's service record, to print")
    public String record(@PathParam("id") UUID id) {
        Volunteer volunteer = volunteers.get(id);
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

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static <T> T parse(String value, Function<String, T> parser) {
        try {
            return value == null ? null : parser.apply(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
