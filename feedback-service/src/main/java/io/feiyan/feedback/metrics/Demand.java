package io.feiyan.feedback.metrics;

import static io.feiyan.feedback.metrics.MetricsQuery.byKey;
import static io.feiyan.feedback.metrics.MetricsQuery.key;
import static io.feiyan.feedback.metrics.MetricsQuery.labels;
import static io.feiyan.feedback.metrics.MetricsQuery.number;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Demand, what the monthly menu is drafted from: the orders placed, and among them those in the resident's own words,
 * naming no project, in the month they were placed.
 */
@ApplicationScoped
@Transactional
public class Demand {
    private final MetricsQuery query;

    Demand(MetricsQuery query) {
        this.query = query;
    }

    public MetricsTable count(Selection selection) {
        String sql = query.select(selection.by(), "o.placed_at")
                + "count(*), count(*) filter (where o.project_code is null) from metric_order o where true";
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : query.rows(sql, "o.placed_at", selection)) {
            List<Object> values = key(row, selection.by().size());
            values.add(number(row[row.length - 2]));
            values.add(number(row[row.length - 1]));
            rows.add(values);
        }
        rows.sort(byKey(selection.by().size()));
        List<String> columns = labels(selection.by());
        columns.addAll(List.of("orders", "freeText"));
        return new MetricsTable(columns, rows);
    }
}
