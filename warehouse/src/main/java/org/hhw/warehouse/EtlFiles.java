package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hhw.warehouse.lake.Lake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code etl_file} log: one row per file received, its status and row accounting. Each change
 * of a file's row is also written into the lake as the file's manifest, which a rebuild reads back.
 */
final class EtlFiles {

    private static final Logger log = LoggerFactory.getLogger(EtlFiles.class);

    /** etl_file's columns, in the order of {@link EtlFile}'s components and of its lake manifest. */
    private static final String ETL_FILE_COLUMNS = "file_key, source, file_name, sha256, status, rows_read, "
            + "rows_loaded, rows_rejected, rows_non_data, rows_warned, received_at, loaded_at, duplicate_of, error_code, error, "
            + "sheets_read, sheets_skipped, unknown_columns";

    private final Writer writer;
    private final Connection connection;
    private final Lake lake;

    EtlFiles(Writer writer, Lake lake) {
        this.writer = writer;
        this.connection = writer.connection();
        this.lake = lake;
    }

    /** The file that loaded this content, if any. */
    Optional<EtlFile> loadedWithSha(String sha256) {
        return first(files("where sha256 = ? and status = 'LOADED'", sha256));
    }

    /** A registration of this very file left RUNNING by an attempt that did not finish. */
    Optional<EtlFile> unfinished(String sha256, String fileName) {
        return first(files("where sha256 = ? and file_name = ? and status = 'RUNNING'", sha256, fileName));
    }

    /**
     * The earliest of a few files. Picked here rather than by {@code order by file_key limit 1}: DuckDB's top-n took
     * twice as long as the lookup itself (1.5 ms against 0.6), and every file of a poll asks two such questions.
     */
    private static Optional<EtlFile> first(List<EtlFile> files) {
        return files.stream().min(Comparator.comparingInt(EtlFile::fileKey));
    }

    Optional<EtlFile> file(int fileKey) {
        return file(connection, fileKey);
    }

    /** A file's row, read on any connection to the warehouse (a {@link WarehouseReader}'s too). */
    static Optional<EtlFile> file(Connection connection, int fileKey) {
        return files(connection, "where file_key = ?", fileKey).stream().findFirst();
    }

    List<EtlFile> recentFiles(int limit) {
        return files("order by file_key desc limit ?", limit);
    }

    /**
     * Records a file received, status RUNNING, and returns its key. A key is never given twice:
     * it is above every key the warehouse and the lake have seen, and the file claims its lake
     * partition before its row is written, so even a warehouse that lost its log hands out a new one.
     */
    int register(String source, String fileName, String sha256, LocalDateTime receivedAt) {
        int key = Math.max(lake.maxFileKey(), maxFileKey()) + 1;
        while (!lake.claim(source, key, new Lake.Claim(sha256, fileName, receivedAt))) {
            key++;
        }
        insertRegistration(key, source, fileName, sha256, receivedAt);
        return key;
    }

    /**
     * Makes sure a file's registration is in the warehouse, restoring it from its lake claim when the
     * warehouse lost it (a truncated or deleted log loses the last commits): the run that registered
     * the file then goes on instead of failing for ever on a key the warehouse does not know.
     */
    void restoreRegistration(String source, int fileKey) {
        if (file(fileKey).isPresent()) {
            return;
        }
        Lake.Claim claim = lake.claimOf(source, fileKey)
                .orElseThrow(() -> new WarehouseException(
                        "no etl_file " + fileKey + " in the warehouse and no claim of it in the lake "
                                + lake.loadDir(source, fileKey),
                        null));
        log.warn(
                "etl_file {} was missing from the warehouse (its log lost the commit); restored from the lake",
                fileKey);
        insertRegistration(fileKey, source, claim.fileName(), claim.sha256(), claim.receivedAt());
    }

    /**
     * The files the lake records as dealt with (their manifest is written) that the warehouse does not
     * have in a final state: the warehouse is behind its lake, and loading more would build on a hole.
     */
    List<Integer> behindLake() {
        Set<Integer> finished = files("where status <> ?", EtlFile.RUNNING).stream()
                .map(EtlFile::fileKey)
                .collect(Collectors.toSet());
        return lake.manifestKeys().stream().filter(k -> !finished.contains(k)).toList();
    }

