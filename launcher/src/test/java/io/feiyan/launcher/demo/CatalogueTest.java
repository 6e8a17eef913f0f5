package io.feiyan.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalogue as the county keeps it (the launcher's resources, {@code county/*.csv}): what a maintainer's edit
 * must leave true for the county plan to be built from it.
 */
class CatalogueTest {
    private static final Catalogue CATALOGUE = Catalogue.read();

    @Test
    void theTablesHoldTheReportsCategoriesProjectsCountyTeamsAndTowns() {
        assertEquals(6, CATALOGUE.categories().size());
        assertEquals(72, CATALOGUE.projects().size() + CountyPlan.DEMO_PROJECTS.size());
        assertEquals(17, CATALOGUE.countyTeams().size() + CountyPlan.DEMO_TEAMS.values().stream()
                .filter(CountyPlan.COUNTY::equals).count());
        assertEquals(13, CATALOGUE.towns().size());
        assertEquals(660, CATALOGUE.villagesAtFullScale());
    }

    @Test
    void eachCategoryHasTwelveProjectsWithTheDemoCountys() {
        Map<String, Long> perCategory = CATALOGUE.projects().stream()
                .collect(Collectors.groupingBy(CountyPlan.Project::category, Collectors.counting()));
        CountyPlan.DEMO_PROJECTS.values().forEach(category -> perCategory.merge(category, 1L, Long::sum));
        for (CountyPlan.Category category : CATALOGUE.categories()) {
            assertEquals(12, perCategory.get(category.code()), category.code());
        }
    }

    @Test
    void codesAreUniqueAndNoneIsTheDemoCountys() {
        assertUnique(CATALOGUE.categories(), CountyPlan.Category::code, Set.of());
        assertUnique(CATALOGUE.projects(), CountyPlan.Project::code, CountyPlan.DEMO_PROJECTS.keySet());
        assertUnique(CATALOGUE.countyTeams(), CountyPlan.Team::code, CountyPlan.DEMO_TEAMS.keySet());
        assertUnique(CATALOGUE.towns(), Catalogue.Town::code, Set.of());
    }

    @Test
    void countyTeamsOfferProjectsOfTheCatalogueButNoneOfTheDemoCountys() {
        Set<String> projects = CATALOGUE.projects().stream().map(CountyPlan.Project::code).collect(Collectors.toSet());
        for (CountyPlan.Team team : CATALOGUE.countyTeams()) {
            assertTrue(projects.containsAll(team.projectCodes()), team.code() + " offers " + team.projectCodes());
            assertTrue(team.capacity() > 0, team.code());
        }
    }

    private static <T> void assertUnique(List<T> rows, Function<T, String> code, Set<String> taken) {
        Set<String> seen = new HashSet<>(taken);
        for (T row : rows) {
            assertTrue(seen.add(code.apply(row)), code.apply(row) + " appears twice");
        }
    }
}
