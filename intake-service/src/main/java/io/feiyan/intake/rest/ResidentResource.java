package io.feiyan.intake.rest;

import io.feiyan.events.RegionCode;
import io.feiyan.platform.PersonalData;
import io.feiyan.intake.domain.Resident;
import io.feiyan.intake.service.PersonalDataAccess;
import io.feiyan.intake.service.ResidentService;
import io.feiyan.intake.service.ResidentService.RegisterResident;
import io.feiyan.platform.rest.Page;
import io.feiyan.platform.rest.Validation;
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
    private final PersonalDataAccess access;

    ResidentResource(ResidentService residents, PersonalDataAccess access) {
        this.residents = residents;
        this.access = access;
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
    @Operation(summary = "Register a resident",
            description = "Usually done by the village 飞燕 volunteer or a station operator. The ID number must "
                    + "carry a correct check character; one resident per ID number (409 duplicate-resident).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Grandma Wu", value = """
            {"name": "吴秀英", "phone": "13805391234", "idNumber": "371322194503150025",
             "villageCode": "371322206201", "householdTags": ["EMPTY_NEST_ELDERLY"],
             "guardian": {"name": "吴建国", "phone": "13905395678", "relation": "son, works in Shanghai"}}""")))
    public Response register(RegisterResident request, @Context UriInfo uri) {
        Resident resident = residents.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(resident.id.toString()).build())
                .entity(ResidentView.of(resident, true))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One resident", description = "Full phone and ID numbers only to callers allowed to see "
            + "them; masked otherwise.")
    public ResidentView get(@PathParam("id") UUID id) {
        Resident resident = residents.get(id);
        return ResidentView.of(resident, access.mayReveal(resident));
    }

    @GET
    @Operation(summary = "Find residents",
            description = "By village and/or text (part of the name, or the last digits of the phone), by name, "
                    + "paged. Phone and ID numbers are always masked.")
    public Page<ResidentView> search(@QueryParam("village") String village, @QueryParam("q") String text,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        new Validation().require(village == null || RegionCode.isValid(village), "village",
                "is a 12-digit village code").orThrow();
        return residents.search(village, text, Page.request(page, size)).map(r -> ResidentView.of(r, false));
    }
}
