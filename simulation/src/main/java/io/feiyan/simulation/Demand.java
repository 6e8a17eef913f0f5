package io.feiyan.simulation;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The month's demand, a profile built into the county plan (README "Simulating a month" says where each number comes
 * from): how many orders a resident makes a month by household situation; which projects, those meant for her
 * household and those a village serves more often; how urgent; on which days (fewer at weekends, a festival peak) and
 * at which hours; all times {@code scale} ({@code --demand x2}).
 */
public record Demand(double baseRate, Map<HouseholdTag, Double> ratePerSituation, Map<Tier, Double> tierWeight,
        double householdWeight, Map<Urgency, Double> urgencyShare, Map<DayOfWeek, Double> weekday,
        int festivalFrom, int festivalTo, double festival, double[] hourShare, double scale) {

    /** One need: when (seconds into the month), whose, which project, how urgent. */
    public record Need(long at, County.Resident resident, String projectCode, Urgency urgency) {
    }

    /** How many orders a village placed for a project in a month: a row of a running system's demand. */
    public record Ordered(String villageCode, String projectCode, long orders) {
    }

    public static Demand defaults() {
        Map<HouseholdTag, Double> rate = new EnumMap<>(HouseholdTag.class);
        rate.put(HouseholdTag.EMPTY_NEST_ELDERLY, 0.3);
        rate.put(HouseholdTag.LEFT_BEHIND_CHILD, 0.2);
        rate.put(HouseholdTag.SPECIAL_HARDSHIP, 0.35);
        rate.put(HouseholdTag.DISABILITY, 0.25);
        rate.put(HouseholdTag.CHRONIC_ILLNESS, 0.25);
        Map<DayOfWeek, Double> weekday = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekday.put(day, day == DayOfWeek.SATURDAY ? 0.8 : day == DayOfWeek.SUNDAY ? 0.6 : 1.0);
        }
        double[] hours = new double[24];
        for (int h = 0; h < 24; h++) {
            hours[h] = h < 7 || h >= 21 ? 0.2 : h < 12 ? 1.6 : h < 14 ? 0.6 : h < 18 ? 1.4 : 0.9;
        }
        return new Demand(0.1, rate, Map.of(Tier.VILLAGE, 3.0, Tier.TOWN, 1.5, Tier.COUNTY, 1.0), 3.0,
                Map.of(Urgency.ROUTINE, 0.70, Urgency.URGENT, 0.18, Urgency.CRITICAL, 0.02, Urgency.COMPLEX, 0.10),
                weekday, 22, 28, 1.4, hours, 1.0);
    }

    /** The same profile, every rate times {@code factor}. */
    public Demand times(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("demand is scaled by more than 0: " + factor);
        }
        return new Demand(baseRate, ratePerSituation, tierWeight, householdWeight, urgencyShare, weekday, festivalFrom,
                festivalTo, festival, hourShare, scale * factor);
    }

    /** The month's needs, in the order they arise. */
    public List<Need> needs(County county, MonthClock clock, Random random) {
        Map<String, List<County.Project>> menus = new HashMap<>();
        double[] dayWeight = dayWeights(clock);
        List<Need> needs = new ArrayList<>();
        for (County.Resident resident : county.residents()) {
            double rate = (baseRate + resident.situation().stream().mapToDouble(ratePerSituation::get).sum()) * scale;
            int orders = poisson(rate, random);
            for (int n = 0; n < orders; n++) {
                List<County.Project> menu = menus.computeIfAbsent(resident.villageCode(), county::menuOf);
                needs.add(new Need(moment(dayWeight, random), resident, project(menu, resident, random).code(),
                        urgency(random)));
            }
        }
        return inOrder(needs);
    }

    /**
     * The month's needs as a running system had them ({@code --from-running}): so many orders of each project in each
     * village, times {@code scale}, each by one of the village's residents, on this profile's days and hours and with
     * its urgencies (the metrics say neither). Rows for villages or projects the county lacks are left out.
     */
    public List<Need> needs(List<Ordered> ordered, County county, MonthClock clock, Random random) {
        Map<String, List<County.Resident>> residents = new HashMap<>();
        county.residents().forEach(r -> residents.computeIfAbsent(r.villageCode(), v -> new ArrayList<>()).add(r));
        double[] dayWeight = dayWeights(clock);
        List<Need> needs = new ArrayList<>();
        for (Ordered row : ordered) {
            List<County.Resident> village = residents.get(row.villageCode());
            if (village == null || !county.projects().containsKey(row.projectCode())) {
                continue;
            }
            double wanted = row.orders() * scale;
            long orders = (long) wanted + (random.nextDouble() < wanted - (long) wanted ? 1 : 0);
            for (long n = 0; n < orders; n++) {
                needs.add(new Need(moment(dayWeight, random), village.get(random.nextInt(village.size())),
                        row.projectCode(), urgency(random)));
            }
        }
        return inOrder(needs);
    }

    /** Each day's weight: its weekday's, times the festival's in the festival week. */
    private double[] dayWeights(MonthClock clock) {
        double[] dayWeight = new double[clock.days()];
        for (int d = 0; d < dayWeight.length; d++) {
            dayWeight[d] = weekday.get(clock.weekday(d * MonthClock.DAY))
                    * (d + 1 >= festivalFrom && d + 1 <= festivalTo ? festival : 1);
        }
        return dayWeight;
    }

    /** A moment of the month (seconds into it): a day by its weight, an hour by its share, a second in it. */
    private long moment(double[] dayWeight, Random random) {
        int day = pick(dayWeight, random);
        int hour = pick(hourShare, random);
        return day * MonthClock.DAY + hour * MonthClock.HOUR + random.nextInt((int) MonthClock.HOUR);
    }

    private static List<Need> inOrder(List<Need> needs) {
        needs.sort(Comparator.comparingLong(Need::at).thenComparingInt(need -> need.resident().id()));
        return needs;
    }

    /**
     * A project of her village's menu: those meant for her household more likely, and those a village serves more
     * often.
     */
    private County.Project project(List<County.Project> projects, County.Resident resident, Random random) {
        double[] weight = new double[projects.size()];
        for (int i = 0; i < weight.length; i++) {
            County.Project p = projects.get(i);
            weight[i] = tierWeight.get(p.servedAt())
                    * (p.aimedAt().stream().anyMatch(resident.situation()::contains) ? householdWeight : 1);
        }
        return projects.get(pick(weight, random));
    }

    private Urgency urgency(Random random) {
        double x = random.nextDouble();
        for (Urgency urgency : Urgency.values()) {
            x -= urgencyShare.get(urgency);
            if (x < 0) {
                return urgency;
            }
        }
        return Urgency.ROUTINE;
    }

    private static int pick(double[] weights, Random random) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = random.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int poisson(double mean, Random random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
