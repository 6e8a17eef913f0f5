package io.feiyan.launcher.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * One database written out as SQL, and read back: its tables, sequences, constraints and indexes, and every row, taken
 * in one snapshot while the services keep writing. The text is what {@code psql} reads as well (statements, and each
 * table's rows as a {@code COPY ... FROM stdin} block), so a county's DBA can restore it without Feiyan.
 *
 * <p>PostgreSQL's own {@code pg_dump} is not among the binaries the local run's embedded server comes with, and the
 * databases hold only what this writes: tables in schema {@code public} (columns with defaults, identity or generated
 * values), sequences, constraints and indexes. A database holding anything else (a view, a function, a trigger, a
 * type, another schema, an extension) is refused, with what it holds, rather than backed up without it.
 *
 * <p>Order of the text, as {@code pg_dump} does it: sequences, then tables without constraints, their rows, the
 * sequences' values, then constraints (primary and unique keys before foreign keys) and the other indexes, so loading
 * the rows checks nothing twice and builds each index once.
 */
public final class DatabaseDump {
    /** How a table's rows begin in the text; they end with a line {@value #END_OF_ROWS}. */
    private static final String COPY_FROM_STDIN = " from stdin;";
    private static final String END_OF_ROWS = "\\.";

    /** What a dump held: each table's rows. */
    public record Written(Map<String, Long> rowsByTable) {
        public long rows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private DatabaseDump() {
    }

    /**
     * Writes the database the connection is on, as it is at one moment: read in one repeatable-read, read-only
     * transaction, so rows a service writes meanwhile are all in it or all not.
     */
    public static Written write(Connection connection, OutputStream out) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
            refuseWhatIsNotWritten(connection);
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Written written = write(connection, text);
            text.flush();
            return written;
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Written write(Connection connection, Writer text) throws SQLException, IOException {
        text.write("-- Feiyan backup of database " + one(connection, "select current_database()") + ", PostgreSQL "
                + one(connection, "show server_version") + ", taken " + one(connection, "select now()") + "\n");
        text.write("set client_encoding = 'UTF8';\nset standard_conforming_strings = on;\n");
        List<String[]> sequences = rows(connection, """
                select quote_ident(s.relname), format_type(q.seqtypid, null), q.seqincrement, q.seqmin, q.seqmax,
                    q.seqstart, q.seqcycle,
                    (select d.deptype from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = s.oid
                        and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i') limit 1)
                from pg_class s join pg_sequence q on q.seqrelid = s.oid
                where s.relnamespace = 'public'::regnamespace and s.relkind = 'S' order by s.relname""");
        // an identity column's sequence comes with its column, with its options
        Map<String, String> identities = new HashMap<>();
        for (String[] sequence : sequences) {
            String options = "increment by " + sequence[2] + " minvalue " + sequence[3] + " maxvalue " + sequence[4]
                    + " start with " + sequence[5] + ("t".equals(sequence[6]) ? " cycle" : " no cycle");
            if ("i".equals(sequence[7])) {
                identities.put(sequence[0], options); // its type is its column's
            } else {
                text.write("create sequence " + sequence[0] + " as " + sequence[1] + " " + options + ";\n");
            }
        }
        Map<String, Long> rowsByTable = new LinkedHashMap<>();
        for (String[] table : rows(connection, """
                select c.oid, quote_ident(c.relname), c.relpersistence from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by c.relname""")) {
            List<String> copied = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (String[] column : rows(connection, """
                    select quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull,
                        pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                        case when a.attcollation <> t.typcollation then quote_ident(co.collname) end,
                        pg_get_serial_sequence(quote_ident(c.relname), a.attname)
                    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_type t on t.oid = a.atttypid
                        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                        left join pg_collation co on co.oid = a.attcollation
                    where a.attrelid = ?::oid and a.attnum > 0 and not a.attisdropped order by a.attnum""", table[0])) {
                StringBuilder definition = new StringBuilder(column[0]).append(' ').append(column[1]);
                if (column[6] != null) {
                    definition.append(" collate ").append(column[6]);
                }
                if ("s".equals(column[5])) {
                    definition.append(" generated always as (").append(column[3]).append(") stored");
                } else {
                    copied.add(column[0]);
                    if (!column[4].isEmpty()) {
                        String sequence = column[7].substring(column[7].indexOf('.') + 1); // public.<name>
                        definition.append(" generated ").append("a".equals(column[4]) ? "always" : "by default")
                                .append(" as identity (sequence name ").append(column[7]).append(' ')
                                .append(identities.get(sequence)).append(")");
                    } else if (column[3] != null) {
                        definition.append(" default ").append(column[3]);
                    }
                }
                if ("t".equals(column[2])) {
                    definition.append(" not null");
                }
                columns.add(definition.toString());
            }
            text.write("create " + ("u".equals(table[2]) ? "unlogged " : "") + "table " + table[1] + " ("
                    + String.join(", ", columns) + ");\n");
            String copy = "copy " + table[1] + " (" + String.join(", ", copied) + ")";
            text.write(copy + COPY_FROM_STDIN + "\n");
            text.flush();
            rowsByTable.put(table[1], copyManager(connection).copyOut(copy + " to stdout", text));
            text.write(END_OF_ROWS + "\n");
        }
        for (String[] sequence : sequences) {
            String[] value = rows(connection, "select last_value, is_called from " + sequence[0]).get(0);
            text.write("select pg_catalog.setval('" + sequence[0].replace("'", "''") + "', " + value[0] + ", "
                    + ("t".equals(value[1]) ? "true" : "false") + ");\n");
        }
        for (String[] owned : rows(connection, """
                select quote_ident(s.relname), quote_ident(t.relname), quote_ident(a.attname)
                from pg_depend d join pg_class s on s.oid = d.objid join pg_class t on t.oid = d.refobjid
                    join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
                where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype = 'a'
                    and s.relkind = 'S' and s.relnamespace = 'public'::regnamespace order by s.relname""")) {
            text.write("alter sequence " + owned[0] + " owned by " + owned[1] + "." + owned[2] + ";\n");
        }
        for (String[] constraint : rows(connection, """
                select quote_ident(t.relname), quote_ident(k.conname), pg_get_constraintdef(k.oid)
                from pg_constraint k join pg_class t on t.oid = k.conrelid
                where t.relnamespace = 'public'::regnamespace and k.contype in ('p', 'u', 'c', 'x', 'f')
                order by k.contype = 'f', t.relname, k.conname""")) {
            text.write("alter table " + constraint[0] + " add constraint " + constraint[1] + " " + constraint[2]
                    + ";\n");
        }
        for (String[] index : rows(connection, """
                select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
                where c.relnamespace = 'public'::regnamespace and not exists (select 1 from pg_constraint k
                    where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
                order by c.relname""")) {
            text.write(index[0] + ";\n");
        }
        return new Written(rowsByTable);
    }

    /** Refuses a database holding what {@link #write} does not write. */
    private static void refuseWhatIsNotWritten(Connection connection) throws SQLException {
        List<String> unwritten = new ArrayList<>();
        for (String[] found : rows(connection, """
                select 'schema ' || nspname from pg_namespace
                    where nspname not in ('public', 'pg_catalog', 'information_schema', 'pg_toast')
                        and nspname not like 'pg_temp_%' and nspname not like 'pg_toast_temp_%'
                union all select 'relation ' || relname || ' (kind ' || relkind::text || ')' from pg_class
                    where relnamespace = 'public'::regnamespace and relkind not in ('r', 'S', 'i')
                union all select 'function ' || proname from pg_proc where pronamespace = 'public'::regnamespace
                union all select 'type ' || typname from pg_type where typnamespace = 'public'::regnamespace
                    and typtype not in ('b', 'c') and typrelid = 0
                union all select 'trigger ' || tgname from pg_trigger where not tgisinternal
                union all select 'extension ' || extname from pg_extension where extname <> 'plpgsql'""")) {
            unwritten.add(found[0]);
        }
        if (!unwritten.isEmpty()) {
            throw new IllegalStateException("database " + one(connection, "select current_database()")
                    + " holds what a backup would leave out: " + String.join(", ", unwritten));
        }
    }

    /**
     * Reads a dump into the empty database the connection is on, in one transaction: a dump that fails half-way
     * leaves the database as empty as it was.
     */
    public static void read(InputStream in, Connection connection) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder pending = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (pending.isEmpty() && (line.startsWith("--") || line.isBlank())) {
                    continue;
                }
                pending.append(pending.isEmpty() ? "" : "\n").append(line);
                if (!line.endsWith(";")) {
                    continue;
                }
                String sql = pending.toString();
                pending.setLength(0);
                if (sql.startsWith("copy ") && sql.endsWith(COPY_FROM_STDIN)) {
                    copyManager(connection).copyIn(sql, rowsUpToTheirEnd(lines));
                } else {
                    statement.execute(sql);
                }
            }
            if (!pending.isEmpty()) {
                throw new IOException("the dump ends in the middle of a statement: " + pending);
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A table's rows, read as COPY takes them, up to the line that ends them. */
    private static Reader rowsUpToTheirEnd(BufferedReader lines) {
        return new Reader() {
            private String line = "";
            private int at;
            private boolean ended;

            @Override
            public int read(char[] into, int offset, int length) throws IOException {
                if (at == line.length()) {
                    if (ended) {
                        return -1;
                    }
                    String next = lines.readLine();
                    if (next == null) {
                        throw new IOException("the dump ends in the middle of a table's rows");
                    }
                    if (next.equals(END_OF_ROWS)) {
                        ended = true;
                        return -1;
                    }
                    line = next + "\n";
                    at = 0;
                }
                int count = Math.min(length, line.length() - at);
                line.getChars(at, at + count, into, offset);
                at += count;
                return count;
            }

            @Override
            public void close() {
            }
        };
    }

    private static CopyManager copyManager(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /** The first column of the query's first row. */
    static String one(Connection connection, String sql) throws SQLException {
        return rows(connection, sql).get(0)[0];
    }

    private static List<String[]> rows(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                List<String[]> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = result.getString(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
