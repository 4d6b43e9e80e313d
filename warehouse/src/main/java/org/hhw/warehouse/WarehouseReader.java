package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.duckdb.DuckDBConnection;
import org.hhw.warehouse.lake.Lake;

/**
 * The warehouse read on a connection of its own, for work on a thread beside the writer's: a poll writes its files'
 * receipts two at a time, and DuckDB's JDBC connection is not safe to share between threads. The connection is a
 * duplicate of the writer's (the same database in the same process), so it reads every committed change; it never
 * writes.
 */
public final class WarehouseReader implements AutoCloseable {

    private final Connection connection;
    private final Lake lake;

    WarehouseReader(Connection writer, Lake lake) {
        try {
            this.connection = writer.unwrap(DuckDBConnection.class).duplicate();
        } catch (SQLException e) {
            throw new WarehouseException("cannot open a reader of the warehouse: " + e.getMessage(), e);
        }
        this.lake = lake;
    }

    public Optional<EtlFile> file(int fileKey) {
        return EtlFiles.file(connection, fileKey);
    }

    /** What a file's receipt reads of the warehouse beyond its {@code etl_file} row. */
    public ReceiptFacts receiptFacts() {
        return new ReceiptFacts(connection, lake);
    }

    public Lake lake() {
        return lake;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new WarehouseException("cannot close a reader of the warehouse: " + e.getMessage(), e);
        }
    }
}
