package io.feiyan.team.rest;

import io.feiyan.events.MenuPublished;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Roles;
import io.feiyan.team.service.MenuDemand;
import io.feiyan.team.service.MenuService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The county centre's monthly menus (每月菜单), e.g. {@code /api/menus/371322/2026-12}: draft from demand,
 * edit, publish. The published menu is public; the rest is the admins' (and the demand, which is counts only,
 * the analysts' too).
 */
@Path("/api/menus/{countyCode}/{month}")
public class MenuResource {
    private final MenuService menus;
    private final MenuDemand demand;

    MenuResource(MenuService menus, MenuDemand demand) {
        this.menus = menus;
        this.demand = demand;
    }

    public record MenuRequest(List<MenuPublished.Item> items) {
    }

    @GET
    @PermitAll
    @Operation(summary = "The month's published menu", description = "Its latest version. Public: anyone may read "
            + "it, with or without a token.")
    public MenuPublished get(@PathParam("countyCode") String countyCode, @PathParam("month") String month) {
        return menus.get(countyCode, parse(countyCode, month));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a menu at once", description = "These items as the month's menu: a new version, "
            + "superseding the one before. Admins only.")
    public MenuPublished publish(@PathParam("countyCode") String countyCode, @PathParam("month") String month,
            MenuRequest request) {
        YearMonth yearMonth = parse(countyCode, month);
        validate(request);
        return menus.publish(countyCode, yearMonth, request.items());
    }

    @GET
    @Path("/demand")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "The month's demand", description = "Orders in the county counted by town: each project "
            + "ordered, and the needs in residents' own words by category. Counts only, no resident or need text, "
            + "so analysts may read it as well as admins. The centre reads last month's before drafting a menu.")
    public List<MenuDemand.Demand> demand(@PathParam("countyCode") String countyCode, @PathParam("month") String month) {
        return demand.of(countyCode, parse(countyCode, month));
    }

    @POST
    @Path("/draft")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Draft the menu", description = "From the month before's demand, replacing an unpublished "
            + "draft. Admins only.")
    public MenuService.Draft draft(@PathParam("countyCode") String countyCode, @PathParam("month") String month) {
        return menus.draft(countyCode, parse(countyCode, month));
    }

    @GET
    @Path("/draft")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The draft menu", description = "Admins only.")
    public MenuService.Draft getDraft(@PathParam("countyCode") String countyCode, @PathParam("month") String month) {
        return menus.getDraft(countyCode, parse(countyCode, month));
    }

    @PUT
    @Path("/draft")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit the draft menu", description = "The centre's choice of projects and notes. Admins only.")
    public MenuService.Draft editDraft(@PathParam("countyCode") String countyCode, @PathParam("month") String month,
            MenuRequest request) {
        YearMonth yearMonth = parse(countyCode, month);
        validate(request);
        return menus.editDraft(countyCode, yearMonth, request.items());
    }

    @POST
    @Path("/publish")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish the draft", description = "As the month's next version (MenuPublished), which "
            + "intake shows residents. Admins only.")
    public MenuPublished publishDraft(@PathParam("countyCode") String countyCode, @PathParam("month") String month) {
        return menus.publishDraft(countyCode, parse(countyCode, month));
    }

    private static void validate(MenuRequest request) {
        new Validation().present(request, "body").orThrow();
        new Validation()
                .require(request.items() != null && !request.items().isEmpty(), "items", "names at least one project")
                .require(request.items() == null || request.items().stream().allMatch(
                        item -> item != null && item.projectCode() != null), "items", "each names its projectCode")
                .require(request.items() == null || request.items().stream().allMatch(
                        item -> item == null || item.note() == null || item.note().length() <= 500),
                        "items", "a note is at most 500 characters")
                .orThrow();
    }

    private static YearMonth parse(String countyCode, String month) {
        YearMonth parsed = null;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            // reported below
        }
        new Validation()
                .require(countyCode.matches("\\d{6}"), "countyCode", "is the county's 6-digit code")
                .require(parsed != null, "month", "is a month such as 2026-12")
                .orThrow();
        return parsed;
    }
}
