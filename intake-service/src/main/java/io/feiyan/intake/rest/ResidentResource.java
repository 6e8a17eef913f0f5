package io.feiyan.intake.rest;

import io.feiyan.platform.PersonalData;
import io.feiyan.intake.domain.Resident;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.PersonalDataRead;
import io.feiyan.intake.service.Orders;
import io.feiyan.intake.service.ResidentAccess;
import io.feiyan.intake.service.ResidentService;
import io.feiyan.intake.service.ResidentService.RegisterResident;
import io.feiyan.platform.limits.Limited;
import io.feiyan.platform.rest.Page;
import io.feiyan.platform.security.Roles;
import io.feiyan.platform.validation.PageNumber;
import io.feiyan.platform.validation.PageSize;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.platform.validation.RegionCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The resident registry: the only place where residents' names, phones and ID numbers are kept. */
@Path("/api/residents")
public class ResidentResource {
    private final ResidentService residents;
    private final ResidentAccess access;
    private final Orders orders;

    ResidentResource(ResidentService residents, ResidentAccess access, Orders orders) {
        this.residents = residents;
        this.access = access;
        this.orders = orders;
    }

    /** A resident as shown: phone and ID numbers masked unless the caller may see them ({@code masked}). */
    public record ResidentView(UUID residentId, String name, String phone, String idNumber, String villageCode,
            List<String> householdTags, GuardianView guardian, boolean masked, Instant registeredAt) {

        static ResidentView of(Resident r, boolean reveal) {
            GuardianView guardian = r.guardianName == null ? null : new GuardianView(r.guardianName,
                    reveal ? r.guardianPhone : PersonalData.maskPhone(r.guardianPhone), r.guardianRelation);
            return new ResidentView(r.id, r.name, reveal ? r.phone : PersonalData.maskPhone(r.phone),
                    reveal ? r.idNumber : PersonalData.maskIdNumber(r.idNumber), r.villageCode, r.householdTags,
                    guardian, !reveal, r.createdAt);
        }
    }

    public record GuardianView(String name, String phone, String relation) {
    }

    @POST
    @Limited("residents")
    @RolesAllowed({Roles.VOLUNTEER, Roles.OPERATOR})
    @Operation(summary = "Register a resident",
            description = "By a 飞燕 volunteer of the resident's village or an operator whose region holds it. The "
                    + "ID number must carry a correct check character; one resident per ID number (409 "
                    + "duplicate-resident).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Grandma Wu", value = """
            {"name": "吴秀英", "phone": "13805391234", "idNumber": "371322194503150025",
             "villageCode": "371322206201", "householdTags": ["EMPTY_NEST_ELDERLY"],
             "guardian": {"name": "吴建国", "phone": "13905395678", "relation": "son, works in Shanghai"}}""")))
    public Response register(@Valid @NotNull(message = Reasons.REQUIRED) RegisterResident request,
            @Context UriInfo uri) {
        Resident resident = residents.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(resident.id.toString()).build())
                .entity(ResidentView.of(resident, true))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.VOLUNTEER, Roles.OPERATOR})
    @Operation(summary = "One resident", description = "For the resident, the volunteers of their village and the "
            + "operators whose region holds it. Full phone and ID numbers go to the resident and the village's "
            + "volunteers, and each such read is written to the audit log; operators see them masked.")
    public ResidentView get(@PathParam("id") UUID id) {
        Resident resident = residents.get(id);
        access.actFor(resident);
        return ResidentView.of(resident, access.reveal(resident));
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.OPERATOR})
    @Operation(summary = "Find residents",
            description = "In the caller's region, or the village or town of it given, and/or by text (part of the "
                    + "name, or the last digits of the phone), by name, paged. Phone and ID numbers are always masked.")
    public Page<ResidentView> search(@RegionCode @QueryParam("village") String village, @QueryParam("q") String text,
            @PageNumber @QueryParam("page") Integer page,
            @PageSize @QueryParam("size") Integer size) {
        return residents.search(access.scope(village), text, Page.request(page, size))
                .map(r -> ResidentView.of(r, false));
    }

    /** The number to text a resident at; none when intake holds none. */
    public record PhoneForNotification(String phone) {
    }

    @GET
    @Path("/{id}/phone-for-notification")
    @RolesAllowed(Roles.NOTIFIER)
    @Operation(summary = "The phone to text a resident at, now",
            description = "For the notification service alone (role notifier), at the moment it texts the resident "
                    + "of one of their orders; it keeps the number nowhere. Each read is written to the audit log "
                    + "with the order and what the text tells (kind, e.g. ORDER_ACCEPTED).")
    public PhoneForNotification phoneForNotification(@PathParam("id") UUID id,
            @NotNull(message = Reasons.REQUIRED) @QueryParam("order") UUID orderId,
            @NotNull(message = Reasons.REQUIRED)
            @Pattern(regexp = "[A-Z][A-Z_]{0,31}", message = "is what the text tells, e.g. ORDER_ACCEPTED")
            @QueryParam("kind") String kind) {
        Resident resident = residents.get(id);
        Order order = orders.get(orderId);
        access.textOf(resident, order, kind);
        return new PhoneForNotification(resident.phone);
    }

    /** One showing of the resident's full personal data. */
    public record PersonalDataReadView(Instant readAt, String reader, String readerRoles, UUID orderId, String why) {
        static PersonalDataReadView of(PersonalDataRead read) {
            return new PersonalDataReadView(read.readAt, read.reader, read.readerRoles, read.orderId, read.why);
        }
    }

    @GET
    @Path("/{id}/personal-data-reads")
    @RolesAllowed({Roles.RESIDENT, Roles.ADMIN})
    @Operation(summary = "Who saw the resident's personal data",
            description = "The audit log: every showing of the resident's full phone and ID numbers or contact "
                    + "details — who, when, and on what grounds — newest first. For the resident and admins.")
    public List<PersonalDataReadView> personalDataReads(@PathParam("id") UUID id) {
        return access.readsOf(id).stream().map(PersonalDataReadView::of).toList();
    }
}
