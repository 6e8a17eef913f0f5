package io.feiyan.intake.open311;

import io.feiyan.events.Channel;
import io.feiyan.events.Urgency;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.service.OrderService;
import io.feiyan.intake.service.OrderService.PlaceOrder;
import io.feiyan.intake.service.Orders;
import io.feiyan.intake.service.ResidentAccess;
import io.feiyan.platform.domain.DomainException;
import io.feiyan.platform.observability.AboutOrder;
import io.feiyan.platform.rest.Problem;
import io.feiyan.platform.rest.ProblemException;
import io.feiyan.platform.rest.ProblemMapper;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Open311 GeoReport v2 face of intake, for civic apps that speak the open standard. Every path ends in
 * {@code .json} or {@code .xml}; errors come as the spec's list of {@code code} and {@code description}.
 */
@Path("/open311/v2")
@Tag(name = "Open311 GeoReport v2")
public class Open311Resource {
    private static final String FORMAT = "{format:json|xml}";

    private final Open311Service open311;
    private final OrderService orderService;
    private final Orders orders;
    private final ResidentAccess access;

    Open311Resource(Open311Service open311, OrderService orderService, Orders orders, ResidentAccess access) {
        this.open311 = open311;
        this.orderService = orderService;
        this.orders = orders;
        this.access = access;
    }

    @GET
    @PermitAll
    @Path("/services." + FORMAT)
    @Operation(summary = "Service list", description = "The catalogue's projects, and 'other' for a need not on the menu.")
    public Response services(@PathParam("format") String format) {
        return respond(format, 200, () -> Open311Document.list("services", "service", open311.services()));
    }

    @GET
    @PermitAll
    @Path("/services/{code}." + FORMAT)
    @Operation(summary = "Service definition", description = "The attributes a request for the service may carry.")
    public Response definition(@PathParam("code") String code, @PathParam("format") String format) {
        return respond(format, 200, () -> Open311Document.object("service_definition", open311.definition(code)));
    }

    @POST
    @RolesAllowed(Roles.RESIDENT)
    @Path("/requests." + FORMAT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create a service request",
            description = "By a resident with their token (an app order). account_id is the resident's id in the "
                    + "registry, by default the token's; address_id a village code, by default the resident's. For service_code 'other', give attribute[category] "
                    + "and a description. Names, phones and e-mails sent here are not stored: the registry holds them.")
    public Response create(@PathParam("format") String format,
            @Parameter(example = "culture-opera") @FormParam("service_code") String serviceCode,
            @FormParam("account_id") String accountId,
            @Parameter(example = "371322206201") @FormParam("address_id") String addressId,
            @FormParam("description") String description,
            @FormParam("attribute[urgency]") String urgency,
            @FormParam("attribute[category]") String category,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return respond(format, 201, () -> {
            UUID resident = accountId == null ? access.ownResident() : uuid(accountId, "account_id");
            new Validation()
                    .present(serviceCode, "service_code")
                    .require(urgency == null || Arrays.stream(Urgency.values()).anyMatch(u -> u.name().equals(urgency)),
                            "attribute[urgency]", "is CRITICAL, URGENT, ROUTINE or COMPLEX")
                    .orThrow();
            boolean other = Open311Service.OTHER.equals(serviceCode);
            Order order = orderService.place(new PlaceOrder(resident, other ? null : serviceCode, other ? category : null,
                    description, addressId, urgency == null ? Urgency.ROUTINE : Urgency.valueOf(urgency), Channel.APP,
                    null, null, null, null, null, null), idempotencyKey).order();
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("service_request_id", order.id.toString());
            created.put("service_notice", "Received. Dispatch sends it to a team that can serve your village; follow it at "
                    + "/open311/v2/requests/" + order.id + "." + format);
            created.put("account_id", resident.toString());
            return Open311Document.list("service_requests", "request", List.of(created));
        });
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER, Roles.OPERATOR})
    @Path("/requests." + FORMAT)
    @Operation(summary = "Service requests", description = "A resident's own, or those of a volunteer's or "
            + "operator's region. Filters: service_request_id (comma-separated, wins over the "
            + "rest), service_code, status (open, closed), start_date and end_date (ISO 8601 with zone; by default the "
            + "last 90 days). Newest first, at most 1000.")
    public Response requests(@PathParam("format") String format,
            @QueryParam("service_request_id") String ids,
            @QueryParam("service_code") String serviceCode,
            @Parameter(example = "open") @QueryParam("status") String status,
            @Parameter(example = "2026-11-01T00:00:00+08:00") @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate) {
        return respond(format, 200, () -> {
            List<UUID> wanted = new ArrayList<>();
            if (ids != null && !ids.isBlank()) {
                for (String id : ids.split(",")) {
                    wanted.add(uuid(id.strip(), "service_request_id"));
                }
            }
            List<String> statuses = status == null || status.isBlank() ? List.of()
                    : Arrays.stream(status.split(",")).map(String::strip).toList();
            new Validation().require(statuses.stream().allMatch(s -> s.equals("open") || s.equals("closed")),
                    "status", "is open, closed or both").orThrow();
            return Open311Document.list("service_requests", "request", open311.requests(access.scope(null), wanted,
                    serviceCode, statuses,
                    time(startDate, "start_date"), time(endDate, "end_date")));
        });
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER, Roles.OPERATOR, Roles.TEAM_MEMBER})
    @Path("/requests/{id}." + FORMAT)
    @AboutOrder("id")
    @Operation(summary = "One service request", description = "For whoever may follow the order (see GET /api/orders/{id}).")
    public Response request(@PathParam("id") String id, @PathParam("format") String format) {
        return respond(format, 200, () -> {
            Order order = orders.get(uuid(id, "service_request_id"));
            access.follow(order);
            return Open311Document.list("service_requests", "request", List.of(open311.request(order)));
        });
    }

    private static Response respond(String format, int status, Supplier<Open311Document> answer) {
        try {
            return write(format, status, answer.get());
        } catch (ProblemException e) {
            return refuse(format, e.problem());
        } catch (DomainException e) {
            return refuse(format, ProblemMapper.toProblem(e));
        }
    }

    /** The problem as the spec's list of errors, with the problem's status. */
    private static Response refuse(String format, Problem problem) {
        Object field = problem.extensions().get("field");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", problem.status());
        error.put("description", problem.detail() + (field == null || problem.detail().startsWith(field + ":")
                ? "" : " (" + field + ")"));
        return write(format, problem.status(), Open311Document.list("errors", "error", List.of(error)));
    }

    private static Response write(String format, int status, Open311Document document) {
        return "xml".equals(format)
                ? Response.status(status).type(MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8")).entity(document.xml()).build()
                : Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(document.body()).build();
    }

    private static UUID uuid(String value, String field) {
        try {
            new Validation().present(value, field).orThrow();
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(List.of(new Problem.FieldError(field, "is not a known id"))).exception();
        }
    }

    private static Instant time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalid(List.of(new Problem.FieldError(field, "is an ISO 8601 time with its zone, "
                    + "such as 2026-11-01T00:00:00+08:00"))).exception();
        }
    }
}
