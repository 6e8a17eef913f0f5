package io.feiyan.bench;

import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.servers.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What PostgreSQL's time went on, statement by statement ({@code pg_stat_statements}, which the embedded server
 * preloads): counted from {@link #reset} to {@link #report}, for the benchmark's profile. Each line a statement of a
 * service's database, with its calls per order and its execution time, the costliest first.
 */
final class PostgresStatements {
    private static final int SHOWN = 30;

    private final String jdbcUrl;

    private PostgresStatements(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The statements of every database of the system's server, read through the benchmark's own database. */
    static PostgresStatements of(FeiyanSystem system) {
        return new PostgresStatements(system.jdbcUrl("bench"));
    }

    /** Forgets what was counted so far: the report counts from here. */
    void reset() {
        run(statement -> {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
            return null;
        });
    }

    /** The costliest statements since {@link #reset}, {@code orders} having been placed meanwhile. */
    String report(long orders) {
        return run(statement -> {
            StringBuilder text = new StringBuilder(String.format(
                    "# PostgreSQL's statements by total execution time, %,d orders placed (pg_stat_statements)%n"
                            + "%-9s %9s %9s %9s %9s  %s%n", orders, "database", "calls", "per order", "total ms",
                    "mean ms", "statement"));
            try (ResultSet rows = statement.executeQuery("""
                    select d.datname, s.calls, s.total_exec_time, s.mean_exec_time,
                        regexp_replace(s.query, '\\s+', ' ', 'g')
                    from pg_stat_statements s join pg_database d on d.oid = s.dbid
                    order by s.total_exec_time desc limit %d""".formatted(SHOWN))) {
                while (rows.next()) {
                    String query = rows.getString(5);
                    text.append(String.format("%-9s %9d %9.2f %9.0f %9.3f  %s%n", rows.getString(1), rows.getLong(2),
                            (double) rows.getLong(2) / Math.max(1, orders), rows.getDouble(3), rows.getDouble(4),
                            query.length() > 160 ? query.substring(0, 160) + "…" : query));
                }
            }
            try (ResultSet total = statement.executeQuery(
                    "select sum(calls), sum(total_exec_time) from pg_stat_statements")) {
                total.next();
                text.append(String.format("all statements: %,d calls, %,.0f ms%n", total.getLong(1),
                        total.getDouble(2)));
            }
            return text.toString();
        });
    }

    private interface Work<T> {
        T on(Statement statement) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD); Statement statement = connection.createStatement()) {
            return work.on(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_statements", e);
        }
    }
}
