package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.warehouse.lake.Lake;

/**
 * The DuckDB warehouse, held open by its one writer. Every load of a file (or of several files of one
 * department together) is one transaction (a reader of the published copy never sees half a file) and is
 * idempotent by file key, so a load redone after a crash changes nothing twice.
 *
 * <p>This class owns the writer connection ({@link Writer}, never handed out) and wires the parts,
 * each with one job, that share it:
 * <ul>
 *   <li>{@link Migrations}: the schema ({@code sql/migrations}) and the reference data, at open;
 *   <li>{@link EtlFiles}: the {@code etl_file} log (register, duplicate, rejected, lookups) and its
 *       lake manifests;
 *   <li>{@link Loads}: files' lake parts into the warehouse ({@code sql/load});
 *   <li>{@link Publisher}: marts ({@link Models}), data tests ({@link DataTests}), then the copy;
 *   <li>{@link Rebuild}: a warehouse from the lake alone.
 * </ul>
 * Its methods take turns on the writer connection (DuckDB's JDBC connection is not safe to share between threads);
 * work on other threads that only reads, a poll's receipts, reads through a {@link WarehouseReader} of its own.
 */
public final class Warehouse implements AutoCloseable {

    private final Writer writer;
    private final Lake lake;
    private final EtlFiles files;
    private final Loads loads;
    private final Publisher publisher;

    private Warehouse(Writer writer, Lake lake, Models models) {
        this.writer = writer;
        this.lake = lake;
        this.files = new EtlFiles(writer, lake);
        this.loads = new Loads(writer, lake, files);
        this.publisher = new Publisher(writer, lake, models, files);
    }

