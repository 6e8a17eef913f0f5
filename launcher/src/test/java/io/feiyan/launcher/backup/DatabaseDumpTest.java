package io.feiyan.launcher.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.servers.EmbeddedDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written out and read back into an empty one is the same database: its schema, rows and sequences. */
class DatabaseDumpTest {
    /** The schema as PostgreSQL's catalogs tell it: columns, defaults, identities, constraints, indexes, sequences. */
    private static final String SCHEMA = """
            select string_agg(line, E'\\n' order by line) from (
                select concat_ws(' ', table_name, column_name, data_type, column_default, is_nullable, is_identity,
                    identity_generation, generation_expression) as line
                from information_schema.columns where table_schema = 'public'
                union all select indexdef from pg_indexes where schemaname = 'public'
                union all select concat_ws(' ', sequencename, data_type, start_value, min_value, max_value,
                    increment_by, cycle) from pg_sequences where schemaname = 'public'
                union all select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
                    where connamespace = 'public'::regnamespace) schema""";

    @TempDir
    static Path folder;
    static EmbeddedDatabase postgres;

    @BeforeAll
    static void start() {
        postgres = EmbeddedDatabase.start(folder.resolve("postgres"), 0, EmbeddedDatabase.Durability.FAST);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void givenADatabaseOfEveryKindOfColumnAndKey_whenWrittenAndReadIntoAnEmptyOne_thenBothWriteTheSameText()
            throws Exception {
        try (Connection source = connect("dump_source")) {
            execute(source, """
                    create table resident (id uuid primary key, name varchar(64) not null, note text,
                        phones varchar(20)[], details jsonb, born date, weight numeric(5, 1) check (weight > 0),
                        created_at timestamptz not null default now(), unique (name, born));
                    create table outbox (seq bigint generated always as identity (increment by 50), id uuid primary key,
                        payload text, length int generated always as (length(payload)) stored);
                    create table step (id bigserial primary key, resident uuid not null references resident (id),
                        at timestamptz not null, done boolean default false);
                    create index step_open on step (resident, at) where not done;
                    create sequence ticket start with 100 increment by 5;
                    insert into resident values
                        ('00000000-0000-0000-0000-000000000001', '王秀英', E'line one\\nline two\\twith a tab \\\\ and a backslash',
                            '{13800000000,13900000000}', '{"household": ["alone"], "age": 81}', '1943-05-01', 52.5,
                            '2026-12-01T08:00:00Z'),
                        ('00000000-0000-0000-0000-000000000002', 'Li \\. Na', null, null, null, null, null,
                            '2026-12-02T09:30:00+08:00');
                    insert into outbox (id, payload) values ('00000000-0000-0000-0000-00000000000a', 'first'),
                        ('00000000-0000-0000-0000-00000000000b', null);
                    insert into step (resident, at) select '00000000-0000-0000-0000-000000000001', now()
                        from generate_series(1, 1000);
                    select nextval('ticket'), nextval('ticket');
                    """);
            String written = dump(source);

            try (Connection copy = connect("dump_copy")) {
                DatabaseDump.read(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)), copy);

                assertEquals(withoutHeader(written), withoutHeader(dump(copy)));
                assertEquals(one(source, SCHEMA), one(copy, SCHEMA));
                execute(copy, "insert into outbox (id, payload) values ('00000000-0000-0000-0000-00000000000c', 'x')");
                assertEquals("101", one(copy, "select seq from outbox where payload = 'x'"), "the identity goes on, by 50");
                assertEquals("110", one(copy, "select nextval('ticket')"), "the sequence goes on");
                assertEquals("1001", one(copy, "select nextval('step_id_seq')"), "the serial goes on");
            }
        }
    }

    @Test
    void givenTheRowsOfADump_thenTheDumpSaysHowManyEachTableHad() throws Exception {
        try (Connection source = connect("dump_counted")) {
            execute(source, "create table a (n int); create table b (n int); insert into a select generate_series(1, 7)");
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            DatabaseDump.Written written = DatabaseDump.write(source, out);

            assertEquals(Map.of("a", 7L, "b", 0L), written.rowsByTable());
        }
    }

    @Test
    void givenADatabaseWithAViewAndAFunction_thenItIsRefusedWithWhatWouldBeLeftOut() throws Exception {
        try (Connection source = connect("dump_refused")) {
            execute(source, """
                    create table a (n int);
                    create view twice as select n * 2 from a;
                    create function answer() returns int language sql as 'select 42';
                    """);

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DatabaseDump.write(source, new ByteArrayOutputStream()));
            assertTrue(refused.getMessage().contains("relation twice"), refused.getMessage());
            assertTrue(refused.getMessage().contains("function answer"), refused.getMessage());
        }
    }

    @Test
    void givenADumpThatStopsHalfWay_thenNothingOfItIsRead() throws Exception {
        try (Connection target = connect("dump_half")) {
            String half = "create table a (n int);\ncopy a (n) from stdin;\n1\n2\n";

            assertThrows(IOException.class, () -> DatabaseDump.read(
                    new ByteArrayInputStream(half.getBytes(StandardCharsets.UTF_8)), target));
            assertEquals("0", one(target, "select count(*) from pg_class where relname = 'a'"));
        }
    }

    private static String dump(Connection connection) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DatabaseDump.write(connection, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String withoutHeader(String dump) {
        return dump.substring(dump.indexOf('\n') + 1);
    }

    private static Connection connect(String database) throws SQLException {
        postgres.ensureDatabase(database);
        return DriverManager.getConnection(postgres.jdbcUrl(database), EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String one(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
