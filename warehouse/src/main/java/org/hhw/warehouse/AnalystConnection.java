package org.hhw.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * Opens the published analytics copy for anyone who should get its data and nothing else: read-only,
 * no files (read_csv, read_text, read_blob, read_parquet, glob, COPY, EXPORT, ATTACH), no extensions
 * installed or loaded, and the configuration locked so that no SET, RESET or PRAGMA can undo any of it.
 * The settings are connection properties, so DuckDB applies them as it opens the database, before any
 * statement runs.
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

    private AnalystConnection() {}

    public static Connection open(Path analyticsDb) throws SQLException {
        Properties config = new Properties();
        config.setProperty("duckdb.read_only", "true");
        config.setProperty("enable_external_access", "false");
        config.setProperty("autoinstall_known_extensions", "false");
        config.setProperty("autoload_known_extensions", "false");
        config.setProperty("lock_configuration", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + analyticsDb.toAbsolutePath(), config);
    }

    /** Whether a statement failed because this connection refuses what it asked for, not because of its SQL. */
    public static boolean refused(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return REFUSALS.stream().anyMatch(message::contains);
    }
}
