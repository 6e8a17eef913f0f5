package io.feiyan.launcher.demo;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A demo county at the scale of the source report — 13 towns, about 660 villages with ten 飞燕 volunteers each,
 * 17 county teams across 6 categories and 72 projects, an institute team per town, a 飞燕 team per village,
 * residents in need with their household situations, and a month's menu — as data, the same for the same seed
 * and size. {@link CountyGenerator} loads it through the services' APIs. Its categories, projects, county teams and
 * towns are the catalogue the county keeps ({@link Catalogue}); its villages, teams of the towns and villages, people
 * and menu are drawn from the seed ({@link Villagers} and {@link Names} make up the people).
 *
 * <p>It grows the demo county that team-service loads at start ({@code demo/tancheng-county.json}): that
 * county's six projects, its teams and its towns and villages (Gaofengtou 371322107 with Caocun and Lizhuang,
 * Quanyuan 371322206 with Changbuling) are part of this one and are left as they are. So that orders from
 * the demo villages go where they always went, no generated team offers one of the demo projects at county
 * tier, and the demo towns and villages get no second team: only the art light cavalry offers Peking opera
 * in the county, and Changbuling's opera still climbs to it.
 */
public final class CountyPlan {
    public static final String COUNTY = "371322";
    /** Villages in the county at full scale (660): the report's 6,600 volunteers, ten a village. */
    public static final int FULL_VILLAGES;
    public static final int VOLUNTEERS_PER_VILLAGE = 10;
    public static final int DEFAULT_RESIDENTS_PER_VILLAGE = 15;

    public record Category(String code, String name) {
    }

    /**
     * A catalogue project; {@code servedAt} is the tier that normally serves it, {@code perVisit} how many residents one
     * visit can serve (1: each alone), {@code gathersAt} where the residents of one visit live (their village, or
     * their town).
     */
    public record Project(String code, String name, String category, List<HouseholdTag> aimedAt, Tier servedAt,
            int perVisit, Tier gathersAt) {
    }

    public record Team(String code, String name, Tier tier, String regionCode, List<String> projectCodes,
            int capacity) {
    }

    /** A town (镇), subdistrict (街道) or township (乡), its institute's team and its villages. */
    public record Town(String code, String name, String pinyin, String instituteTeam, List<Village> villages) {
    }

    /** A village and its 飞燕 team. */
    public record Village(String code, String name, String pinyin, String feiyanTeam) {
    }

    /** A village 飞燕 volunteer; the duty rotation goes in the order of {@code joinedOn}. */
    public record Volunteer(String name, String phone, String villageCode, List<String> skills, String teamCode,
            LocalDate joinedOn) {
    }

    public record Resident(String name, String phone, String idNumber, String villageCode,
            List<HouseholdTag> householdTags, Guardian guardian) {
    }

    public record Guardian(String name, String phone, String relation) {
    }

    public record MenuItem(String projectCode, String note) {
    }

    // ---- what the demo county (team-service demo/tancheng-county.json) has already; the generator checks it ----

    /** The demo county's projects and their categories. */
    public static final Map<String, String> DEMO_PROJECTS = Map.of("culture-opera", "CULTURE",
            "elderly-visit", "ELDERLY_CARE", "homework-tutoring", "EDUCATION", "health-check", "MEDICAL",
            "appliance-repair", "DAILY_LIFE", "legal-consult", "LEGAL_AID");
    /** The demo county's teams, by the region they serve. */
    public static final Map<String, String> DEMO_TEAMS = Map.of("changbuling-feiyan", "371322206201",
            "caocun-feiyan", "371322107202", "lizhuang-feiyan", "371322107203",
            "gaofengtou-institute", "371322107", "quanyuan-institute", "371322206",
            "art-light-cavalry", COUNTY, "county-legal-aid", COUNTY);
    private static final Map<String, Village> DEMO_VILLAGES = Map.of(
            "371322206201", new Village("371322206201", "长埠岭", "Changbuling", "changbuling-feiyan"),
            "371322107202", new Village("371322107202", "曹村", "Caocun", "caocun-feiyan"),
            "371322107203", new Village("371322107203", "李庄", "Lizhuang", "lizhuang-feiyan"));

