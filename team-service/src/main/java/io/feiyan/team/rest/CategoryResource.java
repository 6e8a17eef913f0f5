package io.feiyan.team.rest;

import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Roles;
import io.feiyan.team.domain.Category;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The county's service categories: the report's six by default, and any the county adds. */
@Path("/api/categories")
public class CategoryResource {

    public record CategoryRequest(String name) {
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
    public CategoryView save(@PathParam("code") String code, CategoryRequest request) {
        new Validation().present(request, "body").orThrow();
        new Validation()
                .require(code.matches("[A-Z_]{1,64}"), "code", "is an upper-case code such as CULTURE")
                .present(request.name(), "name")
                .maxLength(request.name(), 200, "name")
                .orThrow();
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
