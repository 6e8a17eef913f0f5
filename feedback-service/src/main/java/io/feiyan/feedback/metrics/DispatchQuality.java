package io.feiyan.feedback.metrics;

import static io.feiyan.feedback.metrics.MetricsQuery.byKey;
import static io.feiyan.feedback.metrics.MetricsQuery.key;
import static io.feiyan.feedback.metrics.MetricsQuery.labels;
import static io.feiyan.feedback.metrics.MetricsQuery.minutes;
import static io.feiyan.feedback.metrics.MetricsQuery.number;
import static io.feiyan.feedback.metrics.MetricsQuery.ratio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How well dispatch serves the orders: how close to home, how soon, how overdue. */
@ApplicationScoped
@Transactional
public class DispatchQuality {
    private final MetricsQuery query;

    DispatchQuality(MetricsQuery query) {
        this.query = query;
    }

    /**
     * Dispatch's quality (README "Dispatch quality" defines each figure), by the month an order was placed: where the
     * orders were served (the tier of the assignment the team accepted last), whether at the lowest tier that had a
     * capable team (as dispatch saw it at the first assignment), how long from placed to the first assignment and to
     * the first acceptance (an order not yet assigned or accepted counts as waiting until now; one withdrawn first —
     * cancelled, or rejected at review — is left out), the orders that waited unserved and the longest such wait (to
     * the next assignment, or the withdrawal, or now), and the deadlines of accepted assignments that passed before
     * delivery, and how many of those were never escalated.
     */
    public MetricsTable count(Selection selection) {
        String sql = query.select(selection.by(), "o.placed_at") + """
                count(*), count(acc.at),
                count(*) filter (where acc.tier = 'VILLAGE'), count(*) filter (where acc.tier = 'TOWN'),
                count(*) filter (where acc.tier = 'COUNTY'),
                count(*) filter (where acc.tier is not null and acc.tier = fa.lowest_tier),
                percentile_disc(0.5) within group (order by extract(epoch from coalesce(fa.at, now()) - o.placed_at))
                        filter (where fa.at is not null or wd.at is null),
                percentile_disc(0.9) within group (order by extract(epoch from coalesce(fa.at, now()) - o.placed_at))
                        filter (where fa.at is not null or wd.at is null),
                percentile_disc(0.5) within group (order by extract(epoch from coalesce(fac.at, now()) - o.placed_at))
                        filter (where fac.at is not null or wd.at is null),
                percentile_disc(0.9) within group (order by extract(epoch from coalesce(fac.at, now()) - o.placed_at))
                        filter (where fac.at is not null or wd.at is null),
                count(un.longest), max(un.longest),
                count(*) filter (where acc.deadline < coalesce(done.at, now())),
                count(*) filter (where acc.deadline < coalesce(done.at, now()) and not exists (select 1
                        from metric_step e where e.order_id = o.order_id and e.step = 'ESCALATED'
                        and e.reason = 'DEADLINE_PASSED' and e.at >= acc.deadline))
                from metric_order o
                left join lateral (select s.at, s.lowest_tier from metric_step s where s.order_id = o.order_id
                        and s.step = 'ASSIGNED' order by s.at limit 1) fa on true
                left join lateral (select min(s.at) as at from metric_step s where s.order_id = o.order_id
                        and s.step = 'ACCEPTED') fac on true
                left join lateral (select min(w.at) as at from metric_step w where w.order_id = o.order_id
                        and w.step in ('CANCELLED', 'REJECTED')) wd on true
                left join lateral (select max(extract(epoch from greatest(u.at, coalesce((select min(a.at)
                                from metric_step a where a.order_id = u.order_id and a.step = 'ASSIGNED'
                                and a.at >= u.at), wd.at, now())) - u.at)) as longest
                        from metric_step u where u.order_id = o.order_id and u.step = 'UNSERVED') un on true
                """ + MetricsQuery.SERVED_BY + """
                left join lateral (select min(c.at) as at from metric_step c where c.order_id = o.order_id
                        and c.step = 'COMPLETED' and c.at >= acc.at) done on true
                cross join lateral (select acc.team_code) team
                where true""";
        List<List<Object>> rows = new ArrayList<>();
        int by = selection.by().size();
        for (Object[] row : query.rows(sql, "o.placed_at", selection)) {
            List<Object> values = key(row, by);
            long orders = number(row[by]);
            long served = number(row[by + 1]);
            values.addAll(Arrays.asList(orders, served, ratio(number(row[by + 2]), served),
                    ratio(number(row[by + 3]), served), ratio(number(row[by + 4]), served),
                    ratio(number(row[by + 5]), served), minutes(row[by + 6]), minutes(row[by + 7]),
                    minutes(row[by + 8]), minutes(row[by + 9]), number(row[by + 10]), minutes(row[by + 11]),
                    number(row[by + 12]), number(row[by + 13])));
            rows.add(values);
        }
        rows.sort(byKey(by));
        List<String> columns = labels(selection.by());
        columns.addAll(List.of("orders", "served", "servedInVillage", "servedInTown", "servedInCounty",
                "servedAtLowestCapableTier", "assignedP50Minutes", "assignedP90Minutes", "acceptedP50Minutes",
                "acceptedP90Minutes", "waitedUnserved", "unservedLongestMinutes", "deadlinesMissed",
                "deadlinesMissedNotEscalated"));
        return new MetricsTable(columns, rows);
    }
}
