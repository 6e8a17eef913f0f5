package io.feiyan.intake.service;

import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.intake.domain.MenuItem;
import io.feiyan.intake.domain.Project;
import io.feiyan.intake.domain.Resident;
import io.feiyan.intake.domain.Team;
import io.feiyan.platform.domain.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The month's menu (每月菜单) as a resident of one village sees it: the projects on the county centre's
 * menu that some team serving the village (its own, its town's or the county's) offers, grouped by
 * category, with those meant for the resident's household pointed out.
 */
@ApplicationScoped
@Transactional
public class MenuService {

    public record Menu(String villageCode, YearMonth month, List<Category> categories) {
    }

    public record Category(String category, List<Entry> projects) {
    }

    /**
     * A project the resident can order. {@code servedBy} is the lowest tier with a team that offers it;
     * {@code forYourHousehold} is true when the project is aimed at the resident's household situation.
     */
    public record Entry(String projectCode, String name, String note, List<String> aimedAt, Tier servedBy,
            boolean forYourHousehold) {
    }

    public Menu menu(String villageCode, YearMonth month, Resident resident) {
        RegionCode village = RegionCode.of(villageCode);
        String county = village.at(Tier.COUNTY).value();
        List<MenuItem> items = MenuItem.of(county, month);
        if (items.isEmpty()) {
            throw new NotFound("no-menu", "No menu for that month",
                    "the county centre has published no menu for " + county + " in " + month)
                    .with("month", month.toString());
        }
        Set<String> household = resident == null ? Set.of() : Set.copyOf(resident.householdTags);
        List<Team> teams = Team.list("active = true and regionCode in ?1", List.of(village.value(),
                village.at(Tier.TOWN).value(), county));
        Map<String, List<Entry>> byCategory = new LinkedHashMap<>();
        for (MenuItem item : items) {
            Project project = Project.findById(item.projectCode);
            if (project == null || !project.active) {
                continue;
            }
            servedBy(teams, project.code).ifPresent(tier -> byCategory
                    .computeIfAbsent(project.category, category -> new ArrayList<>())
                    .add(new Entry(project.code, project.name, item.note, project.aimedAt, tier,
                            project.aimedAt.stream().anyMatch(household::contains))));
        }
        List<Category> categories = byCategory.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new Category(entry.getKey(), entry.getValue()))
                .toList();
        return new Menu(villageCode, month, categories);
    }

    private static Optional<Tier> servedBy(List<Team> teams, String projectCode) {
        return teams.stream()
                .filter(team -> team.projectCodes.contains(projectCode))
                .map(team -> team.tier)
                .min(Comparator.naturalOrder());
    }
}
