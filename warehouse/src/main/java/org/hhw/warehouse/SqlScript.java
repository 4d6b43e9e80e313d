package org.hhw.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code .sql} file of the warehouse: statements separated by a semicolon at the end of a line,
 * with {@code {name}} placeholders filled from values the product controls (keys, paths, column
 * names), never from file content.
 *
 * <p>A load script may have a line {@value #WRITES}: the statements above it only prepare
 * temporary tables and views from committed data, and run before the load's transaction; the
 * statements below it write the warehouse, inside that transaction. (DuckDB reads a temporary
 * table made inside a transaction from that transaction's own storage, which made the registry's
 * person insert twice as slow as reading the same table made before it.)
 */
public final class SqlScript {

    private static final Logger log = LoggerFactory.getLogger(SqlScript.class);

    /** The line between a load script's preparation and its writes. */
    public static final String WRITES = "-- writes, in the load's transaction:";

    private static final Pattern TEMPORARY = Pattern.compile(
            "create\\s+(or\\s+replace\\s+)?temp(orary)?\\s+(table|view|macro)\\b", Pattern.CASE_INSENSITIVE);

    private final String name;
    private final String text;

    private SqlScript(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public static SqlScript resource(String path) {
        try (InputStream in = SqlScript.class.getResourceAsStream("/sql/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no SQL resource /sql/" + path);
            }
            return of(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SqlScript of(String name, String text) {
        return new SqlScript(name, text);
    }

    /**
     * The statements above the {@value #WRITES} line; none when the script has no such line.
     *
     * @throws IllegalStateException when one of them does more than make a temporary table, view or
     *         macro: run outside the load's transaction, a write there would survive a failed load
     */
    public SqlScript preparation() {
        int at = writesAt();
        SqlScript preparation = new SqlScript(name, at < 0 ? "" : text.substring(0, at));
        for (String statement : preparation.statements(Map.of())) {
            String code = statement
                    .lines()
                    .dropWhile(l -> l.isBlank() || l.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            if (!TEMPORARY.matcher(code).lookingAt()) {
                throw new IllegalStateException(name + ": above the line \"" + WRITES + "\" a statement may only make "
                        + "a temporary table, view or macro, not: "
                        + code.lines().findFirst().orElse(""));
            }
        }
        return preparation;
    }

    /** The statements below the {@value #WRITES} line; all of them when the script has no such line. */
    public SqlScript writes() {
        int at = writesAt();
        return new SqlScript(name, at < 0 ? text : text.substring(at + WRITES.length()));
    }

    private int writesAt() {
        for (int at = text.indexOf(WRITES); at >= 0; at = text.indexOf(WRITES, at + 1)) {
            boolean lineStart = at == 0 || text.charAt(at - 1) == '\n';
            int end = at + WRITES.length();
            if (lineStart && (end == text.length() || text.charAt(end) == '\n')) {
                return at;
            }
        }
        return -1;
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public List<String> statements(Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            filled = filled.replace("{" + e.getKey() + "}", e.getValue());
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : filled.split("\n")) {
            String trimmed = line.strip();
            // comments and blank lines between statements belong to none: a script ending in a comment
            // must not hand the database a statement of comments only
            if ((trimmed.isEmpty() || trimmed.startsWith("--")) && current.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    public void execute(Connection connection, Map<String, String> values) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements(values)) {
                long start = System.nanoTime();
                try {
                    st.execute(sql);
                    if (log.isDebugEnabled()) {
                        log.debug(
                                "{} {} ms: {}",
                                name,
                                (System.nanoTime() - start) / 1_000_000,
                                sql.lines().findFirst().orElse(""));
                    }
                } catch (SQLException e) {
                    throw new SQLException(name + ": " + e.getMessage() + "\n" + sql, e);
                }
            }
        }
    }
}