    private int maxFileKey() {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select coalesce(max(file_key), 0) from etl_file")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new WarehouseException("cannot read etl_file: " + e.getMessage(), e);
        }
    }

    private void insertRegistration(int key, String source, String fileName, String sha256, LocalDateTime receivedAt) {
        writer.inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "insert into etl_file (file_key, source, file_name, sha256, status, received_at) "
                            + "values (?, ?, ?, ?, 'RUNNING', ?)")) {
                ps.setInt(1, key);
                ps.setString(2, source);
                ps.setString(3, fileName);
                ps.setString(4, sha256);
                ps.setTimestamp(5, Timestamp.valueOf(receivedAt));
                ps.executeUpdate();
            }
        });
    }

    /** Records a file whose content was loaded before: nothing of it is loaded again. */
    void markDuplicate(int fileKey, int duplicateOf) {
        update(
                fileKey,
                "status = 'DUPLICATE', duplicate_of = ?, loaded_at = ?, rows_read = 0, rows_loaded = 0, "
                        + "rows_rejected = 0, rows_non_data = 0, rows_warned = 0",
                duplicateOf,
                Timestamp.valueOf(LocalDateTime.now()));
    }

    /** Records a file that could not be used at all, with why. */
    void markRejected(int fileKey, String errorCode, String error) {
        update(
                fileKey,
                "status = 'REJECTED', error_code = ?, error = ?, loaded_at = ?, rows_read = 0, rows_loaded = 0, "
                        + "rows_rejected = 0, rows_non_data = 0, rows_warned = 0",
                errorCode,
                error,
                Timestamp.valueOf(LocalDateTime.now()));
    }

    private void update(int fileKey, String set, Object... values) {
        writer.inTransaction(() -> {
            try (PreparedStatement ps =
                    connection.prepareStatement("update etl_file set " + set + " where file_key = ?")) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.setInt(values.length + 1, fileKey);
                ps.executeUpdate();
            }
            // a duplicate or an unusable file loads nothing, yet counts in its month of receipt
            try (PreparedStatement ps =
                    connection.prepareStatement("insert into etl_change (file_key, household_id) values (?, null)")) {
                ps.setInt(1, fileKey);
                ps.executeUpdate();
            }
        });
        writeManifest(fileKey);
    }

    /**
     * Records the sheets a file's load read and skipped and the columns it did not know, and when it
     * was loaded: the first write of the load's transaction.
     */
    void recordSheets(int fileKey, SheetSummary sheets) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("update etl_file set sheets_read = ?, "
                + "sheets_skipped = ?, unknown_columns = ?, loaded_at = ? where file_key = ?")) {
            ps.setString(1, sheets.sheetsRead());
            ps.setString(2, sheets.sheetsSkipped());
            ps.setString(3, sheets.unknownColumns());
            ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
            ps.setInt(5, fileKey);
            ps.executeUpdate();
        }
    }

    /** Whether any file was loaded (the lake's data tests have nothing to read before). */
    boolean anyLoaded() {
        return !files("where status = ? limit 1", EtlFile.LOADED).isEmpty();
    }

    /** The loaded files in the order they were loaded, which is not always key order (see {@link Rebuild}). */
    List<EtlFile> loadedInLoadOrder() {
        return files("where status = ? order by loaded_at, file_key", EtlFile.LOADED);
    }

    /** Restores every file's row from its lake manifest, in one transaction: a rebuild's first step. */
    void restoreFromManifests() {
        writer.inTransaction(() -> {
            try (Statement st = connection.createStatement()) {
                for (Lake.Manifest m : lake.manifests()) {
                    st.execute("insert into etl_file (" + ETL_FILE_COLUMNS + ") select " + ETL_FILE_COLUMNS
                            + " from read_parquet('"
                            + m.file().toString().replace("'", "''") + "')");
                }
            }
        });
    }

    /** Writes the file's etl_file row into the lake, where a rebuild finds it. */
    void writeManifest(int fileKey) {
        EtlFile file = file(fileKey).orElseThrow();
        Path target = lake.manifest(file.source(), fileKey);
        Path tmp = target.resolveSibling("file.parquet.tmp");
        try {
            Files.createDirectories(target.getParent());
            try (Statement st = connection.createStatement()) {
                st.execute("copy (select * from etl_file where file_key = " + fileKey + ") to '"
                        + tmp.toString().replace("'", "''") + "' (format parquet)");
            }
            FileModes.ownerOnly(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            throw new WarehouseException("cannot write the lake manifest of file " + fileKey, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<EtlFile> files(String where, Object... params) {
        return files(connection, where, params);
    }

    private static List<EtlFile> files(Connection connection, String where, Object... params) {
        try (PreparedStatement ps =
                connection.prepareStatement("select " + ETL_FILE_COLUMNS + " from etl_file " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<EtlFile> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EtlFile(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            (Long) rs.getObject(6),
                            (Long) rs.getObject(7),
                            (Long) rs.getObject(8),
                            (Long) rs.getObject(9),
                            (Long) rs.getObject(10),
                            toLocal(rs.getTimestamp(11)),
                            toLocal(rs.getTimestamp(12)),
                            (Integer) rs.getObject(13),
                            rs.getString(14),
                            rs.getString(15),
                            rs.getString(16),
                            rs.getString(17),
                            rs.getString(18)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new WarehouseException("cannot read etl_file: " + e.getMessage(), e);
        }
    }

    private static LocalDateTime toLocal(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
