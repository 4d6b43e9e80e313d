package org.hhw.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The full check of the published copy: every data test over every row, and every incremental model against what
 * building it whole gives. A publish tests only the rows of the households its loads changed and brings the models up
 * to date for them alone; this is what finds a row gone wrong elsewhere, or an update that went astray. It runs
 * nightly in the service and on demand ({@code hhw check}), read-only on the copy analysts read (the writer's file is
 * the service's alone while it runs), so it never stops a load.
 */
public final class FullCheck {

    /**
     * What a check found.
     *
     * @param failures the data tests that returned rows, then each incremental model that differs from a whole build
     *        (named {@code models/<model> equals a whole build}, its rows the rows in one and not the other)
     * @param warnings the data warnings that returned rows
     */
    public record Result(List<DataTestFailure> failures, List<DataTestFailure> warnings, long millis) {

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private FullCheck() {}

    /** Checks the copy at {@code analyticsDb} as of {@code today}, reading the lake at {@code lakeRoot}. */
    public static Result run(Path analyticsDb, Path lakeRoot, LocalDate today) {
        long start = System.nanoTime();
        Properties config = new Properties();
        config.setProperty("duckdb.read_only", "true");
        try (Connection connection =
                DriverManager.getConnection("jdbc:duckdb:" + analyticsDb.toAbsolutePath(), config)) {
            Models models = Models.project();
            DataTests tests = new DataTests(
                    connection,
                    models,
                    Map.of(
                            "lake",
                            lakeRoot.toAbsolutePath().toString().replace("'", "''"),
                            "today",
                            "date '" + today + "'"),
                    anyLoaded(connection));
            List<DataTestFailure> failures = new ArrayList<>(tests.failures());
            new ModelBuild(connection, models)
                    .differencesFromWhole()
                    .forEach((model, rows) -> failures.add(new DataTestFailure(
                            "models/" + model + " equals a whole build",
                            rows,
                            List.of(rows
                                    + " rows are in the model and not in a whole build of it, or the other way"))));
            return new Result(failures, tests.warnings(), (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw new WarehouseException("cannot check " + analyticsDb + ": " + e.getMessage(), e);
        }
    }

    private static boolean anyLoaded(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from etl_file where status = 'LOADED'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
