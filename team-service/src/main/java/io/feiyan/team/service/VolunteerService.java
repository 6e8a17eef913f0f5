package io.feiyan.team.service;

import io.feiyan.events.Tier;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.Unprocessable;
import io.feiyan.platform.validation.Phone;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.platform.validation.RegionCode;
import io.feiyan.team.domain.ServiceHours;
import io.feiyan.team.domain.StarLevel;
import io.feiyan.team.domain.Team;
import io.feiyan.team.domain.Volunteer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Volunteers, their village's duty rotation, and the hours they served. */
@ApplicationScoped
@Transactional
public class VolunteerService {
    private final EntityManager entityManager;

    VolunteerService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record RegisterVolunteer(
            @NotBlank(message = Reasons.REQUIRED) @Size(max = 100, message = Reasons.LONGER) String name,
            @NotNull(message = Phone.REASON) @Phone String phone,
            @NotBlank(message = Reasons.REQUIRED) @RegionCode(tier = Tier.VILLAGE) String villageCode,
            List<@NotNull(message = SKILL) @Size(max = 40, message = SKILL) String> skills,
            List<String> teamCodes, LocalDate joinedOn) {
        private static final String SKILL = "each is a word or two";
    }

    /** A volunteer's hours: in all, by month, and the star level they earn. */
    public record Hours(UUID volunteerId, BigDecimal total, int stars, BigDecimal toNextStar, List<Month> byMonth) {
    }

    public record Month(String month, BigDecimal hours) {
    }

    /**
     * A team's hours in a month — the sum of its completions' hours — each of its volunteers', and those of completions
     * that named no one ({@code unattributed}).
     */
    public record TeamHours(String teamCode, String month, BigDecimal total, List<VolunteerTotal> byVolunteer,
            BigDecimal unattributed) {
    }

    public record VolunteerTotal(UUID volunteerId, String name, BigDecimal hours) {
    }

    /** A request its resource has validated. */
    public Volunteer register(RegisterVolunteer request) {
        List<String> teams = request.teamCodes() == null ? List.of() : request.teamCodes();
        List<String> unknown = teams.stream().filter(code -> Team.findById(code) == null).toList();
        if (!unknown.isEmpty()) {
            throw new Unprocessable("unknown-team", "No such team", "no team " + String.join(", ", unknown))
                    .with("field", "teamCodes");
        }
        Volunteer volunteer = new Volunteer();
        volunteer.id = UUID.randomUUID();
        volunteer.name = request.name().strip();
        volunteer.phone = request.phone();
        volunteer.villageCode = request.villageCode();
        volunteer.skills = request.skills() == null ? new ArrayList<>() : new ArrayList<>(request.skills());
        volunteer.teamCodes = new ArrayList<>(teams);
        volunteer.joinedOn = request.joinedOn() == null ? LocalDate.now() : request.joinedOn();
        volunteer.persist();
        return volunteer;
    }

    public Volunteer get(UUID id) {
        Volunteer volunteer = Volunteer.findById(id);
        if (volunteer == null) {
            throw new NotFound("volunteer", id);
        }
        return volunteer;
    }

    public List<Volunteer> list(String villageCode, String teamCode) {
        if (teamCode != null) {
            return Volunteer.list("array_contains(teamCodes, ?1) order by name", teamCode);
        }
        return villageCode == null ? Volunteer.listAll(Sort.by("villageCode").and("name"))
                : Volunteer.list("villageCode = ?1 order by joinedOn, id", villageCode);
    }

    /** The volunteers of the villages in a region (a village, town or county code). */
    public List<Volunteer> listIn(String regionCode) {
        return Volunteer.list("villageCode like ?1 order by villageCode, name", regionCode + "%");
    }

    public Volunteer onDuty(String villageCode, LocalDate day) {
        Volunteer volunteer = Volunteer.onDuty(villageCode, day);
        if (volunteer == null) {
            throw new NotFound("volunteer on duty in village", villageCode);
        }
        return volunteer;
    }

    public Hours hours(UUID volunteerId) {
        get(volunteerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select to_char(served_on, 'YYYY-MM'), sum(hours) from service_hours where volunteer_id = ?1
                group by 1 order by 1""").setParameter(1, volunteerId).getResultList();
        List<Month> months = rows.stream().map(row -> new Month((String) row[0], (BigDecimal) row[1])).toList();
        BigDecimal total = months.stream().map(Month::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Hours(volunteerId, total, StarLevel.of(total), StarLevel.toNext(total), months);
    }

    public TeamHours teamHours(String teamCode, YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select v.id, v.name, sum(h.hours) from service_hours h join volunteer v on v.id = h.volunteer_id
                where h.team_code = ?1 and h.served_on >= ?2 and h.served_on < ?3
                group by v.id, v.name order by 3 desc, 2""")
                .setParameter(1, teamCode)
                .setParameter(2, month.atDay(1))
                .setParameter(3, month.plusMonths(1).atDay(1))
                .getResultList();
        List<VolunteerTotal> byVolunteer = rows.stream()
                .map(row -> new VolunteerTotal((UUID) row[0], (String) row[1], (BigDecimal) row[2])).toList();
        BigDecimal unattributed = (BigDecimal) entityManager.createNativeQuery("""
                select coalesce(sum(hours), 0) from unattributed_hours
                where team_code = ?1 and served_on >= ?2 and served_on < ?3""")
                .setParameter(1, teamCode)
                .setParameter(2, month.atDay(1))
                .setParameter(3, month.plusMonths(1).atDay(1))
                .getSingleResult();
        return new TeamHours(teamCode, month.toString(), byVolunteer.stream().map(VolunteerTotal::hours)
                .reduce(unattributed, BigDecimal::add), byVolunteer, unattributed);
    }

    /** Every service the volunteer gave, oldest first: the lines of their service record. */
    public List<ServiceHours> services(UUID volunteerId) {
        return ServiceHours.list("volunteerId = ?1 order by servedOn, orderId", volunteerId);
    }
}
