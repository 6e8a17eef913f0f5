package io.feiyan.feedback.rest;

import io.feiyan.feedback.metrics.Demand;
import io.feiyan.feedback.metrics.Dimension;
import io.feiyan.feedback.metrics.DispatchQuality;
import io.feiyan.feedback.metrics.Loads;
import io.feiyan.feedback.metrics.MetricsRebuild;
import io.feiyan.feedback.metrics.MetricsTable;
import io.feiyan.feedback.metrics.Rates;
import io.feiyan.feedback.metrics.Selection;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/metrics")
@RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ADMIN})
@Produces({MediaType.APPLICATION_JSON, MetricsResource.CSV})
public class MetricsResource {
    static final String CSV = "text/csv";

    private final Rates rates;
    private final Demand demand;
    private final DispatchQuality dispatchQuality;
    private final Loads loads;
    private final MetricsRebuild rebuild;

    MetricsResource(Rates rates, Demand demand, DispatchQuality dispatchQuality, Loads loads, MetricsRebuild rebuild) {
        this.rates = rates;
        this.demand = demand;
        this.dispatchQuality = dispatchQuality;
        this.loads = loads;
        this.rebuild = rebuild;
    }

    /** The figures and what they were selected by. */
    public record Figures(List<String> by, String from, String to, String region, List<Map<String, Object>> rows) {
    }

    @GET
    @Path("/rates")
    @Operation(summary = "The three rates (响应率, 解决率, 满意率)", description = """
            One row per group of `by` (one row for everything without it), as JSON or, with `Accept: text/csv` or \
            `format=csv`, as CSV. Months are calendar months in the county's time zone (feiyan.time-zone).

            - **responseRate** = `acceptedInTime` ÷ `assigned`. Every OrderAssigned is one assignment (a \
            reassignment after a decline or a missed time is another; asking again a team that let the order's time \
            pass, no other team being left, OrderAssigned.askedAgain, is not). It was accepted in time when the same \
            team's OrderAccepted for the order came between the assignment and its `acceptBy` (and before any later \
            assignment of the order). Counted in the month of the assignment, for the team assigned.
            - **resolutionRate** = `resolved` ÷ `approved`. An order is approved once, when it passes review \
            (OrderApproved: by an operator, or needing no review; a rejected order never is). It is resolved when \
            it has been completed and never reopened (a redo after a follow-up visit means it was not; so does a \
            cancellation after approval). Counted in the month of approval, for the team it was last assigned to.
            - **satisfactionRate** = `satisfied` ÷ `rated`: ratings of 4 or 5 among all ratings. Counted in the \
            month of the rating, for the team whose delivery was rated.

            A rate is null when nothing was counted. Place and category are the order's (OrderPlaced). Computed \
            from the event topics alone.""")
    public Response rates(@BeanParam Asked asked) {
        return asked.answer(Arrays.asList(Dimension.values()), rates::count);
    }

    @GET
    @Path("/demand")
    @Operation(summary = "Demand: orders by category, project, place and month", description = """
            What the monthly menu is drafted from: `orders` placed, and among them `freeText`, the needs in the \
            residents' own words that named no project because none on the menu covered them. Counted in the month \
            the order was placed, by the order's village and category. JSON, or CSV as for the rates.""")
    public Response demand(@BeanParam Asked asked) {
        List<Dimension> allowed = new ArrayList<>(Arrays.asList(Dimension.values()));
        allowed.remove(Dimension.TEAM);
        return asked.answer(allowed, demand::count);
    }

    @GET
    @Path("/dispatch")
    @Operation(summary = "Dispatch's quality: how close to home, how soon, how overdue", description = """
            By the month an order was placed (JSON, or CSV as for the rates); README "Dispatch quality" defines each \
            figure exactly.

            - **served**: orders a team accepted; **servedInVillage / Town / County**: their shares by the tier of \
            the assignment accepted last.
            - **servedAtLowestCapableTier**: the share of served orders served at the lowest tier that had a team \
            able to serve them at all (offering the project, room or not) when dispatch first assigned them \
            (OrderAssigned.lowestCapableTier).
            - **assignedP50/P90Minutes**, **acceptedP50/P90Minutes**: from placed to the first assignment and to the \
            first acceptance; an order not assigned or accepted yet counts as waiting until now, and one withdrawn \
            before it (cancelled, or rejected at review) is left out.
            - **waitedUnserved**: orders dispatch found no team in the county for (OrderUnserved); \
            **unservedLongestMinutes**: the longest such wait, to the next assignment (or the withdrawal, or now).
            - **deadlinesMissed**: served orders whose accepted assignment's deadline passed before the delivery (or \
            now, undelivered); **deadlinesMissedNotEscalated**: those with no escalation DEADLINE_PASSED since.

            `team` is the team that accepted. Computed from the event topics alone.""")
    public Response dispatch(@BeanParam Asked asked) {
        return asked.answer(Arrays.asList(Dimension.values()), dispatchQuality::count);
    }

