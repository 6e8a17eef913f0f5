package io.feiyan.team.rest;

import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.team.domain.Category;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The county's service categories: the report's six by default, and any the county adds. */
@Path("/api/categories")
public class CategoryResource {

    public record CategoryRequest(
            @NotBlank(message = Reasons.REQUIRED) @Size(max = 200, message = Reasons.LONGER) String name) {
    }

    public record CategoryView(String code, String name) {
        static CategoryView of(Category category) {
            return new CategoryView(category.code, category.name);
        }
    }

    @GET
    @Authenticated
    @Operation(summary = "The categories", description = "For any signed-in caller.")
    public List<CategoryView> list() {
        return Category.<Category>listAll(Sort.by("code")).stream().map(CategoryView::of).toList();
    }

    @PUT
    @Path("/{code}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or rename a category", description = "The category with this code. Admins only.")
    public CategoryView save(
            @Pattern(regexp = Reasons.CATEGORY, message = Reasons.CATEGORY_REASON) @PathParam("code") String code,
            @Valid @NotNull(message = Reasons.REQUIRED) CategoryRequest request) {
        Category category = Category.findById(code);
        if (category == null) {
            category = new Category();
            category.code = code;
        }
        category.name = request.name().strip();
        category.persist();
        return CategoryView.of(category);
    }
}
