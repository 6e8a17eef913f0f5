package io.feiyan.team.rest;

import io.feiyan.events.Tier;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.CrossChecked;
import io.feiyan.platform.validation.Month;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.platform.validation.RegionCode;
import io.feiyan.team.domain.Team;
import io.feiyan.team.service.DirectoryService;
import io.feiyan.team.service.VolunteerService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The county's teams (服务队): who they are, what they offer, and the hours their volunteers served. */
@Path("/api/teams")
public class TeamResource {
    private final DirectoryService directory;
    private final VolunteerService volunteers;
    private final ZoneId zone;
    private final Caller caller;

    TeamResource(DirectoryService directory, VolunteerService volunteers,
            @ConfigProperty(name = "feiyan.time-zone") ZoneId zone, Caller caller) {
        this.directory = directory;
        this.volunteers = volunteers;
        this.zone = zone;
        this.caller = caller;
    }

    public record TeamRequest(
            @NotBlank(message = Reasons.REQUIRED) @Size(max = 200, message = Reasons.LONGER) String name,
            @NotNull(message = Reasons.REQUIRED) Tier tier,
            @NotBlank(message = Reasons.REQUIRED) @RegionCode String regionCode, List<String> projectCodes,
            @Min(value = 0, message = "must not be negative") Integer capacity, Boolean active, UUID leaderId)
            implements CrossChecked {
        @Override
        public void crossCheck(Checks checks) {
            checks.require(tier == null || !io.feiyan.events.RegionCode.isValid(regionCode)
                    || io.feiyan.events.RegionCode.of(regionCode).tier() == tier,
                    "regionCode", "must be a region of the team's tier");
        }
    }

    public record TeamView(String code, String name, Tier tier, String regionCode, List<String> projectCodes,
            int capacity, boolean active, UUID leaderId) {
        static TeamView of(Team team) {
            return new TeamView(team.code, team.name, team.tier, team.regionCode, team.projectCodes, team.capacity,
                    team.active, team.leaderId);
        }
    }

    @GET
    @Authenticated
    @Operation(summary = "The teams", description = "For any signed-in caller.")
    public List<TeamView> list() {
        return directory.teams().stream().map(TeamView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(summary = "A team", description = "For any signed-in caller.")
    public TeamView get(@PathParam("code") String code) {
        return TeamView.of(directory.team(code));
    }

    @GET
    @Path("/{code}/hours")
    @RolesAllowed({Roles.TEAM_MEMBER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A team's hours", description = "The team's volunteer hours in a month — the sum of its "
            + "completions' hours — each volunteer's by name, and those of completions that named no one "
            + "(unattributed): this month unless ?month=2026-12. For the team's own members (the team in their "
            + "token), operators and admins.")
    public VolunteerService.TeamHours hours(@PathParam("code") String code, @Month @QueryParam("month") String month) {
        caller.require(caller.is(Roles.OPERATOR) || caller.is(Roles.ADMIN)
                || caller.is(Roles.TEAM_MEMBER) && caller.team().filter(code::equals).isPresent(),
                "you see your own team's hours only");
        YearMonth yearMonth = month == null ? YearMonth.now(zone) : YearMonth.parse(month);
        return volunteers.teamHours(directory.team(code).code, yearMonth);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or update a team", description = "The team with this code; published as "
            + "TeamUpdated when it changes. Admins only.")
    public TeamView save(
            @Pattern(regexp = Reasons.CODE, message = Reasons.CODE_REASON) @PathParam("code") String code,
            @Valid @NotNull(message = Reasons.REQUIRED) TeamRequest request) {
        Team team = new Team();
        team.code = code;
        team.name = request.name();
        team.tier = request.tier();
        team.regionCode = request.regionCode();
        team.projectCodes = new ArrayList<>(request.projectCodes() == null ? List.of() : request.projectCodes());
        team.capacity = request.capacity() == null ? 10 : request.capacity();
        team.active = request.active() == null || request.active();
        team.leaderId = request.leaderId();
        return TeamView.of(directory.saveTeam(team));
    }
}
