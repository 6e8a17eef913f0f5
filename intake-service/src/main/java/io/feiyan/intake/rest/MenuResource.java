package io.feiyan.intake.rest;

import io.feiyan.intake.domain.Resident;
import io.feiyan.intake.service.MenuService;
import io.feiyan.intake.service.ResidentAccess;
import io.feiyan.intake.service.ResidentService;
import io.feiyan.platform.rest.Validation;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
            @Parameter(description = "12-digit village code", example = "371322206201") @QueryParam("village") String village,
            @Parameter(description = "the month, default this one", example = "2026-12") @QueryParam("month") String month,
            @Parameter(description = "a resident id, to mark what is meant for their household") @QueryParam("resident") UUID resident) {
        YearMonth yearMonth = parseMonth(month);
        new Validation()
                .present(village, "village")
                .village(village, "village")
                .require(month == null || yearMonth != null, "month", "is a month such as 2026-12")
                .orThrow();
        Resident who = resident == null ? null : residents.get(resident);
        if (who != null) {
            access.actFor(who);
        }
        return menus.menu(village, yearMonth == null ? YearMonth.now(zone) : yearMonth, who);
    }

    private static YearMonth parseMonth(String month) {
        try {
            return month == null ? null : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
