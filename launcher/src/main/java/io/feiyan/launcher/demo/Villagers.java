package io.feiyan.launcher.demo;

import static io.feiyan.launcher.demo.Names.SKILLS;
import static io.feiyan.launcher.demo.Names.away;
import static io.feiyan.launcher.demo.Names.given;
import static io.feiyan.launcher.demo.Names.mobile;
import static io.feiyan.launcher.demo.Names.person;
import static io.feiyan.launcher.demo.Names.surname;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.IdNumbers;
import io.feiyan.launcher.demo.CountyPlan.Guardian;
import io.feiyan.launcher.demo.CountyPlan.Resident;
import io.feiyan.launcher.demo.CountyPlan.Village;
import io.feiyan.launcher.demo.CountyPlan.Volunteer;
import io.feiyan.launcher.demo.Names.Age;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The people of a village the plan makes up: its 飞燕 volunteers, and the residents they look after. */
final class Villagers {
    private Villagers() {
    }

    /** Ten 飞燕 volunteers, who joined a day apart in February 2022, when the scheme began. */
    static List<Volunteer> volunteers(Village village, Random random) {
        List<Volunteer> volunteers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (village.code().equals("371322206201")) {
            names.add("赵丽"); // Zhao Li, of the report: registered by the demo data, with her account (V-zhao-li)
        }
        for (int n = 0; n < CountyPlan.VOLUNTEERS_PER_VILLAGE; n++) {
            String name = n == 0 && village.code().equals("371322107202") ? "徐凤" // Xu Feng, of the report
                    : person(random, random.nextInt(100) < 65 ? Age.MIDDLE_FEMALE : Age.MIDDLE_MALE);
            while (!names.add(name)) {
                name = person(random, random.nextBoolean() ? Age.MIDDLE_FEMALE : Age.MIDDLE_MALE);
            }
            volunteers.add(new Volunteer(name, mobile(random), village.code(),
                    CountyPlan.some(random, SKILLS, 1 + random.nextInt(2)), village.feiyanTeam(),
                    LocalDate.of(2022, 2, 1).plusDays(n)));
        }
        return volunteers;
    }

    /**
     * The residents 飞燕 volunteers look after: mostly the elderly, many of them with children working away;
     * left-behind children; and adults with a disability, a chronic illness or in hardship.
     */
    static List<Resident> residents(Village village, int count, Random random, Set<String> idNumbers) {
        List<Resident> residents = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int kind = random.nextInt(100);
            boolean female = random.nextBoolean();
            List<HouseholdTag> tags = new ArrayList<>();
            LocalDate born;
            Age age;
            Guardian guardian = null;
            String surname = surname(random);
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
            String place = born.getYear() < 1994 ? "372822" : CountyPlan.COUNTY;
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
        return residents;
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
}
