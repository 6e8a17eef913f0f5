package io.feiyan.team.rest;

import io.feiyan.events.MenuPublished;
import io.feiyan.events.Tier;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.CrossChecked;
import io.feiyan.platform.validation.Month;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.platform.validation.RegionCode;
import io.feiyan.team.service.MenuDemand;
import io.feiyan.team.service.MenuService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.YearMonth;
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

    public record MenuRequest(@NotEmpty(message = "names at least one project") List<MenuPublished.Item> items)
            implements CrossChecked {
        @Override
        public void crossCheck(Checks checks) {
            checks.require(items == null || items.stream().allMatch(item -> item != null && item.projectCode() != null),
                            "items", "each names its projectCode")
                    .require(items == null || items.stream().allMatch(
                            item -> item == null || item.note() == null || item.note().length() <= 500),
                            "items", "a note is at most 500 characters");
        }
    }

    @GET
    @PermitAll
    @Operation(summary = "The month's published menu", description = "Its latest version. Public: anyone may read "
            + "it, with or without a token.")
    public MenuPublished get(@RegionCode(tier = Tier.COUNTY) @PathParam("countyCode") String countyCode,
            @Month @PathParam("month") String month) {
        return menus.get(countyCode, YearMonth.parse(month));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a menu at once", description = "These items as the month's menu: a new version, "
            + "superseding the one before. Admins only.")
    public MenuPublished publish(@RegionCode(tier = Tier.COUNTY) @PathParam("countyCode") String countyCode,
            @Month @PathParam("month") String month,
            @Valid @NotNull(message = Reasons.REQUIRED) MenuRequest request) {
        YearMonth yearMonth = YearMonth.parse(month);
        return menus.publish(countyCode, yearMonth, request.items());
    }

    @GET
    @Path("/demand")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "The month's demand", description = "Orders in the county counted by town: each project "
            + "ordered, and the needs in residents' own words by category. Counts only, no resident or need text, "
            + "so analysts may read it as well as admins. The centre reads last month's before drafting a menu.")
    public List<MenuDemand.Demand> demand(@RegionCode(tier = Tier.COUNTY) @PathParam("countyCode") String countyCode,
            @Month @PathParam("month") String month) {
        return demand.of(countyCode, YearMonth.parse(month));
    }

    @POST
    @Path("/draft")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Draft the menu", description = "From the month before's demand, replacing an unpublished "
            + "draft. Admins only.")
    public MenuService.Draft draft(@RegionCode(tier = Tier.COUNTY) @PathParam("countyCode") String countyCode,
            @Month @PathParam("month") String month) {
        return menus.draft(countyCode, YearMonth.parse(month));
    }

    @GET
    @Path("/draft")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The draft menu", description = "Admins only.")
    public MenuService.Draft getDraft(@RegionCode(tier = Tier.COUNTY) @PathParam("countyCode") String countyCode,
            @Month @PathParam("month") String month) {
        return menus.getDraft(countyCode, YearMonth.parse(month));
    }

    @PUT
    @Path("/draft")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit the draft menu", description = "The centre's choice of projects and notes. Admins only.")
    public MenuService.Draft editDraft(@RegionCode(tier = Tier.COUNTY) @PathParam("countyCode") String countyCode,
            @Month @PathParam("month") String month,
            @Valid @NotNull(message = Reasons.REQUIRED) MenuRequest request) {
        YearMonth yearMonth = YearMonth.parse(month);
        return menus.editDraft(countyCode, yearMonth, request.items());
    }

    @POST
    @Path("/publish")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish the draft", description = "As the month's next version (MenuPublished), which "
            + "intake shows residents. Admins only.")
    public MenuPublished publishDraft(@RegionCode(tier = Tier.COUNTY) @PathParam("countyCode") String countyCode,
            @Month @PathParam("month") String month) {
        return menus.publishDraft(countyCode, YearMonth.parse(month));
    }
}
