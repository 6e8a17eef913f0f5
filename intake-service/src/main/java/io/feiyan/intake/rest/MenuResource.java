package io.feiyan.intake.rest;

import io.feiyan.events.Tier;
import io.feiyan.intake.domain.Resident;
import io.feiyan.intake.service.MenuService;
import io.feiyan.intake.service.ResidentAccess;
import io.feiyan.intake.service.ResidentService;
import io.feiyan.platform.validation.Month;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.platform.validation.RegionCode;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The month's menu (每月菜单): what a resident of a village can order. */
@Path("/api/menu")
public class MenuResource {
    private final MenuService menus;
    private final ResidentService residents;
    private final ResidentAccess access;
    private final ZoneId zone;

    MenuResource(MenuService menus, ResidentService residents, ResidentAccess access,
            @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        this.menus = menus;
        this.residents = residents;
        this.access = access;
        this.zone = zone;
    }

    @GET
    @PermitAll
    @Operation(summary = "The month's menu for a village",
            description = "Public: the projects on the county centre's menu that a team serving the village offers, "
                    + "grouped by category. With a resident, those aimed at their household situation are marked: "
                    + "that needs the token of the resident or of a volunteer or operator of their region.")
    public MenuService.Menu menu(
            @Parameter(description = "12-digit village code", example = "371322206201")
            @NotBlank(message = Reasons.REQUIRED) @RegionCode(tier = Tier.VILLAGE) @QueryParam("village") String village,
            @Parameter(description = "the month, default this one", example = "2026-12") @Month @QueryParam("month") String month,
            @Parameter(description = "a resident id, to mark what is meant for their household") @QueryParam("resident") UUID resident) {
        Resident who = resident == null ? null : residents.get(resident);
        if (who != null) {
            access.actFor(who);
        }
        return menus.menu(village, month == null ? YearMonth.now(zone) : YearMonth.parse(month), who);
    }
}
