package io.feiyan.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.HouseholdTag;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.launcher.demo.CountyPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The county a month is simulated in: the county plan's towns, villages, residents and teams (with the demo county's
 * own, from team-service's demo file), the catalogue's projects, and how long dispatch gives a team to accept (from
 * dispatch-service's settings): the same county {@code deploy/county.sh} loads into a running Feiyan.
 */
public final class County {
    /** A team as the simulation knows it: what it offers, where, and how many orders it can hold at once. */
    public record Team(String code, String name, Tier tier, String regionCode, Set<String> projects, int capacity) {
    }

    /**
     * A project of the catalogue: its category, whom it is meant for, the tier that usually serves it, how many residents
     * one visit serves and where they live (their village or their town).
     */
    public record Project(String code, String category, List<HouseholdTag> aimedAt, Tier servedAt, int perVisit,
            Tier gathersAt) {
        public boolean groupable() {
            return perVisit > 1;
        }
    }

    /** A resident, by village and household situation: the demand comes from them. */
    public record Resident(int id, String villageCode, List<HouseholdTag> situation) {
    }

    private final Map<String, Team> teams;
    private final Map<String, Project> projects;
    private final List<Resident> residents;
    private final Map<Urgency, Duration> acceptWithin;
    private final Dispatching dispatching;

    private County(Map<String, Team> teams, Map<String, Project> projects, List<Resident> residents,
            Map<Urgency, Duration> acceptWithin, Dispatching dispatching) {
        this.teams = teams;
        this.projects = projects;
        this.residents = residents;
        this.acceptWithin = acceptWithin;
        this.dispatching = dispatching;
    }

    /** The county of the plan with this seed and size, its demo teams and settings read from the project's files. */
    public static County of(Path projectRoot, long seed, int villages, int residentsPerVillage) {
        return of(projectRoot, CountyPlan.of(seed, villages, residentsPerVillage));
    }

    /** The county of this plan, its demo teams and settings read from the project's files. */
    public static County of(Path projectRoot, CountyPlan plan) {
        JsonNode demo = read(projectRoot.resolve("team-service/src/main/resources/demo/tancheng-county.json"));
        Map<String, Project> projects = new LinkedHashMap<>();
        for (JsonNode p : demo.path("projects")) {
            projects.put(p.path("code").asText(), new Project(p.path("code").asText(), p.path("category").asText(),
                    tags(p.path("aimedAt")), null, p.path("perVisit").asInt(1),
                    Tier.valueOf(p.path("gathersAt").asText(Tier.VILLAGE.name()))));
        }
        for (CountyPlan.Project p : plan.newProjects()) {
            projects.put(p.code(), new Project(p.code(), p.category(), p.aimedAt(), p.servedAt(), p.perVisit(),
                    p.gathersAt()));
        }
        Map<String, Team> teams = new LinkedHashMap<>();
        for (JsonNode t : demo.path("teams")) {
            List<String> offers = new ArrayList<>();
            t.path("projectCodes").forEach(code -> offers.add(code.asText()));
            teams.put(t.path("code").asText(), new Team(t.path("code").asText(), t.path("name").asText(),
                    Tier.valueOf(t.path("tier").asText()), t.path("regionCode").asText(), Set.copyOf(offers),
                    t.path("capacity").asInt()));
        }
        for (CountyPlan.Team t : plan.newTeams()) {
            teams.put(t.code(), new Team(t.code(), t.name(), t.tier(), t.regionCode(), Set.copyOf(t.projectCodes()),
                    t.capacity()));
        }
        // the demo projects' usual tier: that of the lowest kind of team that offers them
        projects.replaceAll((code, p) -> p.servedAt() != null ? p : new Project(p.code(), p.category(), p.aimedAt(),
                teams.values().stream().filter(team -> team.projects().contains(code)).map(Team::tier).sorted()
                        .findFirst().orElse(Tier.COUNTY), p.perVisit(), p.gathersAt()));
        List<Resident> residents = new ArrayList<>();
        for (CountyPlan.Resident r : plan.residents()) {
            residents.add(new Resident(residents.size(), r.villageCode(), r.householdTags()));
        }
        Properties dispatch = settings(projectRoot.resolve("dispatch-service/src/main/resources/application.properties"));
        return new County(teams, projects, List.copyOf(residents), acceptWithin(dispatch), dispatching(dispatch));
    }

    /** The same county, with a team taken away (it is off for the month). */
    public County without(String teamCode) {
        requireTeam(teamCode);
        Map<String, Team> fewer = new LinkedHashMap<>(teams);
        fewer.remove(teamCode);
        return new County(fewer, projects, residents, acceptWithin, dispatching);
    }

    /** The same county, with a team able to hold this many orders at once. */
    public County withCapacity(String teamCode, int capacity) {
        Team team = requireTeam(teamCode);
        if (capacity < 0) {
            throw new IllegalArgumentException("a capacity is 0 or more: " + capacity);
        }
        Map<String, Team> changed = new LinkedHashMap<>(teams);
        changed.put(teamCode, new Team(team.code(), team.name(), team.tier(), team.regionCode(), team.projects(),
                capacity));
        return new County(changed, projects, residents, acceptWithin, dispatching);
    }

    /** The same county, dispatch set otherwise. */
    public County dispatching(Dispatching otherwise) {
        return new County(teams, projects, residents, acceptWithin, otherwise);
    }

    /** How dispatch is set: offers to several, activities. */
    public Dispatching dispatching() {
        return dispatching;
    }

    private Team requireTeam(String code) {
        Team team = teams.get(code);
        if (team == null) {
            throw new IllegalArgumentException("the county has no team " + code);
        }
        return team;
    }

    public Map<String, Team> teams() {
        return teams;
    }

    public Map<String, Project> projects() {
        return projects;
    }

    public List<Resident> residents() {
        return residents;
    }

    /** How long a team has to accept an order of this urgency before it passes up a tier. */
    public Duration acceptWithin(Urgency urgency) {
        return acceptWithin.get(urgency);
    }

    /**
     * What a resident of the village can order (the month's menu for her village): the projects some team serving
     * the village, its town or the county offers.
     */
    public List<Project> menuOf(String villageCode) {
        RegionCode village = RegionCode.of(villageCode);
        Set<String> regions = Set.of(village.value(), village.at(Tier.TOWN).value(), village.at(Tier.COUNTY).value());
        Set<String> offered = teams.values().stream().filter(team -> regions.contains(team.regionCode()))
                .flatMap(team -> team.projects().stream()).collect(Collectors.toSet());
        return projects.values().stream().filter(project -> offered.contains(project.code())).toList();
    }

    /** The town a village lies in. */
    public static String townOf(String villageCode) {
        return RegionCode.of(villageCode).at(Tier.TOWN).value();
    }

    private static Properties settings(Path dispatchSettings) {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(dispatchSettings)) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dispatch's settings " + dispatchSettings, e);
        }
        return settings;
    }

    private static Map<Urgency, Duration> acceptWithin(Properties settings) {
        Map<Urgency, Duration> within = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            within.put(urgency, Duration.parse("PT" + setting(settings, "accept-within."
                    + urgency.name().toLowerCase(Locale.ROOT)).toUpperCase(Locale.ROOT)));
        }
        return within;
    }

    /** Dispatch's offers to several teams, as its settings say; similar needs grouped into activities. */
    private static Dispatching dispatching(Properties settings) {
        Set<Urgency> several = Arrays.stream(setting(settings, "offer-to-several.urgencies").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).map(Urgency::valueOf).collect(Collectors.toSet());
        return new Dispatching(several, Integer.parseInt(setting(settings, "offer-to-several.teams")), true);
    }

    private static String setting(Properties settings, String name) {
        String value = settings.getProperty("feiyan.dispatch." + name);
        if (value == null) {
            throw new IllegalStateException("dispatch's settings have no feiyan.dispatch." + name);
        }
        return value.trim();
    }

    private static List<HouseholdTag> tags(JsonNode array) {
        List<HouseholdTag> tags = new ArrayList<>();
        array.forEach(tag -> tags.add(HouseholdTag.valueOf(tag.asText())));
        return List.copyOf(tags);
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