    /**
     * Opens (creating if need be) the warehouse file, applies migrations and seeds reference dimensions.
     *
     * @throws IllegalStateException when the SQL models are inconsistent (see {@link Models})
     */
    public static Warehouse open(Path db, Lake lake, Gazetteer gazetteer, ContractRegistry contracts) {
        Models models = Models.project();
        try {
            Files.createDirectories(db.toAbsolutePath().getParent());
            Writer writer = Writer.open(db.toAbsolutePath());
            FileModes.ownerOnly(db.toAbsolutePath());
            Warehouse w = new Warehouse(writer, lake, models);
            Migrations migrations = new Migrations(writer);
            migrations.migrate();
            migrations.seed(gazetteer, contracts.all());
            return w;
        } catch (SQLException e) {
            throw new WarehouseException("cannot open the warehouse " + db + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Recreates a warehouse from the lake alone into {@code target} (which must not exist yet); see
     * {@link Rebuild}.
     */
    public static void rebuild(Lake lake, Path target, Gazetteer gazetteer, ContractRegistry contracts) {
        try (Warehouse w = open(target, lake, gazetteer, contracts)) {
            Rebuild.replayLake(w.files, w.loads, contracts);
        }
    }

    /** A reader of the warehouse on a connection of its own, for another thread; see {@link WarehouseReader}. */
    public synchronized WarehouseReader reader() {
        return new WarehouseReader(writer.connection(), lake);
    }

    /**
     * The rows of a bundled query ({@code sql/<name>.sql}, e.g. {@code cli/files_ingested}) on the
     * warehouse as it is now; see {@link QueryResult#bundled}.
     */
    public synchronized QueryResult query(String name, Map<String, String> values) {
        try {
            return QueryResult.bundled(writer.connection(), name, values);
        } catch (SQLException e) {
            throw new WarehouseException("cannot run sql/" + name + ".sql: " + e.getMessage(), e);
        }
    }

    /**
     * The writer connection, for tests only (to read what a run wrote, or to damage it on purpose):
     * the product asks the warehouse for what it needs instead.
     */
    public Connection connectionForTests() {
        return writer.connection();
    }

    public Lake lake() {
        return lake;
    }

    /** The file that loaded this content, if any. */
    public synchronized Optional<EtlFile> loadedWithSha(String sha256) {
        return files.loadedWithSha(sha256);
    }

    /** A registration of this very file left RUNNING by an attempt that did not finish. */
    public synchronized Optional<EtlFile> unfinished(String sha256, String fileName) {
        return files.unfinished(sha256, fileName);
    }

    public synchronized Optional<EtlFile> file(int fileKey) {
        return files.file(fileKey);
    }

    public synchronized List<EtlFile> recentFiles(int limit) {
        return files.recentFiles(limit);
    }

    /** Records a file received, status RUNNING, and returns its key; see {@link EtlFiles#register}. */
    public synchronized int register(String source, String fileName, String sha256, LocalDateTime receivedAt) {
        return files.register(source, fileName, sha256, receivedAt);
    }

    /** Restores a file's registration from its lake claim if the warehouse lost it; see {@link EtlFiles#restoreRegistration}. */
    public synchronized void restoreRegistration(String source, int fileKey) {
        files.restoreRegistration(source, fileKey);
    }

    /** The files the lake records as dealt with that the warehouse does not; see {@link EtlFiles#behindLake}. */
    public synchronized List<Integer> behindLake() {
        return files.behindLake();
    }

    /** Records a file whose content was loaded before: nothing of it is loaded again. */
    public synchronized void markDuplicate(int fileKey, int duplicateOf) {
        files.markDuplicate(fileKey, duplicateOf);
    }

    /** Records a file that could not be used at all, with why. */
    public synchronized void markRejected(int fileKey, String errorCode, String error) {
        files.markRejected(fileKey, errorCode, error);
    }

    /** Loads a file's lake parts in one transaction; a file already LOADED is left as it is. */
    public synchronized void load(Contract contract, int fileKey, SheetSummary sheets) {
        load(List.of(new FileToLoad(contract, fileKey, sheets)));
    }

    /**
     * Loads files' lake parts, one department's files that come one after the other in one pass and one transaction
     * (see {@link Loads}); a file already LOADED is left as it is.
     */
    public synchronized void load(List<FileToLoad> files) {
        loads.load(files);
    }

    /** Rebuilds every model in one transaction; see {@link Publisher#buildMarts}. */
    public synchronized void buildMarts() {
        publisher.buildMarts();
    }

    /** Builds every model whole from every fact, whatever the loads changed: what a new version's first publish does. */
    public synchronized void buildMartsWhole() {
        publisher.buildMartsWhole();
    }

    /**
     * The table models whose rows differ from what building them whole gives, with the number of differing rows; empty
     * when the models brought up to date for each load's changes are right.
     */
    public synchronized Map<String, Long> modelsDifferingFromWholeBuild() {
        return publisher.differencesFromWholeBuild();
    }

    /** Runs and records every data test and warning as of today; see {@link Publisher#runDataTests(LocalDate)}. */
    public synchronized List<DataTestFailure> runDataTests() {
        return publisher.runDataTests();
    }

    /** Runs and records every data test and warning as of {@code today}; returns the failing tests. */
    public synchronized List<DataTestFailure> runDataTests(LocalDate today) {
        return publisher.runDataTests(today);
    }

    /** The publish gate as of today; see {@link Publisher#publishIfTestsPass(Path, String, LocalDate)}. */
    public synchronized List<DataTestFailure> publishIfTestsPass(Path target, String readerGroup) {
        return publisher.publishIfTestsPass(target, readerGroup);
    }

    /**
     * The publish gate as of {@code today}: marts, data tests, then the copy, or nothing.
     *
     * @return the failing data tests; empty when the copy was published, else it is left as it was
     */
    public synchronized List<DataTestFailure> publishIfTestsPass(Path target, String readerGroup, LocalDate today) {
        return publisher.publishIfTestsPass(target, readerGroup, today);
    }

    @Override
    public synchronized void close() {
        writer.close();
    }
}
