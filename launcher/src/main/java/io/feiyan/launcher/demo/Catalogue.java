package io.feiyan.launcher.demo;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.feiyan.events.HouseholdTag;
import io.feiyan.events.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The county's catalogue as its maintainers keep it: four tables in the launcher's resources, {@code county/}, one
 * row a line, with a header, as a spreadsheet saves them (CSV, UTF-8; a cell with a comma in quotes; a list in a
 * cell separated by spaces):
 * <ul>
 * <li>{@code categories.csv} — code, name;</li>
 * <li>{@code projects.csv} — code, name, category, servedAt (the tier that normally serves it), aimedAt (household
 * situations), perVisit (how many residents one visit can serve: a show on the square many, a home repair 1),
 * gathersAt (VILLAGE or TOWN: where the residents one visit serves live; empty when perVisit is 1);</li>
 * <li>{@code county-teams.csv} — code, name, capacity (orders open at once), projectCodes;</li>
 * <li>{@code towns.csv} — code, name, pinyin, kind (town, subdistrict or township), villages (at full scale).</li>
 * </ul>
 * The rows' order is the plan's: the same seed draws from them in that order. The demo county's projects and teams
 * (team-service's {@code demo/tancheng-county.json}) are not in it.
 */
record Catalogue(List<CountyPlan.Category> categories, List<CountyPlan.Project> projects,
        List<CountyPlan.Team> countyTeams, List<Town> towns) {
    private static final String FOLDER = "county/";

    /** A town, subdistrict or township as the catalogue has it: how many villages it has at full scale. */
    record Town(String code, String name, String pinyin, String kind, int villages) {
    }

    /** The catalogue in the launcher's resources; a row it cannot read says where it is and why. */
    static Catalogue read() {
        List<CountyPlan.Category> categories = rows("categories.csv",
                row -> new CountyPlan.Category(row.text("code"), row.text("name")));
        Set<String> categoryCodes = new HashSet<>(categories.stream().map(CountyPlan.Category::code).toList());
        List<CountyPlan.Project> projects = rows("projects.csv", row -> new CountyPlan.Project(row.text("code"),
                row.text("name"), row.oneOf("category", categoryCodes), row.list("aimedAt", HouseholdTag::valueOf),
                row.value("servedAt", Tier::valueOf), row.value("perVisit", Catalogue::perVisit),
                row.value("perVisit", Catalogue::perVisit) == 1 ? Tier.VILLAGE : row.value("gathersAt", Catalogue::gathersAt)));
        List<CountyPlan.Team> countyTeams = rows("county-teams.csv", row -> new CountyPlan.Team(row.text("code"),
                row.text("name"), Tier.COUNTY, CountyPlan.COUNTY, row.list("projectCodes", code -> code),
                row.value("capacity", Integer::parseInt)));
        List<Town> towns = rows("towns.csv", row -> new Town(row.text("code"), row.text("name"), row.text("pinyin"),
                row.text("kind"), row.value("villages", Integer::parseInt)));
        return new Catalogue(categories, projects, countyTeams, towns);
    }

    private static int perVisit(String cell) {
        int residents = Integer.parseInt(cell);
        if (residents < 1) {
            throw new IllegalArgumentException("a visit serves at least one resident");
        }
        return residents;
    }

    /** Where the residents of one visit live: a village, or a town — never the whole county. */
    private static Tier gathersAt(String cell) {
        Tier tier = Tier.valueOf(cell);
        if (tier == Tier.COUNTY) {
            throw new IllegalArgumentException("a visit gathers a village or a town");
        }
        return tier;
    }

    /** Villages in the county at full scale: the towns' together. */
    int villagesAtFullScale() {
        return towns.stream().mapToInt(Town::villages).sum();
    }

    private static <T> List<T> rows(String file, Function<Row, T> reading) {
        CsvMapper csv = new CsvMapper();
        List<T> read = new ArrayList<>();
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the county's catalogue has no " + FOLDER + file);
            }
            // a spreadsheet may save UTF-8 with a byte order mark
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            MappingIterator<Map<String, String>> lines = csv.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(text);
            while (lines.hasNext()) {
                Row row = new Row(file, read.size() + 2, lines.next());
                read.add(reading.apply(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + file, e);
        }
        return List.copyOf(read);
    }

    /** A row of a table, its cells by column; {@code line} counts the header as the first. */
    private record Row(String file, int line, Map<String, String> cells) {
        String text(String column) {
            String cell = cells.get(column);
            if (cell == null || cell.isBlank()) {
                throw wrong(column, "is empty");
            }
            return cell.trim();
        }

        String oneOf(String column, Set<String> codes) {
            String code = text(column);
            if (!codes.contains(code)) {
                throw wrong(column, "is " + code + ", none of " + codes);
            }
            return code;
        }

        <T> T value(String column, Function<String, T> parse) {
            String cell = text(column);
            try {
                return parse.apply(cell);
            } catch (IllegalArgumentException e) {
                throw wrong(column, "cannot be " + cell);
            }
        }

        <T> List<T> list(String column, Function<String, T> parse) {
            String cell = cells.getOrDefault(column, "").trim();
            try {
                return cell.isEmpty() ? List.of() : Arrays.stream(cell.split("\\s+")).map(parse).toList();
            } catch (IllegalArgumentException e) {
                throw wrong(column, "cannot be " + cell);
            }
        }

        private IllegalStateException wrong(String column, String why) {
            return new IllegalStateException(FOLDER + file + " line " + line + ": " + column + " " + why);
        }
    }
}
