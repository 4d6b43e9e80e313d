package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hhw.warehouse.lake.Lake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish gate, the one way to the analysts' copy: the marts ({@link Models}), the data tests and
 * warnings ({@link DataTests}), and the copy only when no data test fails.
 */
final class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private final Writer writer;
    private final Connection connection;
    private final Lake lake;
    private final Models models;
    private final EtlFiles files;

    Publisher(Writer writer, Lake lake, Models models, EtlFiles files) {
        this.writer = writer;
        this.connection = writer.connection();
        this.lake = lake;
        this.models = models;
        this.files = files;
    }

    /**
     * Brings the models up to date for what the loads changed, or builds them whole ({@link ModelBuild}), in one
     * transaction, so a published copy never holds marts of two different states.
     */
    ModelBuild.Outcome buildMarts() {
        try (HouseholdScope scope = pendingScope()) {
            return buildMarts(scope);
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
    }

    private HouseholdScope pendingScope() {
        try {
            return HouseholdScope.pending(connection);
        } catch (SQLException e) {
            throw new WarehouseException("cannot find what the loads changed: " + e.getMessage(), e);
        }
    }

    private ModelBuild.Outcome buildMarts(HouseholdScope scope) {
        ModelBuild.Outcome[] outcome = new ModelBuild.Outcome[1];
        writer.inTransaction(() -> outcome[0] = new ModelBuild(connection, models).run(scope));
        log.info(
                "models {} in {} ms{}",
                outcome[0].kind(),
                outcome[0].millis(),
                (outcome[0].kind().equals(ModelBuild.Outcome.UPDATE)
                                ? " for " + outcome[0].households() + " households (closing the scope and shadowing "
                                        + scope.millis() + " ms)"
                                        + (outcome[0].builtWhole().isEmpty()
                                                ? ""
                                                : ", whole: " + outcome[0].builtWhole())
                                : "")
                        + (outcome[0].millisByModel().isEmpty()
                                ? ""
                                : "; slowest: "
                                        + outcome[0].millisByModel().entrySet().stream()
                                                .limit(4)
                                                .map(e -> e.getKey() + " " + e.getValue() + " ms")
                                                .collect(Collectors.joining(", "))));
        return outcome[0];
    }

    /** Builds every model whole from every fact, whatever changed (what the benchmark times). */
    void buildMartsWhole() {
        writer.inTransaction(() -> new ModelBuild(connection, models).whole());
    }

    /** The models that differ from a whole build; see {@link ModelBuild#differencesFromWhole}. */
    Map<String, Long> differencesFromWholeBuild() {
        try {
            return new ModelBuild(connection, models).differencesFromWhole();
        } catch (SQLException e) {
            throw new WarehouseException("cannot compare the models with a whole build: " + e.getMessage(), e);
        }
    }

    /**
     * Runs every data test and every data warning as of today ({@code current_date}); see
     * {@link #runDataTests(LocalDate)}.
     */
    List<DataTestFailure> runDataTests() {
        return runDataTests("current_date", null);
    }

    /**
     * Runs every data test (those of {@code sql/tests} and the generic tests the YAML declares) and
     * every data warning ({@code sql/warnings}) and records what returned rows in {@code etl_data_test}
     * and {@code etl_data_warning} (what {@code hhw status} shows). Only the data tests' failures are
     * returned: a warning never fails a run.
     *
     * @param today the day the warnings count back from (a department silent for 35 days)
     */
    List<DataTestFailure> runDataTests(LocalDate today) {
        return runDataTests(dateLiteral(today), null);
    }

    /**
     * Runs the data tests (over {@code scope}'s rows where a test allows; see {@link DataTests#failures(HouseholdScope)};
     * over everything when null) and every data warning, and records what returned rows.
     */
    private List<DataTestFailure> runDataTests(String today, HouseholdScope scope) {
        Map<String, String> values =
                Map.of("lake", lake.root().toAbsolutePath().toString().replace("'", "''"), "today", today);
        DataTests tests = new DataTests(connection, models, values, files.anyLoaded());
        List<DataTestFailure> failures;
        try {
            failures = tests.failures(scope);
        } catch (SQLException e) {
            throw new WarehouseException("cannot run the data tests: " + e.getMessage(), e);
        }
        List<DataTestFailure> warnings = tests.warnings();
        for (DataTestFailure w : warnings) {
            log.warn("data warning {} returned {} rows, e.g. {}", w.test(), w.rows(), w.sample());
        }
        writer.inTransaction(() -> {
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
    List<DataTestFailure> publishIfTestsPass(Path target, String readerGroup) {
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
    List<DataTestFailure> publishIfTestsPass(Path target, String readerGroup, LocalDate today) {
        return publishIfTestsPass(target, readerGroup, dateLiteral(today));
    }

    /**
     * The models brought up to date, then the data tests over what the loads changed, then the copy. Every test runs
     * over everything after a whole build, and after a gate that found a failure: what failed then may lie outside what
     * the loads since have changed, and must pass before anything is published.
     */
    private List<DataTestFailure> publishIfTestsPass(Path target, String readerGroup, String today) {
        try (HouseholdScope scope = pendingScope()) {
            long start = System.nanoTime();
            boolean failedBefore = failedBefore();
            ModelBuild.Outcome built = buildMarts(scope);
            long modelsDone = System.nanoTime();
            boolean whole = failedBefore || built.kind().equals(ModelBuild.Outcome.WHOLE);
            List<DataTestFailure> failures = runDataTests(today, whole ? null : scope);
            long testsDone = System.nanoTime();
            if (failures.isEmpty()) {
                copyTo(target, readerGroup);
            }
            log.info(
                    "publish gate: models {} ms, data tests {} ms, the copy {} ms",
                    (modelsDone - start) / 1_000_000,
                    (testsDone - modelsDone) / 1_000_000,
                    (System.nanoTime() - testsDone) / 1_000_000);
            return failures;
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
    }

    /** Whether the last data tests run on the warehouse (a publish gate's) recorded a failure. */
    private boolean failedBefore() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from etl_data_test")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /**
     * Publishes a consistent state for analysts: DuckDB lets one process write or many read, so readers open a copy,
     * which is replaced atomically (a reader holding the old one keeps it).
     *
     * <p>The copy is the warehouse file itself, checkpointed: with every committed change written into it, none left
     * in its log, and this connection its only writer, the file is a consistent database. Its blocks that changed are
     * written into the copy published before the last ({@link PublishedCopy}), where exporting into a fresh database
     * took seconds for every million rows and copying the whole file wrote the whole county to disk at every publish.
     * The copy is readable by {@code readerGroup} (null: its owner only) before it takes the published name, so it is
     * never visible with other permissions.
     */
    private void copyTo(Path target, String readerGroup) {
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("checkpoint");
            }
            Path file = writer.file();
            Path wal = file.resolveSibling(file.getFileName() + ".wal");
            if (Files.exists(wal) && Files.size(wal) > 0) {
                throw new WarehouseException(
                        "cannot publish the analytics copy " + target + ": the checkpoint left " + "changes in " + wal,
                        null);
            }
            PublishedCopy.Written written = new PublishedCopy(file, target).publish(readerGroup);
            log.info("published copy: {} MB written of {} MB", written.written() >> 20, written.bytes() >> 20);
        } catch (SQLException e) {
            throw new WarehouseException("cannot publish the analytics copy " + target + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
