package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * DuckDB's native library, loaded ahead of need. Its JDBC driver unpacks a 60 MB library to a temporary file and
 * links it at the first connection of a process, some 0.4 s in which a command's start waits; begun on a thread of
 * its own while the Spring context starts on the other core, a short command no longer waits for it.
 */
public final class DuckDbLibrary {

    private DuckDbLibrary() {}

    /**
     * Starts loading the library on a daemon thread and returns at once. A failure is left to the first real
     * connection, which reports it where it matters.
     */
    public static void loadInBackground() {
        Thread loader = new Thread(DuckDbLibrary::load, "duckdb-library");
        loader.setDaemon(true);
        loader.start();
    }

    private static void load() {
        // An in-memory database is opened and closed at once: the public way to make the driver load its library.
        try (Connection ignored = DriverManager.getConnection("jdbc:duckdb:")) {
            // loaded
        } catch (SQLException | RuntimeException | LinkageError e) {
            // the first real connection fails the same way, and says so
        }
    }
}