    @GET
    @Path("/loads")
    @Operation(summary = "Each team's load against its fair share", description = """
            Always by team (and by whatever else `by` names), by the month an order was placed; the busiest first. \
            **served**: the orders the team accepted last. **fairShare**: its share of the served orders it could \
            have taken: each is shared equally among the peers its accepted assignment named (OrderAssigned.peerTeams: \
            the teams of that tier serving the order's place and offering its project, room or not, and the team given \
            it; orders whose assignment named none, from before dispatch said them, are left out). **load** = \
            served ÷ fairShare: 1 is a fair share, 1.5 half as much again; null when the team was nobody's peer. \
            JSON, or CSV as for the rates. Computed from the event topics alone.""")
    public Response loads(@BeanParam Asked asked) {
        return asked.answer(Arrays.asList(Dimension.values()), loads::count);
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rebuild the metrics from the topics",
            description = "Reads every order topic again from its beginning into empty tables, which then replace "
                    + "the metrics' facts: the figures stay as they were until the rebuild is complete. For a new or "
                    + "damaged database. The same events give the same figures. 409 rebuild-running while one runs, "
                    + "409 history-incomplete when a topic no longer holds its oldest events.")
    public MetricsRebuild.Result rebuild() {
        return rebuild.rebuild();
    }

    /** What every figure is asked by: its breakdown, its months, its region, and JSON or CSV. */
    public static class Asked {
        @Parameter(description = "comma-separated: county, town, village, team (not for demand), category, project, "
                + "month", example = "town,month")
        @QueryParam("by")
        String by;
        @Parameter(description = "first month, yyyy-MM", example = "2026-09")
        @QueryParam("from")
        String from;
        @Parameter(description = "last month, yyyy-MM", example = "2026-11")
        @QueryParam("to")
        String to;
        @Parameter(description = "a county, town or village code: only its orders", example = "371322206")
        @QueryParam("region")
        String region;
        @Parameter(description = "csv or json, whatever the Accept header says")
        @QueryParam("format")
        String format;
        @Context
        HttpHeaders headers;

        /** The figures asked for, by the dimensions {@code allowed}, in the format asked for. */
        Response answer(List<Dimension> allowed, Function<Selection, MetricsTable> figures) {
            new Validation().require(format == null || format.equals("csv") || format.equals("json"), "format",
                    "is csv or json").orThrow();
            Selection selection = selection(by, from, to, region, allowed);
            MetricsTable table = figures.apply(selection);
            boolean csv = format == null ? headers.getAcceptableMediaTypes().stream()
                    .anyMatch(type -> type.getSubtype().equals("csv")) : format.equals("csv");
            if (csv) {
                return Response.ok(table.csv(), CSV + ";charset=UTF-8").build();
            }
            return Response.ok(new Figures(selection.by().stream().map(Dimension::label).toList(), from, to, region,
                    table.objects()), MediaType.APPLICATION_JSON).build();
        }
    }

    private static Selection selection(String by, String from, String to, String region, List<Dimension> allowed) {
        List<String> labels = allowed.stream().map(Dimension::label).toList();
        List<Dimension> dimensions = new ArrayList<>();
        Validation validation = new Validation();
        if (by != null && !by.isBlank()) {
            for (String label : by.split(",")) {
                String name = label.strip();
                validation.require(labels.contains(name), "by", "'" + name + "' is not one of " + String.join(", ", labels));
                if (labels.contains(name) && !dimensions.contains(Dimension.valueOf(name.toUpperCase(java.util.Locale.ROOT)))) {
                    dimensions.add(Dimension.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
                }
            }
        }
        YearMonth first = month(from, "from", validation);
        YearMonth last = month(to, "to", validation);
        validation
                .require(first == null || last == null || !last.isBefore(first), "to", "is not before from")
                .region(region, "region")
                .orThrow();
        return new Selection(dimensions, first, last, region);
    }

    private static YearMonth month(String value, String field, Validation validation) {
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            validation.require(false, field, "is a month as yyyy-MM");
            return null;
        }
    }
}
