package org.hhw.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The warehouse's one DuckDB writer connection and its transactions, shared by the parts of the
 * warehouse ({@link Migrations}, {@link EtlFiles}, {@link Loads}, {@link Publisher}, {@link Rebuild})
 * and never handed outside the package: DuckDB lets one process write, so every write goes through here.
 */
final class Writer implements AutoCloseable {

    private final Path file;
    private final Connection connection;

    private Writer(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static Writer open(Path file) throws SQLException {
        return new Writer(file, DriverManager.getConnection("jdbc:duckdb:" + file));
    }

    /** The warehouse file itself (its log is beside it). */
    Path file() {
        return file;
    }

    Connection connection() {
        return connection;
    }

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    /**
     * Runs work in one transaction. When it fails, the rollback and the return to auto-commit are
     * tried but may fail too (after a write failed for a full disk DuckDB has no transaction left to
     * roll back): the work's own failure is the one reported, a full disk named as such.
     */
    void inTransaction(SqlWork work) {
        try {
            connection.setAutoCommit(false);
            work.run();
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            attempt(connection::rollback, e);
            attempt(() -> connection.setAutoCommit(true), e);
            if (e instanceof RuntimeException r && NoSpace.explain(r, file).isEmpty()) {
                throw r;
            }
            throw new WarehouseException(NoSpace.message(e, file), e);
        }
    }

    private static void attempt(SqlWork cleanup, Exception failure) {
        try {
            cleanup.run();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new WarehouseException("cannot close the warehouse", e);
        }
    }
}
