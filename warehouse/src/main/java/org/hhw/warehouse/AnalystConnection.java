package org.hhw.warehouse;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the published analytics copy for anyone who should get its data and nothing else: read-only,
 * no files (read_csv, read_text, read_blob, read_parquet, glob, COPY, EXPORT, ATTACH), no extensions
 * installed or loaded, and the configuration locked so that no SET, RESET or PRAGMA can undo any of it.
 * The settings are connection properties, so DuckDB applies them as it opens the database, before any
 * statement runs.
 *
 * <p>The connections open in this process are counted by the file they opened, so that the publish gate never writes
 * into a copy one of them still reads ({@link PublishedCopy}): DuckDB's own lock on the file tells other processes,
 * not this one.
 */
public final class AnalystConnection {

    /**
     * What DuckDB says when one of these settings stops a statement (it gives no SQL state): a file or
     * directory outside the copy, a locked setting, an extension, a write into the read-only copy.
     */
    private static final List<String> REFUSALS = List.of(
            "Permission Error:",
            "the configuration has been locked",
            "Loading external extensions is disabled",
            "read-only mode");

    /** The connections open in this process, by the file (its {@link BasicFileAttributes#fileKey}) each opened. */
    private static final Map<Object, Integer> OPEN = new ConcurrentHashMap<>();

    private AnalystConnection() {}

    public static Connection open(Path analyticsDb) throws SQLException {
        Properties config = new Properties();
        config.setProperty("duckdb.read_only", "true");
        config.setProperty("enable_external_access", "false");
        config.setProperty("autoinstall_known_extensions", "false");
        config.setProperty("autoload_known_extensions", "false");
        config.setProperty("lock_configuration", "true");
        while (true) {
            // counted before DuckDB opens it, and opened again if a publish renamed another file to the name meanwhile
            Object file = fileKey(analyticsDb);
            OPEN.merge(file, 1, Integer::sum);
            Connection connection;
            try {
                connection = DriverManager.getConnection("jdbc:duckdb:" + analyticsDb.toAbsolutePath(), config);
            } catch (SQLException | RuntimeException e) {
                closed(file);
                throw e;
            }
            if (Objects.equals(fileKey(analyticsDb), file)) {
                return counted(connection, file);
            }
            connection.close();
            closed(file);
        }
    }

    /** Whether a connection of this process has {@code file} open, under whatever name it opened it. */
    static boolean openInThisProcess(Path file) throws IOException {
        return OPEN.containsKey(
                Files.readAttributes(file, BasicFileAttributes.class).fileKey());
    }

    private static Object fileKey(Path file) {
        try {
            return Objects.requireNonNullElse(
                    Files.readAttributes(file, BasicFileAttributes.class).fileKey(), file.toAbsolutePath());
        } catch (IOException e) {
            // DuckDB says what is wrong with it
            return file.toAbsolutePath();
        }
    }

    private static void closed(Object file) {
        OPEN.computeIfPresent(file, (f, n) -> n == 1 ? null : n - 1);
    }

    /** The connection, uncounted when it closes. */
    private static Connection counted(Connection connection, Object file) {
        AtomicBoolean open = new AtomicBoolean(true);
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("close") && open.getAndSet(false)) {
                            closed(file);
                        }
                    }
                });
    }

    /** Whether a statement failed because this connection refuses what it asked for, not because of its SQL. */
    public static boolean refused(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return REFUSALS.stream().anyMatch(message::contains);
    }
}
