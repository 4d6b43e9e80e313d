package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * What opening the warehouse first waits for, loaded ahead of need on a thread of its own while the Spring context
 * starts on the other core: DuckDB's native library (its JDBC driver unpacks a 60 MB library to a temporary file and
 * links it at a process's first connection, some 0.4 s), then the SQL project ({@link Models#project}: its YAML read
 * and its models checked, some 0.3 s).
 */
public final class WarehousePreload {

    private WarehousePreload() {}

    /**
     * Starts loading on a daemon thread and returns at once. A failure is left to the warehouse's opening, which
     * reports it where it matters.
     */
    public static void inBackground() {
        Thread loader = new Thread(WarehousePreload::load, "warehouse-preload");
        loader.setDaemon(true);
        loader.start();
    }

    private static void load() {
        // An in-memory database is opened and closed at once: the public way to make the driver load its library.
        try (Connection ignored = DriverManager.getConnection("jdbc:duckdb:")) {
            Models.project();
        } catch (SQLException | RuntimeException | LinkageError e) {
            // the warehouse's opening fails the same way, and says so
        }
    }
}
