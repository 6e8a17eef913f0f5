package io.feiyan.feedback.metrics;

import static io.feiyan.feedback.metrics.MetricsQuery.byKey;
import static io.feiyan.feedback.metrics.MetricsQuery.key;
import static io.feiyan.feedback.metrics.MetricsQuery.labels;
import static io.feiyan.feedback.metrics.MetricsQuery.number;
import static io.feiyan.feedback.metrics.MetricsQuery.ratio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three rates, counted from the facts of {@link OrderFacts} when asked, so they always agree with the topics.
 * The definitions (also in the API docs):
 * <ul>
 * <li><b>response rate</b> (响应率) = assignments accepted in time ÷ assignments made. Every OrderAssigned is
 * one assignment (a reassignment after a decline or a missed time is another; asking again a team that let the
 * order's time pass, no other team being left, is not); it was accepted in time if
 * the same team's OrderAccepted for that order came between the assignment and its time to accept
 * ({@code acceptBy}), before any later assignment of the order. Counted in the month of the assignment, for the team assigned.
 * An order offered to several teams at once (抢单) is an assignment for each of them, except one whose offer was
 * withdrawn because another took the order first (OfferWithdrawn): that team had no chance to answer, so its offer is
 * neither answered nor missed.</li>
 * <li><b>resolution rate</b> (解决率) = orders resolved ÷ orders approved. An order is approved once
 * (OrderApproved: by an operator, or needing no review; rejected orders never are); it is resolved if it
 * has been completed and never reopened. Counted in the month of approval, for the team it was last
 * assigned to (of several it was offered to at once, the one that took it).</li>
 * <li><b>satisfaction rate</b> (满意率) = ratings of 4 or 5 ÷ ratings given. Counted in the month of the
 * rating, for the team whose delivery was rated.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional
public class Rates {
    private static final List<Rate> RATES = List.of(
            new Rate("ASSIGNED", """
                    cross join lateral (select t.team_code from unnest(case when cardinality(base.offered_to) > 0
                            then base.offered_to else array[cast(base.team_code as text)] end) as t(team_code)
                        where not exists (select 1 from metric_step w where w.order_id = base.order_id
                            and w.step = 'WITHDRAWN' and w.team_code = t.team_code and w.at >= base.at
                            and not exists (select 1 from metric_step later where later.order_id = base.order_id
                                    and later.step = 'ASSIGNED' and later.at > base.at and later.at <= w.at))) team""", """
                    exists (select 1 from metric_step a where a.order_id = base.order_id and a.step = 'ACCEPTED'
                            and a.team_code = team.team_code and a.at between base.at and base.due
                            and not exists (select 1 from metric_step later where later.order_id = base.order_id
                                    and later.step = 'ASSIGNED' and later.at > base.at and later.at <= a.at))""",
                    "assigned", "acceptedInTime", "responseRate"),
            new Rate("APPROVED", """
                    left join lateral (select coalesce((select a.team_code from metric_step a
                                    where a.order_id = s.order_id and a.step = 'ACCEPTED' and a.at >= s.at
                                    and a.team_code = any(s.offered_to) order by a.at limit 1), s.team_code) as team_code
                            from metric_step s where s.order_id = base.order_id
                            and s.step = 'ASSIGNED' order by s.at desc limit 1) team on true""", """
                    exists (select 1 from metric_step c where c.order_id = base.order_id and c.step = 'COMPLETED')
                    and not exists (select 1 from metric_step r where r.order_id = base.order_id and r.step = 'REOPENED')""",
                    "approved", "resolved", "resolutionRate"),
            new Rate("RATED", """
                    left join lateral (select s.team_code from metric_step s where s.order_id = base.order_id
                            and s.step = 'COMPLETED' and s.at <= base.at order by s.at desc limit 1) team on true""",
                    "base.score >= 4", "rated", "satisfied", "satisfactionRate"));

    /** One rate: its counted step, which team it names, when a counted step meets it, its column names. */
    private record Rate(String step, String team, String met, String counted, String meeting, String rate) {
    }

    private final MetricsQuery query;

    Rates(MetricsQuery query) {
        this.query = query;
    }

    public MetricsTable count(Selection selection) {
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        for (int r = 0; r < RATES.size(); r++) {
            Rate rate = RATES.get(r);
            String sql = query.select(selection.by(), "base.at") + "count(*), count(*) filter (where " + rate.met()
                    + ")" + " from metric_step base left join metric_order o on o.order_id = base.order_id "
                    + rate.team() + " where base.step = '" + rate.step() + "' and base.asked_again is not true";
            for (Object[] row : query.rows(sql, "base.at", selection)) {
                long[] figures = counts.computeIfAbsent(key(row, selection.by().size()), k -> new long[RATES.size() * 2]);
                figures[2 * r] = number(row[row.length - 2]);
                figures[2 * r + 1] = number(row[row.length - 1]);
            }
        }
        List<String> columns = labels(selection.by());
        for (Rate rate : RATES) {
            columns.addAll(List.of(rate.counted(), rate.meeting(), rate.rate()));
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((key, figures) -> {
            List<Object> row = new ArrayList<>(key);
            for (int r = 0; r < RATES.size(); r++) {
                row.addAll(Arrays.asList(figures[2 * r], figures[2 * r + 1], ratio(figures[2 * r + 1], figures[2 * r])));
            }
            rows.add(row);
        });
        rows.sort(byKey(selection.by().size()));
        return new MetricsTable(columns, rows);
    }
}
