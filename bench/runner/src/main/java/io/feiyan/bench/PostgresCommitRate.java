package io.feiyan.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own limit: how many transactions a second PostgreSQL commits when each of {@code clients}
 * connections inserts {@code rowsPerTransaction} rows and commits, as fast as it can. The server's durability
 * settings are the system's (fsync and synchronous commit on in the benchmark).
 */
final class PostgresCommitRate {
    private PostgresCommitRate() {
    }

    static double measure(String jdbcUrl, String user, String password, int clients, int rowsPerTransaction,
            Duration warmUp, Duration window) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    create table if not exists commit_rate (id bigserial primary key, client int not null,
                    payload varchar(500) not null, at timestamptz not null default now())""");
            ddl.execute("truncate commit_rate");
        }
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong commits = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        String payload = "x".repeat(300);
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                        PreparedStatement insert = connection.prepareStatement(
                                "insert into commit_rate (client, payload) values (?, ?)")) {
                    connection.setAutoCommit(false);
                    while (running.get()) {
                        for (int row = 0; row < rowsPerTransaction; row++) {
                            insert.setInt(1, id);
                            insert.setString(2, payload);
                            insert.executeUpdate();
                        }
                        connection.commit();
                        if (counting.get()) {
                            commits.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "commit-rate-" + client);
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(warmUp.toMillis());
        counting.set(true);
        long started = System.nanoTime();
        Thread.sleep(window.toMillis());
        counting.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client failed", failures.get(0));
        }
        return commits.get() / seconds;
    }
}
