package io.feiyan.bench;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.servers.EmbeddedDatabase;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A past the system carries: {@code n} orders placed over the last year, delivered and rated, written straight into
 * every service's tables in set-based SQL (not through the loop) — each order with the rows the services keep of it:
 * intake's order and its six timeline steps, dispatch's case and its decisions, team's assignment and demand,
 * feedback's order, rating and metric facts. Not yet notification's delivery log (the notifications the benchmark
 * times are those of its windows' own orders). The inbox rows ({@code processed_event}) are written for the orders of
 * the last week only: older ones the housekeeping sweep has dropped in a running system (feiyan.inbox.keep). The
 * outbox holds only what waits to be sent, so no history there. The same order ids in every service.
 */
final class History {
    /** An order every 30 s: a million orders is about a year. */
    private static final String PLACED_AT = "now() - (cast(? as bigint) - g + 1) * interval '30 seconds'";
    private static final String ORDER_ID = "md5('feiyan-history-' || g)::uuid";
    private static final String RECENT = "g > cast(? as bigint) - 20160"; // the last week: 7 × 24 × 120 orders

    private History() {
    }

    static void write(FeiyanSystem system, long orders, PrintStream out) throws SQLException {
        for (Map.Entry<FeiyanService, List<String>> service : statements().entrySet()) {
            long started = System.nanoTime();
            try (Connection db = DriverManager.getConnection(system.jdbcUrl(service.getKey()), EmbeddedDatabase.USER,
                    EmbeddedDatabase.PASSWORD)) {
                db.setAutoCommit(false);
                for (String sql : service.getValue()) {
                    try (PreparedStatement statement = db.prepareStatement(sql)) {
                        for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                            statement.setLong(i, orders);
                        }
                        statement.executeUpdate();
                    }
                }
                db.commit();
                db.setAutoCommit(true); // vacuum runs outside a transaction
                try (Statement analyze = db.createStatement()) {
                    analyze.execute("vacuum analyze");
                }
            }
            out.printf("  %s: %,d past orders written in %.0f s%n", service.getKey().moduleName(), orders,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** The select, over every past order {@code g} (and any further rows of each, as {@code more}). */
    private static String series(String insertSelect, String more) {
        return insertSelect + " from generate_series(1, cast(? as bigint)) g " + more;
    }

    private static String series(String insertSelect) {
        return series(insertSelect, "");
    }

    private static Map<FeiyanService, List<String>> statements() {
        String at = PLACED_AT;
        String order = ORDER_ID;
        String step = "md5('feiyan-history-' || g || '-' || s)::uuid";
        return Map.of(
                FeiyanService.INTAKE, List.of(
                        series("""
                                insert into orders (id, resident_id, project_code, category, village_code, urgency,
                                    channel, volunteer_id, status, placed_at, resident_consent, last_step_at)
                                select %s, r.id, 'elderly-visit', 'ELDERLY_CARE', r.village_code, 'ROUTINE', 'PROXY',
                                    'V-history', 'RATED', %s, true, %s + interval '2 hours'""".formatted(order, at, at),
                                """
                                join (select id, village_code, row_number() over (order by id) - 1 as i from resident) r
                                    on r.i = g % (select count(*) from resident)"""),
                        series("""
                                insert into order_step (event_id, order_id, type, occurred_at, payload)
                                select %s, %s, (array['feiyan.order.placed.v1', 'feiyan.order.approved.v1',
                                    'feiyan.order.assigned.v1', 'feiyan.order.accepted.v1',
                                    'feiyan.order.completed.v1', 'feiyan.order.rated.v1'])[s],
                                    %s + s * interval '20 minutes', '{}'""".formatted(step, order, at),
                                "cross join generate_series(1, 6) s"),
                        inbox(List.of("orders.approved", "orders.assigned", "orders.accepted", "orders.completed",
                                "orders.rated"))),
                FeiyanService.DISPATCH, List.of(
                        series("""
                                insert into dispatch_case (order_id, resident_id, project_code, category, village_code,
                                    urgency, status, team_code, tier, deadline, placed_at, assigned_at, updated_at)
                                select %s, %s, 'elderly-visit', 'ELDERLY_CARE', '371322100201', 'ROUTINE',
                                    'COMPLETED', 'history-team', 'VILLAGE', %s + interval '7 days', %s,
                                    %s + interval '1 minute', %s + interval '2 hours'"""
                                .formatted(order, order, at, at, at, at)),
                        series("""
                                insert into case_decision (order_id, kind, detail, decided_at)
                                select %s, (array['APPROVED', 'ASSIGNED'])[s], 'history', %s"""
                                .formatted(order, at), "cross join generate_series(1, 2) s"),
                        inbox(List.of("orders.placed", "orders.accepted", "orders.completed"))),
                FeiyanService.TEAM, List.of(
                        series("""
                                insert into assignment (order_id, team_code, tier, project_code, deadline, status,
                                    assigned_at, accepted_at, completed_at, volunteer_hours, accept_by)
                                select %s, 'history-team', 'VILLAGE', 'elderly-visit', %s + interval '7 days',
                                    'COMPLETED', %s + interval '1 minute', %s + interval '10 minutes',
                                    %s + interval '2 hours', 1, %s + interval '1 day'"""
                                .formatted(order, at, at, at, at, at)),
                        series("""
                                insert into demand (order_id, month, town_code, project_code, category)
                                select %s, to_char(%s, 'YYYY-MM'), '371322100', 'elderly-visit', 'ELDERLY_CARE'"""
                                .formatted(order, at)),
                        inbox(List.of("orders.placed", "orders.assigned"))),
                FeiyanService.FEEDBACK, List.of(
                        series("""
                                insert into orders (order_id, resident_id, village_code, placed_at, team_code,
                                    volunteer_hours, completed_at)
                                select %s, %s, '371322100201', %s, 'history-team', 1, %s + interval '2 hours'"""
                                .formatted(order, order, at, at)),
                        series("""
                                insert into rating (order_id, score, solved, rated_at)
                                select %s, 5, true, %s + interval '3 hours'""".formatted(order, at)),
                        series("""
                                insert into metric_order (order_id, village_code, category, project_code, placed_at)
                                select %s, '371322100201', 'ELDERLY_CARE', 'elderly-visit', %s""".formatted(order, at)),
                        series("""
                                insert into metric_step (event_id, order_id, step, team_code, at)
                                select %s, %s, (array['APPROVED', 'ASSIGNED', 'ACCEPTED', 'COMPLETED', 'RATED'])[s],
                                    'history-team', %s + s * interval '20 minutes'""".formatted(step, order, at),
                                "cross join generate_series(1, 5) s"),
                        inbox(List.of("orders.placed", "orders.approved", "orders.assigned", "orders.accepted",
                                "orders.completed", "orders.rated"))));
    }

    /** The inbox rows of the last week's orders, one per topic the service consumes. */
    private static String inbox(List<String> topics) {
        return """
                insert into processed_event (consumer, event_id, processed_at)
                select t.topic, md5('feiyan-history-' || g || '-' || t.topic)::uuid, %s
                from generate_series(1, cast(? as bigint)) g
                cross join unnest(array['%s']) t(topic)
                where %s""".formatted(PLACED_AT, String.join("', '", topics), RECENT);
    }
}
