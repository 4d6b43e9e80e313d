package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hhw.sources.clean.CodeList;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Township;
import org.hhw.sources.clean.Village;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.Contracts;
import org.hhw.sources.contract.FieldType;
import org.hhw.sources.contract.PolicyRule;
import org.hhw.sources.contract.PolicyRules;
import org.hhw.warehouse.lake.Lake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DuckDB warehouse, held open by its one writer. Every load of a file is one transaction
 * (a reader of the published copy never sees half a file) and is idempotent by file key, so a
 * load redone after a crash changes nothing twice.
 */
public final class Warehouse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

    /** etl_file's columns, in the order of {@link EtlFile}'s components and of its lake manifest. */
    private static final String ETL_FILE_COLUMNS = "file_key, source, file_name, sha256, status, rows_read, "
            + "rows_loaded, rows_rejected, rows_non_data, rows_warned, received_at, loaded_at, duplicate_of, error_code, error, "
            + "sheets_read, sheets_skipped, unknown_columns";

    private final Path file;
    private final Connection connection;
    private final Lake lake;
    private final Models models;

    private Warehouse(Path file, Connection connection, Lake lake, Models models) {
        this.file = file;
        this.connection = connection;
        this.lake = lake;
        this.models = models;
    }

    /**
     * Opens (creating if need be) the warehouse file, applies migrations and seeds reference dimensions.
     *
     * @throws IllegalStateException when the SQL models are inconsistent (see {@link Models})
     */
    public static Warehouse open(Path db, Lake lake, Gazetteer gazetteer, Collection<Contract> contracts) {
        Models models = Models.project();
        try {
            Files.createDirectories(db.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
            FileModes.ownerOnly(db.toAbsolutePath());
            Warehouse w = new Warehouse(db.toAbsolutePath(), c, lake, models);
            w.migrate();
            w.seed(gazetteer, contracts);
            return w;
        } catch (SQLException e) {
            throw new WarehouseException("cannot open the warehouse " + db + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public Lake lake() {
        return lake;
    }

    private void migrate() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("create table if not exists etl_migration (name varchar primary key, applied_at timestamp)");
        }
        for (String script : SqlResources.list("migrations")) {
            boolean applied;
            try (PreparedStatement ps = connection.prepareStatement("select 1 from etl_migration where name = ?")) {
                ps.setString(1, script);
                try (ResultSet rs = ps.executeQuery()) {
                    applied = rs.next();
                }
            }
            if (!applied) {
                inTransaction(() -> {
                    SqlScript.resource(script).execute(connection, Map.of());
                    try (PreparedStatement ps = connection.prepareStatement(
                            "insert into etl_migration (name, applied_at) values (?, current_timestamp)")) {
                        ps.setString(1, script);
                        ps.executeUpdate();
                    }
                });
            }
        }
    }

    private void seed(Gazetteer gazetteer, Collection<Contract> contracts) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement t = connection.prepareStatement(
                    "insert into dim_township (township_key, township, aliases) values (?, ?, ?) "
                            + "on conflict (township_key) do update set township = excluded.township, "
                            + "aliases = excluded.aliases");
                 PreparedStatement v = connection.prepareStatement(
                         "insert into dim_village (village_key, township_key, township, village, aliases) "
                                 + "values (?, ?, ?, ?, ?) on conflict (village_key) do update set "
                                 + "township_key = excluded.township_key, township = excluded.township, "
                                 + "village = excluded.village, aliases = excluded.aliases")) {
                for (Township township : gazetteer.townships()) {
                    t.setInt(1, township.code());
                    t.setString(2, township.name());
                    t.setString(3, String.join("|", gazetteer.aliases(township)));
                    t.executeUpdate();
                }
                for (Village village : gazetteer.villages()) {
                    v.setInt(1, village.code());
                    v.setInt(2, village.township().code());
                    v.setString(3, village.township().name());
                    v.setString(4, village.name());
                    v.setString(5, String.join("|", gazetteer.aliases(village)));
                    v.executeUpdate();
                }
            }
            try (PreparedStatement c = connection.prepareStatement(
                    "insert or replace into dim_code (domain, code, label_zh) values (?, ?, ?)")) {
                for (Contract contract : contracts) {
                    for (CodeList list : contract.codeLists().values()) {
                        for (CodeList.Entry e : list.entries()) {
                            c.setString(1, list.domain());
                            c.setString(2, e.code());
                            c.setString(3, e.label());
                            c.executeUpdate();
                        }
                    }
                }
            }
            seedProgrammes(contracts);
            seedPolicyRules();
            SqlScript.resource("seed/dim_date.sql").execute(connection, Map.of());
        });
    }

    /** Each department's programmes, from its contract's {@code programme} code list; keys are kept. */
    private void seedProgrammes(Collection<Contract> contracts) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("""
                insert into dim_programme (programme_key, department, code, name_zh)
                select coalesce((select max(programme_key) from dim_programme), 0) + 1, ?, ?, ?
                where not exists (select 1 from dim_programme where department = ? and code = ?)""");
             PreparedStatement rename = connection.prepareStatement(
                     "update dim_programme set name_zh = ? where department = ? and code = ?")) {
            for (Contract contract : contracts) {
                CodeList programmes = contract.codeLists().get("programme");
                if (programmes == null) {
                    continue;
                }
                for (CodeList.Entry e : programmes.entries()) {
                    p.setString(1, contract.source());
                    p.setString(2, e.code());
                    p.setString(3, e.label());
                    p.setString(4, contract.source());
                    p.setString(5, e.code());
                    p.executeUpdate();
                    rename.setString(1, e.label());
                    rename.setString(2, contract.source());
                    rename.setString(3, e.code());
                    rename.executeUpdate();
                }
            }
        }
    }

    /** The policy standards and caps, from {@code /rules/policy_rules.csv} of the sources: data, never code. */
    private void seedPolicyRules() throws SQLException {
        try (Statement st = connection.createStatement();
             PreparedStatement ps = connection.prepareStatement("insert into ref_policy_rule "
                     + "(rule, value, unit, valid_from, valid_to, applies_to, source) values (?, ?, ?, ?, ?, ?, ?)")) {
            st.execute("delete from ref_policy_rule");
            for (PolicyRule r : PolicyRules.bundled().all()) {
                ps.setString(1, r.rule());
                ps.setBigDecimal(2, r.value());
                ps.setString(3, r.unit());
                ps.setObject(4, r.validFrom());
                ps.setObject(5, r.validTo());
                ps.setString(6, r.appliesTo());
                ps.setString(7, r.source());
                ps.executeUpdate();
            }
        }
    }

    /** The file that loaded this content, if any. */
    public Optional<EtlFile> loadedWithSha(String sha256) {
        return files("where sha256 = ? and status = 'LOADED' order by file_key limit 1", sha256).stream().findFirst();
    }

    /** A registration of this very file left RUNNING by an attempt that did not finish. */
    public Optional<EtlFile> unfinished(String sha256, String fileName) {
        return files("where sha256 = ? and file_name = ? and status = 'RUNNING' order by file_key limit 1",
                sha256, fileName).stream().findFirst();
    }

    public Optional<EtlFile> file(int fileKey) {
        return files("where file_key = ?", fileKey).stream().findFirst();
    }

    public List<EtlFile> recentFiles(int limit) {
        return files("order by file_key desc limit ?", limit);
    }

    /**
     * Records a file received, status RUNNING, and returns its key. A key is never given twice:
     * it is above every key the warehouse and the lake have seen, and the file claims its lake
     * partition before its row is written, so even a warehouse that lost its log hands out a new one.
     */
    public int register(String source, String fileName, String sha256, LocalDateTime receivedAt) {
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
    public void restoreRegistration(String source, int fileKey) {
        if (file(fileKey).isPresent()) {
            return;
        }
        Lake.Claim claim = lake.claimOf(source, fileKey).orElseThrow(() -> new WarehouseException("no etl_file "
                + fileKey + " in the warehouse and no claim of it in the lake " + lake.loadDir(source, fileKey), null));
        log.warn("etl_file {} was missing from the warehouse (its log lost the commit); restored from the lake", fileKey);
        insertRegistration(fileKey, source, claim.fileName(), claim.sha256(), claim.receivedAt());
    }

    /**
     * The files the lake records as dealt with (their manifest is written) that the warehouse does not
     * have in a final state: the warehouse is behind its lake, and loading more would build on a hole.
     */
    public List<Integer> behindLake() {
        Set<Integer> finished = files("where status <> ?", EtlFile.RUNNING).stream().map(EtlFile::fileKey)
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
        inTransaction(() -> {
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
    public void markDuplicate(int fileKey, int duplicateOf) {
        update(fileKey, "status = 'DUPLICATE', duplicate_of = ?, loaded_at = ?, rows_read = 0, rows_loaded = 0, "
                + "rows_rejected = 0, rows_non_data = 0, rows_warned = 0", duplicateOf, Timestamp.valueOf(LocalDateTime.now()));
    }

    /** Records a file that could not be used at all, with why. */
    public void markRejected(int fileKey, String errorCode, String error) {
        update(fileKey, "status = 'REJECTED', error_code = ?, error = ?, loaded_at = ?, rows_read = 0, rows_loaded = 0, "
                + "rows_rejected = 0, rows_non_data = 0, rows_warned = 0", errorCode, error,
                Timestamp.valueOf(LocalDateTime.now()));
    }

    private void update(int fileKey, String set, Object... values) {
        inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement("update etl_file set " + set + " where file_key = ?")) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.setInt(values.length + 1, fileKey);
                ps.executeUpdate();
            }
        });
        writeManifest(fileKey);
    }

    /**
     * Loads a file's lake parts into the warehouse in one transaction. A file already LOADED is
     * left as it is (a load redone after a crash).
     */
    public void load(Contract contract, int fileKey, SheetSummary sheets) {
        EtlFile file = file(fileKey).orElseThrow(() -> new WarehouseException("no etl_file " + fileKey, null));
        if (!EtlFile.LOADED.equals(file.status())) {
            lake.ensureParts(contract.source(), fileKey, contract);
            replay(contract, fileKey, () -> {
                try (PreparedStatement ps = connection.prepareStatement("update etl_file set sheets_read = ?, "
                        + "sheets_skipped = ?, unknown_columns = ?, loaded_at = ? where file_key = ?")) {
                    ps.setString(1, sheets.sheetsRead());
                    ps.setString(2, sheets.sheetsSkipped());
                    ps.setString(3, sheets.unknownColumns());
                    ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
                    ps.setInt(5, fileKey);
                    ps.executeUpdate();
                }
            });
        }
        writeManifest(fileKey);
    }

    /**
     * The SQL of one load: shared staging, the source's own models, shared accounting. Each script's
     * preparation runs first, outside any transaction (it only makes temporary tables and views);
     * then {@code firstWrite} and every script's writes run in one transaction.
     */
    private void replay(Contract contract, int fileKey, SqlWork firstWrite) {
        Map<String, String> values = new HashMap<>();
        String source = contract.source();
        values.put("file_key", Integer.toString(fileKey));
        values.put("rows", lake.glob(source, fileKey, Lake.Part.ROWS));
        values.put("rejects", lake.glob(source, fileKey, Lake.Part.REJECTS));
        values.put("warnings", lake.glob(source, fileKey, Lake.Part.WARNINGS));
        values.put("non_data", lake.glob(source, fileKey, Lake.Part.NON_DATA));
        Contract.Fact fact = contract.fact();
        values.put("natural_key", fact != null && fact.naturalKeySql() != null ? fact.naturalKeySql()
                : String.join(", ", naturalKeyColumns(contract)));
        values.put("key_label", fact != null && fact.naturalKeyLabel() != null ? fact.naturalKeyLabel()
                : contract.naturalKey().stream().map(k -> contract.field(k).label()).collect(Collectors.joining("、")));
        values.put("valid_from", "(select received_at from etl_file where file_key = " + fileKey + ")");
        List<SqlScript> scripts = new ArrayList<>();
        scripts.add(SqlScript.resource("load/stage.sql"));
        if (fact != null) {
            values.put("fact_table", fact.table());
            values.put("event_date", fact.eventDate());
            scripts.add(SqlScript.resource("load/link_persons.sql"));
            scripts.add(SqlScript.resource("load/supersede.sql"));
        }
        scripts.add(SqlScript.resource("load/" + source + ".sql"));
        scripts.add(SqlScript.resource("load/finish.sql"));
        try {
            for (SqlScript script : scripts) {
                script.preparation().execute(connection, values);
            }
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
        inTransaction(() -> {
            firstWrite.run();
            for (SqlScript script : scripts) {
                script.writes().execute(connection, values);
            }
        });
    }

    private static List<String> naturalKeyColumns(Contract contract) {
        return contract.naturalKey().stream()
                .map(k -> contract.field(k).type() == FieldType.RESIDENT_ID ? "person_id_hash" : k)
                .toList();
    }

    /** Writes the file's etl_file row into the lake, where a rebuild finds it. */
    private void writeManifest(int fileKey) {
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

    /**
     * Rebuilds every model ({@code sql/intermediate} and {@code sql/marts}, in dependency order, each
     * replacing its view or table; see {@link Models}) in one transaction, so a published copy never
     * holds marts of two different states.
     */
    public void buildMarts() {
        inTransaction(() -> models.build(connection));
    }

    /**
     * Runs every data test and every data warning as of today ({@code current_date}); see
     * {@link #runDataTests(LocalDate)}.
     */
    public List<DataTestFailure> runDataTests() {
        return runDataTests("current_date");
    }

    /**
     * Runs every data test (those of {@code sql/tests} and the generic tests the YAML declares) and
     * every data warning ({@code sql/warnings}) and records what returned rows in {@code etl_data_test}
     * and {@code etl_data_warning} (what {@code hhw status} shows). Only the data tests' failures are
     * returned: a warning never fails a run.
     *
     * @param today the day the warnings count back from (a department silent for 35 days)
     */
    public List<DataTestFailure> runDataTests(LocalDate today) {
        return runDataTests(dateLiteral(today));
    }

    private List<DataTestFailure> runDataTests(String today) {
        Map<String, String> values = Map.of("lake", lake.root().toAbsolutePath().toString().replace("'", "''"),
                "today", today);
        DataTests tests = new DataTests(connection, models, values,
                !files("where status = ? limit 1", EtlFile.LOADED).isEmpty());
        List<DataTestFailure> failures = tests.failures();
        List<DataTestFailure> warnings = tests.warnings();
        for (DataTestFailure w : warnings) {
            log.warn("data warning {} returned {} rows, e.g. {}", w.test(), w.rows(), w.sample());
        }
        inTransaction(() -> {
            DataTests.record(connection, "etl_data_test", "test", failures);
            DataTests.record(connection, "etl_data_warning", "warning", warnings);
        });
        return failures;
    }

    private static String dateLiteral(LocalDate day) {
        return "date '" + day + "'";
    }

    /**
     * The publish gate, the one way to the analysts' copy: rebuilds the marts, runs the data tests
     * and warnings as of today ({@code current_date}), and publishes only when no data test fails.
     * See {@link #publishIfTestsPass(Path, String, LocalDate)}.
     */
    public List<DataTestFailure> publishIfTestsPass(Path target, String readerGroup) {
        return publishIfTestsPass(target, readerGroup, "current_date");
    }

    /**
     * The publish gate as of {@code today} (the day the warnings count back from): marts, then data
     * tests (their failures recorded in {@code etl_data_test}, as {@link #runDataTests(LocalDate)}),
     * then the copy, or nothing: a state that fails its own tests never reaches analysts, whichever
     * path (a load, a duplicate, an unusable file, a rebuild) asked for it.
     *
     * @return the failing data tests; empty when the copy was published, else it is left as it was
     */
    public List<DataTestFailure> publishIfTestsPass(Path target, String readerGroup, LocalDate today) {
        return publishIfTestsPass(target, readerGroup, dateLiteral(today));
    }

    private List<DataTestFailure> publishIfTestsPass(Path target, String readerGroup, String today) {
        buildMarts();
        List<DataTestFailure> failures = runDataTests(today);
        if (failures.isEmpty()) {
            copyTo(target, readerGroup);
        }
        return failures;
    }

    /**
     * Copies a consistent state for analysts: DuckDB lets one process write or many read, so
     * readers open this copy, which is replaced atomically (a reader holding the old one keeps it).
     *
     * <p>The copy is the warehouse file itself, checkpointed: with every committed change written
     * into it, none left in its log, and this connection its only writer, the file is a consistent
     * database. Copying it takes a fraction of a second, where exporting into a fresh database took
     * seconds for every million rows. The copy is readable by {@code readerGroup} (null: its owner
     * only) before it takes the published name, so it is never visible with other permissions.
     */
    private void copyTo(Path target, String readerGroup) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("checkpoint");
            }
            Path log = file.resolveSibling(file.getFileName() + ".wal");
            if (Files.exists(log) && Files.size(log) > 0) {
                throw new WarehouseException("cannot publish the analytics copy " + target + ": the checkpoint left "
                        + "changes in " + log, null);
            }
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            FileModes.share(tmp, "rw-r-----", readerGroup);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            throw new WarehouseException("cannot publish the analytics copy " + target + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Recreates a warehouse from the lake alone into {@code target} (which must not exist yet),
     * replaying the loaded files in the order they were loaded. That is not always key order: a
     * file whose load failed keeps its key and may load after files received later.
     */
    public static void rebuild(Lake lake, Path target, Gazetteer gazetteer, Collection<Contract> contracts) {
        try (Warehouse w = open(target, lake, gazetteer, contracts)) {
            w.inTransaction(() -> {
                try (Statement st = w.connection.createStatement()) {
                    for (Lake.Manifest m : lake.manifests()) {
                        st.execute("insert into etl_file (" + ETL_FILE_COLUMNS + ") select " + ETL_FILE_COLUMNS
                                + " from read_parquet('"
                                + m.file().toString().replace("'", "''") + "')");
                    }
                }
            });
            for (EtlFile f : w.files("where status = ? order by loaded_at, file_key", EtlFile.LOADED)) {
                w.replay(Contracts.load(f.source()), f.fileKey(), () -> { });
            }
        }
    }

    private List<EtlFile> files(String where, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(
                "select " + ETL_FILE_COLUMNS + " from etl_file " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<EtlFile> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EtlFile(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), (Long) rs.getObject(6), (Long) rs.getObject(7), (Long) rs.getObject(8),
                            (Long) rs.getObject(9), (Long) rs.getObject(10), toLocal(rs.getTimestamp(11)),
                            toLocal(rs.getTimestamp(12)), (Integer) rs.getObject(13), rs.getString(14),
                            rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18)));
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

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    /**
     * Runs work in one transaction. When it fails, the rollback and the return to auto-commit are
     * tried but may fail too (after a write failed for a full disk DuckDB has no transaction left to
     * roll back): the work's own failure is the one reported, a full disk named as such.
     */
    private void inTransaction(SqlWork work) {
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