    /**
     * The catalogue the county keeps (the launcher's resources, {@code county/}): its six categories, the 66 projects
     * that with the demo county's six make the report's 72, the county corps' 15 professional teams that with the
     * demo county's two (the art light cavalry and the legal aid volunteers) make 17 — none offers a demo project,
     * so demo orders climb to the same county teams — and its 13 towns, subdistrict and township (2020) with their
     * villages at full scale.
     */
    private static final Catalogue CATALOGUE = Catalogue.read();

    static {
        FULL_VILLAGES = CATALOGUE.villagesAtFullScale();
    }

    private final long seed;
    private final int residentsPerVillage;
    private final List<Town> towns = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final List<Volunteer> volunteers = new ArrayList<>();
    private final List<Resident> residents = new ArrayList<>();
    private final List<MenuItem> menu = new ArrayList<>();

    private CountyPlan(long seed, int residentsPerVillage) {
        this.seed = seed;
        this.residentsPerVillage = residentsPerVillage;
    }

    /** The county at full scale: 660 villages. */
    public static CountyPlan of(long seed) {
        return of(seed, FULL_VILLAGES, DEFAULT_RESIDENTS_PER_VILLAGE);
    }

    /**
     * The county with about {@code villages} villages, shared among the 13 towns as at full scale (each town at
     * least one, and the demo villages always), and {@code residentsPerVillage} residents in each.
     */
    public static CountyPlan of(long seed, int villages, int residentsPerVillage) {
        if (villages < 1 || residentsPerVillage < 0) {
            throw new IllegalArgumentException("a county has at least one village, and no negative residents");
        }
        CountyPlan plan = new CountyPlan(seed, residentsPerVillage);
        plan.build(villages);
        return plan;
    }

    public long seed() {
        return seed;
    }

    public int residentsPerVillage() {
        return residentsPerVillage;
    }

    public List<Town> towns() {
        return Collections.unmodifiableList(towns);
    }

    public List<Village> villages() {
        return towns.stream().flatMap(town -> town.villages().stream()).toList();
    }

    public List<Category> categories() {
        return CATALOGUE.categories();
    }

    /** The projects to write: the 72 of the catalogue but the demo county's six. */
    public List<Project> newProjects() {
        return CATALOGUE.projects();
    }

    /** Every project code of the catalogue: the demo county's and the new. */
    public List<String> projectCodes() {
        return Stream.concat(DEMO_PROJECTS.keySet().stream().sorted(), CATALOGUE.projects().stream().map(Project::code))
                .toList();
    }

    /** The teams to write: every team of the county but the demo county's seven. */
    public List<Team> newTeams() {
        return Collections.unmodifiableList(teams);
    }

    /** The county's 17 professional teams: the demo county's two and the new. */
    public List<String> countyTeamCodes() {
        return Stream.concat(DEMO_TEAMS.entrySet().stream().filter(team -> team.getValue().equals(COUNTY))
                .map(Map.Entry::getKey).sorted(), CATALOGUE.countyTeams().stream().map(Team::code)).toList();
    }

    /** Every team code of the county: county, town and village teams, the demo county's among them. */
    public List<String> teamCodes() {
        return Stream.of(countyTeamCodes().stream(), towns.stream().map(Town::instituteTeam),
                villages().stream().map(Village::feiyanTeam)).flatMap(s -> s).toList();
    }

    public List<Volunteer> volunteers() {
        return Collections.unmodifiableList(volunteers);
    }

    public List<Resident> residents() {
        return Collections.unmodifiableList(residents);
    }

    public List<MenuItem> menu() {
        return Collections.unmodifiableList(menu);
    }

    /** How many residents have each household situation (one resident may have several). */
    public Map<HouseholdTag, Long> residentsBySituation() {
        Map<HouseholdTag, Long> counts = new LinkedHashMap<>();
        for (HouseholdTag tag : HouseholdTag.values()) {
            counts.put(tag, residents.stream().filter(r -> r.householdTags().contains(tag)).count());
        }
        return counts;
    }

    // ---- building it ----

