package io.feiyan.team.rest;

import io.feiyan.events.MenuPublished;
import io.feiyan.platform.rest.Validation;
import io.feiyan.team.service.MenuService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The county centre's monthly menus (每月菜单), e.g. {@code PUT /api/menus/371322/2026-12}. */
@Path("/api/menus/{countyCode}/{month}")
public class MenuResource {
    private final MenuService menus;

    MenuResource(MenuService menus) {
        this.menus = menus;
    }

    public record MenuRequest(List<MenuPublished.Item> items) {
    }

    @GET
    public MenuPublished get(@PathParam("countyCode") String countyCode, @PathParam("month") String month) {
        return menus.get(countyCode, parse(countyCode, month));
    }

    /** Publishes the month's menu, replacing the one before. */
    @PUT
    public MenuPublished publish(@PathParam("countyCode") String countyCode, @PathParam("month") String month,
            MenuRequest request) {
        YearMonth yearMonth = parse(countyCode, month);
        new Validation().present(request, "body").orThrow();
        new Validation()
                .require(request.items() != null && !request.items().isEmpty(), "items", "names at least one project")
                .require(request.items() == null || request.items().stream().allMatch(
                        item -> item != null && item.projectCode() != null), "items", "each names its projectCode")
                .require(request.items() == null || request.items().stream().allMatch(
                        item -> item == null || item.note() == null || item.note().length() <= 500),
                        "items", "a note is at most 500 characters")
                .orThrow();
        return menus.publish(countyCode, yearMonth, request.items());
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
