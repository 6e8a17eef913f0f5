package io.feiyan.team.rest;

import io.feiyan.events.MenuPublished;
import io.feiyan.platform.rest.Problem;
import io.feiyan.platform.rest.Validation;
import io.feiyan.team.service.MenuService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The county centre's monthly menus (每月菜单), e.g. {@code /api/menus/371322/2026-12}: draft from demand,
 * edit, publish.
 */
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

    /** Publishes these items as the month's menu at once: a new version, superseding the one before. */
    @PUT
    public MenuPublished publish(@PathParam("countyCode") String countyCode, @PathParam("month") String month,
            MenuRequest request) {
        YearMonth yearMonth = parse(countyCode, month);
        validate(request);
        return menus.publish(countyCode, yearMonth, request.items());
    }

    /**
     * The month's demand in the county by town: each project ordered, and the needs in residents' own words by
     * category. The centre reads last month's before drafting this month's menu.
     */
    @GET
    @Path("/demand")
    public List<MenuService.Demand> demand(@PathParam("countyCode") String countyCode, @PathParam("month") String month) {
        return menus.demand(countyCode, parse(countyCode, month));
    }

    /** Drafts the month's menu from the month before's demand, replacing an unpublished draft. */
    @POST
    @Path("/draft")
    public MenuService.Draft draft(@PathParam("countyCode") String countyCode, @PathParam("month") String month) {
        return menus.draft(countyCode, parse(countyCode, month));
    }

    @GET
    @Path("/draft")
    public MenuService.Draft getDraft(@PathParam("countyCode") String countyCode, @PathParam("month") String month) {
        YearMonth yearMonth = parse(countyCode, month);
        return menus.findDraft(countyCode, yearMonth)
                .orElseThrow(() -> Problem.notFound("draft menu", countyCode + " for " + month).exception());
    }

    /** The centre's edit of the draft: its projects and notes. */
    @PUT
    @Path("/draft")
    public MenuService.Draft editDraft(@PathParam("countyCode") String countyCode, @PathParam("month") String month,
            MenuRequest request) {
        YearMonth yearMonth = parse(countyCode, month);
        validate(request);
        return menus.editDraft(countyCode, yearMonth, request.items());
    }

    /** Publishes the draft as the month's next version (MenuPublished), which intake shows residents. */
    @POST
    @Path("/publish")
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
