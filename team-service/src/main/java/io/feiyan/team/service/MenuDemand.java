package io.feiyan.team.service;

import io.feiyan.events.OrderPlaced;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What residents ordered, counted by month and town from every placed order: what the county centre drafts the
 * month's menu from. Counts only, no resident and no need's words.
 */
@ApplicationScoped
@Transactional
public class MenuDemand {
    private final EntityManager entityManager;
    private final ZoneId zone;

    MenuDemand(EntityManager entityManager, @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        this.entityManager = entityManager;
        this.zone = zone;
    }

    /**
     * What was ordered in a town in a month, for the centre drafting a menu: a project, or (with a null
     * project) needs in residents' own words of a category.
     */
    public record Demand(String townCode, String projectCode, String category, long orders) {
    }

    /** A project ordered in a month in the county: how often, and in how many towns. */
    public record ProjectOrdered(String projectCode, long orders, long towns) {
    }

    /** Counts an order in the demand of its month and town, keeping its village: where an activity of it gathers. */
    public void count(OrderPlaced placed) {
        entityManager.createNativeQuery("""
                insert into demand (order_id, month, town_code, project_code, category, village_code)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, placed.orderId())
                .setParameter(2, YearMonth.from(placed.placedAt().atZone(zone)).toString())
                .setParameter(3, RegionCode.of(placed.villageCode()).at(Tier.TOWN).value())
                .setParameter(4, placed.projectCode())
                .setParameter(5, placed.category())
                .setParameter(6, placed.villageCode())
                .executeUpdate();
    }

    /** The month's orders in the county, by town, project and category, most ordered first. */
    public List<Demand> of(String countyCode, YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select town_code, project_code, category, count(*) from demand
                where month = ?1 and town_code like ?2
                group by town_code, project_code, category order by 4 desc, 1, 3""")
                .setParameter(1, month.toString())
                .setParameter(2, countyCode + "%")
                .getResultList();
        return rows.stream().map(row -> new Demand((String) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).longValue())).toList();
    }

    /** The projects ordered in the county in the month, most ordered first. */
    public List<ProjectOrdered> projects(String countyCode, YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select project_code, count(*), count(distinct town_code) from demand
                where month = ?1 and town_code like ?2 and project_code is not null
                group by project_code order by 2 desc, 1""")
                .setParameter(1, month.toString())
                .setParameter(2, countyCode + "%")
                .getResultList();
        return rows.stream().map(row -> new ProjectOrdered((String) row[0], ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue())).toList();
    }
}
