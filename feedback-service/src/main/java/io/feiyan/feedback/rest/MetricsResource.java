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
import io.feiyan.platform.validation.CrossChecked;
import io.feiyan.platform.validation.Month;
import io.feiyan.platform.validation.OneOf;
import io.feiyan.platform.validation.RegionCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
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
    private final Validator validator;

    MetricsResource(Rates rates, Demand demand, DispatchQuality dispatchQuality, Loads loads, MetricsRebuild rebuild,
            Validator validator) {
        this.rates = rates;
        this.demand = demand;
        this.dispatchQuality = dispatchQuality;
        this.loads = loads;
        this.rebuild = rebuild;
        this.validator = validator;
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
            assignment of the order). Counted in the month of the assignment, for the team assigned. An order offered \
            to several teams at once (OrderAssigned.offeredTo) is an assignment for each of them, but not for one \
            whose offer was withdrawn because another took it first (OfferWithdrawn): neither answered nor missed.
            - **resolutionRate** = `resolved` ÷ `approved`. An order is approved once, when it passes review \
            (OrderApproved: by an operator, or needing no review; a rejected order never is). It is resolved when \
            it has been completed and never reopened (a redo after a follow-up visit means it was not; so does a \
            cancellation after approval). Counted in the month of approval, for the team it was last assigned to.
            - **satisfactionRate** = `satisfied` ÷ `rated`: ratings of 4 or 5 among all ratings. Counted in the \
            month of the rating, for the team whose delivery was rated.

            A rate is null when nothing was counted. Place and category are the order's (OrderPlaced). Computed \
            from the event topics alone.""")
    public Response rates(@BeanParam Asked asked) {
        return asked.answer(validator, Arrays.asList(Dimension.values()), rates::count);
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
        return asked.answer(validator, allowed, demand::count);
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
        return asked.answer(validator, Arrays.asList(Dimension.values()), dispatchQuality::count);
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
        return asked.answer(validator, Arrays.asList(Dimension.values()), loads::count);
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
    public static class Asked implements CrossChecked {
        private static final String MONTH = "is a month as yyyy-MM";

        @Parameter(description = "comma-separated: county, town, village, team (not for demand), category, project, "
                + "month", example = "town,month")
        @QueryParam("by")
        String by;
        @Parameter(description = "first month, yyyy-MM", example = "2026-09")
        @QueryParam("from")
        @Month(message = MONTH)
        String from;
        @Parameter(description = "last month, yyyy-MM", example = "2026-11")
        @QueryParam("to")
        @Month(message = MONTH)
        String to;
        @Parameter(description = "a county, town or village code: only its orders", example = "371322206")
        @QueryParam("region")
        @RegionCode
        String region;
        @Parameter(description = "csv or json, whatever the Accept header says")
        @QueryParam("format")
        @OneOf({"csv", "json"})
        String format;
        @Context
        HttpHeaders headers;

        @Override
        public void crossCheck(Checks checks) {
            YearMonth first = month(from);
            YearMonth last = month(to);
            checks.require(first == null || last == null || !last.isBefore(first), "to", "is not before from");
        }

        /** The figures asked for, by the dimensions {@code allowed}, in the format asked for. */
        Response answer(Validator validator, List<Dimension> allowed, Function<Selection, MetricsTable> figures) {
            List<String> labels = allowed.stream().map(Dimension::label).toList();
            List<String> names = by == null || by.isBlank() ? List.of()
                    : Arrays.stream(by.split(",")).map(String::strip).toList();
            Validation validation = Validation.of(validator, this);
            for (String name : names) {
                validation.require(labels.contains(name), "by", "'" + name + "' is not one of " + String.join(", ", labels));
            }
            validation.orThrow();
            Selection selection = new Selection(names.stream()
                    .map(name -> Dimension.valueOf(name.toUpperCase(java.util.Locale.ROOT))).distinct().toList(),
                    month(from), month(to), region);
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

    /** A month as yyyy-MM, or null when left out or unreadable (which its constraint refuses). */
    private static YearMonth month(String value) {
        try {
            return value == null ? null : YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
