package io.feiyan.team.rest;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.Tier;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.OneOf;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.team.domain.Project;
import io.feiyan.team.service.DirectoryService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The service catalogue (服务项目). */
@Path("/api/projects")
public class ProjectResource {
    private final DirectoryService directory;

    ProjectResource(DirectoryService directory) {
        this.directory = directory;
    }

    private static final String PER_VISIT = "is from 1 to 1000";

    /**
     * A project: its category, the households it is built for (none: everyone), the tier that normally serves, how
     * many residents one visit can serve (default 1: each alone) and where they live (VILLAGE, the default, or TOWN).
     */
    public record ProjectRequest(
            @NotBlank(message = Reasons.REQUIRED) @Size(max = 200, message = Reasons.LONGER) String name,
            @NotBlank(message = Reasons.REQUIRED) @Pattern(regexp = Reasons.CATEGORY, message = Reasons.CATEGORY_REASON)
            String category,
            List<HouseholdTag> aimedAt, Tier servedAt, Boolean active,
            @Min(value = 1, message = PER_VISIT) @Max(value = 1000, message = PER_VISIT) Integer perVisit,
            @OneOf({"VILLAGE", "TOWN"}) String gathersAt) {
    }

    public record ProjectView(String code, String name, String category, List<String> aimedAt, Tier servedAt,
            boolean active, int perVisit, Tier gathersAt) {
        static ProjectView of(Project project) {
            return new ProjectView(project.code, project.name, project.category, project.aimedAt, project.servedAt,
                    project.active, project.perVisit, project.gathersAt);
        }
    }

    @GET
    @Authenticated
    @Operation(summary = "The catalogue's projects", description = "For any signed-in caller.")
    public List<ProjectView> list() {
        return directory.projects().stream().map(ProjectView::of).toList();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or update a project", description = "The project with this code; published as "
            + "ProjectUpdated when it changes. Admins only.")
    public ProjectView save(
            @Pattern(regexp = Reasons.CODE, message = Reasons.CODE_REASON) @PathParam("code") String code,
            @Valid @NotNull(message = Reasons.REQUIRED) ProjectRequest request) {
        Project project = new Project();
        project.code = code;
        project.name = request.name();
        project.category = request.category();
        project.aimedAt = request.aimedAt() == null ? new ArrayList<>()
                : request.aimedAt().stream().distinct().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        project.servedAt = request.servedAt();
        project.active = request.active() == null || request.active();
        project.perVisit = request.perVisit() == null ? 1 : request.perVisit();
        project.gathersAt = request.gathersAt() == null ? Tier.VILLAGE : Tier.valueOf(request.gathersAt());
        return ProjectView.of(directory.saveProject(project));
    }
}
