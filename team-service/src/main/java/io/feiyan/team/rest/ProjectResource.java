package io.feiyan.team.rest;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.Tier;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Roles;
import io.feiyan.team.domain.Project;
import io.feiyan.team.service.DirectoryService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
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

    /** A project: its category, the households it is built for (none: everyone) and the tier that normally serves. */
    public record ProjectRequest(String name, String category, List<HouseholdTag> aimedAt, Tier servedAt,
            Boolean active) {
    }

    public record ProjectView(String code, String name, String category, List<String> aimedAt, Tier servedAt,
            boolean active) {
        static ProjectView of(Project project) {
            return new ProjectView(project.code, project.name, project.category, project.aimedAt, project.servedAt,
                    project.active);
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
    public ProjectView save(@PathParam("code") String code, ProjectRequest request) {
        new Validation().present(request, "body").orThrow();
        new Validation()
                .require(code.matches("[A-Za-z0-9_-]{1,64}"), "code", "use 1 to 64 letters, digits, '-' or '_'")
                .present(request.name(), "name")
                .maxLength(request.name(), 200, "name")
                .present(request.category(), "category")
                .require(request.category() == null || request.category().matches("[A-Z_]{1,64}"), "category",
                        "is an upper-case code such as CULTURE")
                .orThrow();
        Project project = new Project();
        project.code = code;
        project.name = request.name();
        project.category = request.category();
        project.aimedAt = request.aimedAt() == null ? new ArrayList<>()
                : request.aimedAt().stream().distinct().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        project.servedAt = request.servedAt();
        project.active = request.active() == null || request.active();
        return ProjectView.of(directory.saveProject(project));
    }
}
