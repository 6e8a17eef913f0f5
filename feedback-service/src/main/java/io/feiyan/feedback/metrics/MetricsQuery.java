package io.feiyan.feedback.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How every figure is counted from the facts of {@link OrderFacts}: one grouped query by the selection's dimensions,
 * in its months (the county's calendar months) and region, its rows read into a table's values.
 */
@ApplicationScoped
class MetricsQuery {
    /**
     * The assignment an order was served by: the team's last acceptance ({@code at}, {@code team_code}) and the
     * assignment it accepted (its {@code tier}, {@code deadline} and {@code peers}; offered to several teams at once, the
     * one it took); none for an order never accepted.
     */
    static final String SERVED_BY = """
            left join lateral (select a.at, a.team_code, asg.tier, asg.deadline, asg.peers from metric_step a
                    join lateral (select s.tier, s.deadline, s.peers from metric_step s where s.order_id = a.order_id
                            and s.step = 'ASSIGNED' and (s.team_code = a.team_code or a.team_code = any(s.offered_to))
                            and s.at <= a.at
                            order by s.at desc limit 1) asg on true
                    where a.order_id = o.order_id and a.step = 'ACCEPTED' order by a.at desc limit 1) acc on true
            """;

    private final EntityManager entityManager;
    private final ZoneId zone;

    MetricsQuery(EntityManager entityManager, @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        if (zone instanceof ZoneOffset || zone.getId().matches("(UTC|GMT|UT)[+-].*")) {
            // PostgreSQL reads a bare offset the POSIX way, east and west swapped, so months would shift
            throw new IllegalArgumentException("feiyan.time-zone is " + zone
                    + ": the metrics need a named zone such as Asia/Shanghai");
        }
        this.entityManager = entityManager;
        this.zone = zone;
    }

    /** {@code select} and the dimensions' columns, each followed by a comma. */
    String select(List<Dimension> by, String when) {
        StringBuilder select = new StringBuilder("select ");
        by.forEach(dimension -> select.append(dimension.sql(when, zone.getId())).append(", "));
        return select.toString();
    }

    /** Runs the query with the selection's months and region, grouped by its dimensions. */
    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql, String when, Selection selection) {
        StringBuilder query = new StringBuilder(sql);
        List<Object> parameters = new ArrayList<>();
        if (selection.from() != null) {
            query.append(" and ").append(when).append(" >= ?").append(parameters.size() + 1);
            parameters.add(start(selection.from()));
        }
        if (selection.to() != null) {
            query.append(" and ").append(when).append(" < ?").append(parameters.size() + 1);
            parameters.add(start(selection.to().plusMonths(1)));
        }
        if (selection.region() != null) {
            query.append(" and o.village_code like ?").append(parameters.size() + 1);
            parameters.add(selection.region() + "%");
        }
        for (int i = 1; i <= selection.by().size(); i++) {
            query.append(i == 1 ? " group by " : ", ").append(i);
        }
        Query nativeQuery = entityManager.createNativeQuery(query.toString());
        for (int i = 0; i < parameters.size(); i++) {
            nativeQuery.setParameter(i + 1, parameters.get(i));
        }
        return nativeQuery.getResultList();
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The dimension values of a result row: its first columns. */
    static List<Object> key(Object[] row, int dimensions) {
        List<Object> key = new ArrayList<>(dimensions);
        for (int i = 0; i < dimensions; i++) {
            key.add(row[i]);
        }
        return key;
    }

    static List<String> labels(List<Dimension> by) {
        return new ArrayList<>(by.stream().map(Dimension::label).toList());
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** {@code part ÷ whole} to four decimals, or null when nothing was counted. */
    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** Seconds, in whole minutes; null for none. */
    static Long minutes(Object seconds) {
        return seconds == null ? null : Math.round(((Number) seconds).doubleValue() / 60);
    }

    static Comparator<List<Object>> byKey(int dimensions) {
        Comparator<List<Object>> comparator = (a, b) -> 0;
        for (int i = 0; i < dimensions; i++) {
            int column = i;
            comparator = comparator.thenComparing(row -> Objects.toString(row.get(column), null),
                    Comparator.nullsLast(Comparator.naturalOrder()));
        }
        return comparator;
    }
}
