package io.feiyan.launcher.demo;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.IdNumbers;
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
 * and size. {@link CountyGenerator} loads it through the services' APIs.
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

    /** A catalogue project; {@code servedAt} is the tier that normally serves it. */
    public record Project(String code, String name, String category, List<HouseholdTag> aimedAt, Tier servedAt) {
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
                    village = newVillage(villageCode, random, names);
                    teams.add(villageTeam(village, random));
                }
                villages.add(village);
                addVolunteers(village);
                addResidents(village, idNumbers);
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

    /** Ten 飞燕 volunteers, who joined a day apart in February 2022, when the scheme began. */
    private void addVolunteers(Village village) {
        Random random = random("volunteers", village.code());
        Set<String> names = new HashSet<>();
        if (village.code().equals("371322206201")) {
            names.add("赵丽"); // Zhao Li, of the report: registered by the demo data, with her account (V-zhao-li)
        }
        for (int n = 0; n < VOLUNTEERS_PER_VILLAGE; n++) {
            String name = n == 0 && village.code().equals("371322107202") ? "徐凤" // Xu Feng, of the report
                    : person(random, random.nextInt(100) < 65 ? Age.MIDDLE_FEMALE : Age.MIDDLE_MALE);
            while (!names.add(name)) {
                name = person(random, random.nextBoolean() ? Age.MIDDLE_FEMALE : Age.MIDDLE_MALE);
            }
            volunteers.add(new Volunteer(name, mobile(random), village.code(),
                    some(random, SKILLS, 1 + random.nextInt(2)), village.feiyanTeam(),
                    LocalDate.of(2022, 2, 1).plusDays(n)));
        }
    }

    private enum Age {
        ELDERLY_FEMALE, ELDERLY_MALE, MIDDLE_FEMALE, MIDDLE_MALE, CHILD_FEMALE, CHILD_MALE
    }

    /**
     * The residents 飞燕 volunteers look after: mostly the elderly, many of them with children working away;
     * left-behind children; and adults with a disability, a chronic illness or in hardship.
     */
    private void addResidents(Village village, Set<String> idNumbers) {
        Random random = random("residents", village.code());
        for (int n = 0; n < residentsPerVillage; n++) {
            int kind = random.nextInt(100);
            boolean female = random.nextBoolean();
            List<HouseholdTag> tags = new ArrayList<>();
            LocalDate born;
            Age age;
            Guardian guardian = null;
            String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
            if (kind < 55) {
                age = female ? Age.ELDERLY_FEMALE : Age.ELDERLY_MALE;
                born = day(random, 1936, 1962);
                maybe(random, 75, tags, HouseholdTag.EMPTY_NEST_ELDERLY);
                maybe(random, 35, tags, HouseholdTag.CHRONIC_ILLNESS);
                maybe(random, 8, tags, HouseholdTag.DISABILITY);
                maybe(random, 7, tags, HouseholdTag.SPECIAL_HARDSHIP);
                if (tags.contains(HouseholdTag.EMPTY_NEST_ELDERLY)) {
                    boolean son = random.nextBoolean();
                    guardian = new Guardian(surname + given(random, son ? Age.MIDDLE_MALE : Age.MIDDLE_FEMALE),
                            mobile(random), (son ? "son" : "daughter") + ", works in " + away(random));
                }
            } else if (kind < 77) {
                age = female ? Age.CHILD_FEMALE : Age.CHILD_MALE;
                born = day(random, 2009, 2019);
                maybe(random, 80, tags, HouseholdTag.LEFT_BEHIND_CHILD);
                maybe(random, 3, tags, HouseholdTag.DISABILITY);
                maybe(random, 6, tags, HouseholdTag.SPECIAL_HARDSHIP);
                guardian = tags.contains(HouseholdTag.LEFT_BEHIND_CHILD)
                        ? new Guardian(surname + given(random, Age.ELDERLY_FEMALE), mobile(random),
                                "grandmother, lives with the child")
                        : new Guardian(surname + given(random, Age.MIDDLE_MALE), mobile(random), "father");
            } else {
                age = female ? Age.MIDDLE_FEMALE : Age.MIDDLE_MALE;
                born = day(random, 1963, 2000);
                maybe(random, 25, tags, HouseholdTag.DISABILITY);
                maybe(random, 25, tags, HouseholdTag.CHRONIC_ILLNESS);
                maybe(random, 15, tags, HouseholdTag.SPECIAL_HARDSHIP);
                if (!tags.isEmpty() && random.nextBoolean()) {
                    guardian = new Guardian(surname + given(random, female ? Age.MIDDLE_MALE : Age.MIDDLE_FEMALE),
                            mobile(random), female ? "husband" : "wife");
                }
            }
            // those born before 1994 carry 372822, Tancheng's code while Linyi was a prefecture; so no generated
            // number is one the system tests or the demo activity make up for their residents (371322, born 1940-59)
            String place = born.getYear() < 1994 ? "372822" : COUNTY;
            String idNumber;
            do {
                idNumber = IdNumbers.of(place, born, random.nextInt(500) * 2 + (female ? 0 : 1));
                born = born.plusDays(1);
            } while (!idNumbers.add(idNumber));
            String phone = age == Age.ELDERLY_FEMALE || age == Age.ELDERLY_MALE ? random.nextInt(100) < 40
                    ? String.format("0539-6%06d", random.nextInt(1_000_000)) : mobile(random)
                    : age == Age.CHILD_FEMALE || age == Age.CHILD_MALE ? guardian.phone() : mobile(random);
            residents.add(new Resident(surname + given(random, age), phone, idNumber, village.code(),
                    List.copyOf(tags), guardian));
        }
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

    // ---- names and numbers ----

    private static final List<String> SURNAMES = List.of("王", "王", "王", "张", "张", "李", "李", "刘", "刘", "徐",
            "徐", "杜", "杜", "孙", "陈", "杨", "赵", "高", "马", "吴", "周", "朱", "胡", "郭", "宋", "邵", "颜", "于",
            "冯", "韩", "褚", "庞", "姚", "彭");
    private static final Map<Age, List<String>> GIVEN = Map.of(
            Age.ELDERLY_FEMALE, List.of("秀英", "桂兰", "玉兰", "秀兰", "凤英", "桂英", "玉珍", "淑珍", "兰英", "素芳",
                    "翠花", "秀珍", "桂芳", "玉梅", "凤兰"),
            Age.ELDERLY_MALE, List.of("建国", "德明", "学文", "广田", "振华", "宝山", "长江", "玉林", "文德", "守义",
                    "传德", "洪彬", "殿臣", "茂林", "金山"),
            Age.MIDDLE_FEMALE, List.of("丽", "霞", "静", "燕", "红梅", "艳", "芳", "慧", "丽娜", "晓梅", "敏", "娟",
                    "秀云", "春燕", "海燕"),
            Age.MIDDLE_MALE, List.of("伟", "强", "磊", "军", "勇", "涛", "刚", "斌", "海涛", "建军", "明", "成",
                    "志刚", "庆华", "洪亮"),
            Age.CHILD_FEMALE, List.of("子涵", "梓萱", "欣怡", "雨桐", "诗涵", "一诺", "可馨", "佳怡", "思琪", "若曦"),
            Age.CHILD_MALE, List.of("浩然", "子轩", "宇航", "梓豪", "俊熙", "博文", "一鸣", "家乐", "子墨", "明轩"));
    private static final List<String> AWAY = List.of("Shanghai", "Suzhou", "Hangzhou", "Beijing", "Shenzhen",
            "Qingdao", "Linyi", "Nanjing", "Tianjin", "Wuxi", "Guangzhou", "Jinan");
    private static final List<String> SKILLS = List.of("elderly care", "first aid", "smartphones", "farming",
            "cooking", "small repairs", "tutoring", "haircuts", "sewing", "driving");
    private static final List<String> MOBILE = List.of("130", "131", "132", "133", "135", "136", "137", "138",
            "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "180", "182", "183", "186", "187",
            "188", "189", "199");
    private static final String[][] VILLAGE_HEADS = {{"王", "Wang"}, {"张", "Zhang"}, {"李", "Li"}, {"刘", "Liu"},
            {"徐", "Xu"}, {"杜", "Du"}, {"孙", "Sun"}, {"陈", "Chen"}, {"杨", "Yang"}, {"赵", "Zhao"}, {"高", "Gao"},
            {"马", "Ma"}, {"吴", "Wu"}, {"周", "Zhou"}, {"朱", "Zhu"}, {"胡", "Hu"}, {"郭", "Guo"}, {"宋", "Song"},
            {"邵", "Shao"}, {"颜", "Yan"}, {"于", "Yu"}, {"冯", "Feng"}, {"韩", "Han"}, {"褚", "Chu"}, {"庞", "Pang"},
            {"姚", "Yao"}, {"彭", "Peng"}, {"沙", "Sha"}, {"石", "Shi"}, {"柳", "Liu"}, {"槐", "Huai"}, {"桃", "Tao"},
            {"杏", "Xing"}, {"枣", "Zao"}, {"河", "He"}, {"郯", "Tan"}, {"沂", "Yi"}, {"沭", "Shu"}, {"白", "Bai"},
            {"花", "Hua"}, {"麦", "Mai"}, {"芦", "Lu"}};
    private static final String[][] VILLAGE_SIDES = {{"前", "Qian"}, {"后", "Hou"}, {"东", "Dong"}, {"西", "Xi"},
            {"南", "Nan"}, {"北", "Bei"}, {"大", "Da"}, {"小", "Xiao"}, {"新", "Xin"}, {"老", "Lao"}, {"中", "Zhong"}};
    private static final String[][] VILLAGE_TAILS = {{"庄", "zhuang"}, {"村", "cun"}, {"屯", "tun"}, {"岭", "ling"},
            {"湖", "hu"}, {"埠", "bu"}, {"楼", "lou"}, {"集", "ji"}, {"官庄", "guanzhuang"}, {"沟", "gou"},
            {"营", "ying"}, {"店", "dian"}, {"圩", "wei"}, {"洼", "wa"}, {"墩", "dun"}, {"桥", "qiao"}, {"寨", "zhai"},
            {"家庄", "jiazhuang"}, {"岭子", "lingzi"}, {"河崖", "heya"}};

    /** A village with a name not yet used in the town, in characters and in pinyin, and its 飞燕 team's code. */
    private static Village newVillage(String code, Random random, Set<String> taken) {
        while (true) {
            String[] head = VILLAGE_HEADS[random.nextInt(VILLAGE_HEADS.length)];
            String[] tail = VILLAGE_TAILS[random.nextInt(VILLAGE_TAILS.length)];
            String name = head[0] + tail[0];
            String pinyin = head[1] + tail[1];
            if (random.nextInt(100) < 35) {
                String[] side = VILLAGE_SIDES[random.nextInt(VILLAGE_SIDES.length)];
                name = side[0] + name;
                pinyin = side[1] + pinyin.toLowerCase();
            }
            if (taken.add(name)) {
                return new Village(code, name, pinyin, "feiyan-" + code);
            }
        }
    }

    private static String person(Random random, Age age) {
        return SURNAMES.get(random.nextInt(SURNAMES.size())) + given(random, age);
    }

    private static String given(Random random, Age age) {
        List<String> names = GIVEN.get(age);
        return names.get(random.nextInt(names.size()));
    }

    private static String mobile(Random random) {
        return MOBILE.get(random.nextInt(MOBILE.size())) + String.format("%08d", random.nextInt(100_000_000));
    }

    private static String away(Random random) {
        return AWAY.get(random.nextInt(AWAY.size()));
    }

    private static LocalDate day(Random random, int fromYear, int toYear) {
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        return from.plusDays(random.nextInt((int) (LocalDate.of(toYear + 1, 1, 1).toEpochDay() - from.toEpochDay())));
    }

    private static void maybe(Random random, int percent, List<HouseholdTag> tags, HouseholdTag tag) {
        if (random.nextInt(100) < percent) {
            tags.add(tag);
        }
    }

    /** {@code count} of the items, drawn without repeats, in the items' order. */
    private static List<String> some(Random random, List<String> items, int count) {
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