    private void build(int villageCount) {
        teams.addAll(CATALOGUE.countyTeams());
        Set<String> idNumbers = new HashSet<>();
        for (Catalogue.Town town : CATALOGUE.towns()) {
            int wanted = Math.max(1, Math.round((float) town.villages() * villageCount / FULL_VILLAGES));
            // the demo villages are always there: Changbuling is Quanyuan's first, Caocun and Lizhuang Gaofengtou's
            // second and third
            int demoNeeds = DEMO_VILLAGES.keySet().stream().filter(v -> v.startsWith(town.code()))
                    .mapToInt(v -> Integer.parseInt(v.substring(9)) - 200).max().orElse(0);
            Random random = random("town", town.code());
            String institute = DEMO_TEAMS.entrySet().stream().filter(team -> team.getValue().equals(town.code()))
                    .map(Map.Entry::getKey).findFirst().orElse(town.pinyin().toLowerCase() + "-institute");
            if (!DEMO_TEAMS.containsKey(institute)) {
                teams.add(townTeam(institute, town, random));
            }
            List<Village> villages = new ArrayList<>();
            Set<String> names = DEMO_VILLAGES.values().stream().filter(v -> v.code().startsWith(town.code()))
                    .map(Village::name).collect(Collectors.toCollection(HashSet::new));
            for (int n = 1; n <= Math.max(wanted, demoNeeds); n++) {
                String villageCode = town.code() + (200 + n);
                Village village = DEMO_VILLAGES.get(villageCode);
                if (village == null) {
                    village = Names.newVillage(villageCode, random, names);
                    teams.add(villageTeam(village, random));
                }
                villages.add(village);
                volunteers.addAll(Villagers.volunteers(village, random("volunteers", village.code())));
                residents.addAll(Villagers.residents(village, residentsPerVillage, random("residents", village.code()),
                        idNumbers));
            }
            towns.add(new Town(town.code(), town.name(), town.pinyin(), institute, List.copyOf(villages)));
        }
        buildMenu();
    }

    /** A town's institute: the town-tier projects most towns offer, and a share of the rest. */
    private static Team townTeam(String code, Catalogue.Town town, Random random) {
        List<String> offers = new ArrayList<>(List.of("health-check", "appliance-repair"));
        if (random.nextBoolean()) {
            offers.add("homework-tutoring");
        }
        offers.addAll(some(random, of(Tier.TOWN), 6 + random.nextInt(5)));
        return new Team(code, town.name() + "新时代文明实践所志愿者 " + town.pinyin() + " " + town.kind()
                + " civilization practice institute volunteers", Tier.TOWN, town.code(), offers, 10);
    }

    /** A village's 飞燕 team: home visits as in every village, and a few other village-tier projects. */
    private static Team villageTeam(Village village, Random random) {
        List<String> offers = new ArrayList<>(List.of("elderly-visit"));
        if (random.nextInt(3) == 0) {
            offers.add("homework-tutoring");
        }
        offers.addAll(some(random, of(Tier.VILLAGE), 2 + random.nextInt(4)));
        return new Team(village.feiyanTeam(), village.name() + "村飞燕志愿者 " + village.pinyin()
                + " village 飞燕 volunteers", Tier.VILLAGE, village.code(), offers, 5);
    }

    /** This month's menu: the demo menu's projects and five more of each category, in category order. */
    private void buildMenu() {
        Random random = random("menu", COUNTY);
        for (String code : List.of("culture-opera", "elderly-visit", "homework-tutoring", "health-check",
                "appliance-repair", "legal-consult")) {
            menu.add(new MenuItem(code, null));
        }
        for (Category category : CATALOGUE.categories()) {
            List<Project> ofCategory = CATALOGUE.projects().stream().filter(p -> p.category().equals(category.code()))
                    .toList();
            for (String code : some(random, ofCategory.stream().map(Project::code).toList(), 5)) {
                menu.add(new MenuItem(code, null));
            }
        }
    }

    /** Each part of the county draws from its own sequence, so a smaller county is mostly a part of the full one. */
    private Random random(String what, String code) {
        return new Random(seed * 0x9E3779B97F4A7C15L + (what + code).hashCode());
    }

    /** {@code count} of the items, drawn without repeats, in the items' order. */
    static List<String> some(Random random, List<String> items, int count) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            indexes.add(i);
        }
        Collections.shuffle(indexes, random);
        return indexes.subList(0, Math.min(count, items.size())).stream().sorted().map(items::get).toList();
    }

    private static List<String> of(Tier tier) {
        return CATALOGUE.projects().stream().filter(p -> p.servedAt() == tier).map(Project::code).toList();
    }
}
