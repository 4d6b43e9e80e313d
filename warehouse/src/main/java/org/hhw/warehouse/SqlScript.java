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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code .sql} file of the warehouse: statements separated by a semicolon at the end of a line,
 * with {@code {name}} placeholders filled from values the product controls (keys, paths, column
 * names), never from file content.
 */
public final class SqlScript {

    private static final Logger log = LoggerFactory.getLogger(SqlScript.class);

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
            return new SqlScript(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            if (trimmed.startsWith("--") && current.isEmpty()) {
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
                        log.debug("{} {} ms: {}", name, (System.nanoTime() - start) / 1_000_000,
                                sql.lines().findFirst().orElse(""));
                    }
                } catch (SQLException e) {
                    throw new SQLException(name + ": " + e.getMessage() + "\n" + sql, e);
                }
            }
        }
    }
}
