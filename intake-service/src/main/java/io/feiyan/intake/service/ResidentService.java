package io.feiyan.intake.service;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.Tier;
import io.feiyan.intake.domain.Resident;
import io.feiyan.platform.domain.Conflict;
import io.feiyan.platform.domain.DomainException;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.rest.Page;
import io.feiyan.platform.validation.Phone;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.platform.validation.RegionCode;
import io.feiyan.platform.validation.ResidentIdNumber;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The resident registry: who the services are for. Personal data lives here and nowhere else. */
@ApplicationScoped
@Transactional
public class ResidentService {
    private final ResidentAccess access;

    ResidentService(ResidentAccess access) {
        this.access = access;
    }

    /** What a volunteer or operator records of a resident. */
    public record RegisterResident(
            @NotBlank(message = Reasons.REQUIRED) @Size(max = 100, message = Reasons.LONGER) String name,
            @NotNull(message = Phone.REASON) @Phone String phone,
            @NotNull(message = ResidentIdNumber.REASON) @ResidentIdNumber String idNumber,
            @NotBlank(message = Reasons.REQUIRED) @RegionCode(tier = Tier.VILLAGE) String villageCode,
            List<HouseholdTag> householdTags, @Valid Guardian guardian) {
    }

    /** Someone to call for the resident. */
    public record Guardian(
            @NotBlank(message = "is required when a guardian is given") @Size(max = 100, message = Reasons.LONGER)
            String name,
            @NotNull(message = Phone.REASON) @Phone String phone,
            @Size(max = 40, message = Reasons.LONGER) String relation) {
    }

    /** A request its resource has validated. */
    public Resident register(RegisterResident request) {
        access.actIn(request.villageCode());
        Resident existing = Resident.find("idNumber", request.idNumber()).firstResult();
        if (existing != null) {
            DomainException duplicate = new Conflict("duplicate-resident", "The resident is already registered",
                    "a resident with this ID number is registered already").with("field", "idNumber");
            // which one, only to those who act for them
            throw access.actsIn(existing.villageCode) ? duplicate.with("residentId", existing.id) : duplicate;
        }
        Resident resident = new Resident();
        resident.id = UUID.randomUUID();
        resident.name = request.name().strip();
        resident.phone = request.phone();
        resident.idNumber = request.idNumber();
        resident.villageCode = request.villageCode();
        resident.householdTags = request.householdTags() == null ? new ArrayList<>()
                : new ArrayList<>(request.householdTags().stream().distinct().map(Enum::name).toList());
        if (request.guardian() != null) {
            resident.guardianName = request.guardian().name();
            resident.guardianPhone = request.guardian().phone();
            resident.guardianRelation = request.guardian().relation();
        }
        resident.createdAt = Instant.now();
        resident.persist();
        return resident;
    }

    public Resident get(UUID id) {
        Resident resident = Resident.findById(id);
        if (resident == null) {
            throw new NotFound("resident", id);
        }
        return resident;
    }

    /** Residents in the scope whose name contains {@code text} or whose phone ends with it (or all); by name. */
    public Page<Resident> search(ResidentAccess.Scope scope, String text, Page.Request page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        scope.narrow(where, parameters, "id");
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(name) like :name or phone like :phoneEnd)");
            parameters.and("name", "%" + text.strip().toLowerCase(Locale.ROOT) + "%")
                    .and("phoneEnd", "%" + text.strip());
        }
        PanacheQuery<Resident> query = Resident.find(where.toString(), Sort.by("name").and("id"), parameters)
                .page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count());
    }
}
