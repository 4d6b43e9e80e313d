package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Pseudonyms;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.sources.contract.Contracts;
import org.hhw.sources.read.ReadLimits;
import org.hhw.sources.read.SpreadsheetFiles;
import org.hhw.sources.table.SheetRow;
import org.hhw.sources.table.TableReader;
import org.hhw.sources.validate.Outcome;
import org.hhw.sources.validate.RowValidator;
import org.hhw.warehouse.intake.Intake;
import org.hhw.warehouse.lake.Lake;
import org.hhw.warehouse.lake.LakeChunkWriter;
import org.hhw.warehouse.lake.ReceiptSpool;

/**
 * A warehouse under a test folder, loaded the way the ingest job loads a file: register it, read
 * and validate its rows, write them to the lake in chunks, load the lake parts, rebuild the marts.
 */
public final class RegistryLoads implements AutoCloseable {

    public static final String SOURCE = "registry";
    /** Small, so that even a tiny file is written as several lake parts. */
    static final int CHUNK_SIZE = 4;

    private static final Pseudonyms PSEUDONYMS = new Pseudonyms(key());

    private final Path home;
    private final Lake lake;
    private final ReceiptSpool spool;
    private final Contract contract = Contracts.load(SOURCE);
    private final Warehouse warehouse;

    public RegistryLoads(Path home) {
        this.home = home;
        this.lake = new Lake(home.resolve("lake"));
        this.spool = new ReceiptSpool(new Home(home).spool());
        this.warehouse = Warehouse.open(home.resolve("warehouse.duckdb"), lake, Gazetteer.bundled(), contracts());
    }

    public static ContractRegistry contracts() {
        return ContractRegistry.bundled();
    }

    public static String personIdHash(String id18) {
        return PSEUDONYMS.personIdHash(id18);
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public Lake lake() {
        return lake;
    }

    public ReceiptSpool spool() {
        return spool;
    }

    public Contract contract() {
        return contract;
    }

    public Path home() {
        return home;
    }

    /** Registers, reads to the lake and loads one registry file; returns its file key. */
    public int load(Path file, LocalDateTime receivedAt) {
        return load(contract, file, receivedAt);
    }

    /** Registers, reads to the lake and loads one file of the given source (a department's); returns its file key. */
    public int load(String source, Path file, LocalDateTime receivedAt) {
        return load(Contracts.load(source), file, receivedAt);
    }

    private int load(Contract contract, Path file, LocalDateTime receivedAt) {
        FileToLoad read = registerAndRead(contract.source(), file, receivedAt);
        warehouse.load(List.of(read));
        warehouse.buildMarts();
        return read.fileKey();
    }

    /** Registers a file of the given source and reads it to the lake, for a load of it (with others, perhaps). */
    public FileToLoad registerAndRead(String source, Path file, LocalDateTime receivedAt) {
        Contract contract = Contracts.load(source);
        int fileKey =
                warehouse.register(contract.source(), file.getFileName().toString(), Intake.sha256(file), receivedAt);
        return new FileToLoad(contract, fileKey, readToLake(contract, file, fileKey));
    }

    public int register(Path file, LocalDateTime receivedAt) {
        return warehouse.register(SOURCE, file.getFileName().toString(), Intake.sha256(file), receivedAt);
    }

    /** Reads the registry file's rows and writes their outcomes to the lake (and spool), part numbers from 1. */
    public SheetSummary readToLake(Path file, int fileKey) {
        return readToLake(contract, file, fileKey);
    }

    private SheetSummary readToLake(Contract contract, Path file, int fileKey) {
        RowValidator validator = new RowValidator(contract, Gazetteer.bundled(), PSEUDONYMS);
        LakeChunkWriter writer = new LakeChunkWriter(lake, spool, contract, fileKey);
        try (TableReader table = new TableReader(SpreadsheetFiles.open(file, ReadLimits.defaults()), contract)) {
            List<Outcome> chunk = new ArrayList<>();
            int partNo = 1;
            SheetRow row;
            while ((row = table.next()) != null) {
                chunk.add(validator.validate(row));
                if (chunk.size() == CHUNK_SIZE) {
                    writer.write(partNo++, chunk);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                writer.write(partNo, chunk);
            }
            return SheetSummary.of(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a query on the warehouse, timestamps as LocalDateTime and dates as LocalDate. */
    public List<List<Object>> rows(String sql) {
        return rows(warehouse.connectionForTests(), sql);
    }

    public static List<List<Object>> rows(Connection connection, String sql) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[md.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = v instanceof Timestamp t
                            ? t.toLocalDateTime()
                            : v instanceof java.sql.Date d ? d.toLocalDate() : v;
                }
                out.add(Arrays.asList(row));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every table of a database, each as its rows rendered in a stable order. */
    public static Map<String, List<String>> contents(Connection connection) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (List<Object> table : rows(
                connection,
                "select table_name from information_schema.tables "
                        + "where table_schema = 'main' and table_type = 'BASE TABLE' order by table_name")) {
            String name = (String) table.get(0);
            // When a migration ran, or when and how the models were built, is the history of that database file, not
            // content.
            String sql = switch (name) {
                case "etl_migration" -> "select name from etl_migration order by all";
                case "etl_model_build" -> "select fingerprint from etl_model_build order by all";
                default -> "select * from " + name + " order by all";
            };
            out.put(name, rows(connection, sql).stream().map(Object::toString).toList());
        }
        return out;
    }

    public static Connection openReadOnly(Path db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), p);
    }

    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Override
    public void close() {
        warehouse.close();
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i + 1);
        }
        return key;
    }
}
