package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data tests and the data warnings: queries that return offending rows. The data tests are the
 * hand-written ones ({@code sql/tests/*.sql}, named by their file) and the generic ones the YAML of the
 * tables and models declares ({@link GenericTest}, named by what they check); the warnings are
 * {@code sql/warnings/*.sql}.
 *
 * @param values the placeholders a query may use: {@code {lake}}, {@code {today}}
 * @param lakeLoaded whether any file is loaded: a query reading the lake ({@code {lake}}) is left out
 *        while none is, for it has nothing to check and its globs would match no part, which DuckDB
 *        refuses. Once a file is loaded, every kind of part exists for it.
 */
record DataTests(Connection connection, Models models, Map<String, String> values, boolean lakeLoaded) {

    private static final Logger log = LoggerFactory.getLogger(DataTests.class);

    /** The data tests that returned rows: the hand-written ones in file order, then the generic ones. */
    List<DataTestFailure> failures() {
        List<DataTestFailure> failures = evaluate("tests");
        for (GenericTest test : models.tests()) {
            evaluate(test.name(), test.sql()).ifPresent(failures::add);
        }
        return failures;
    }

    /** The data warnings that returned rows, in file order. */
    List<DataTestFailure> warnings() {
        return evaluate("warnings");
    }

    private List<DataTestFailure> evaluate(String folder) {
        List<DataTestFailure> failures = new ArrayList<>();
        for (String test : SqlResources.list(folder)) {
            SqlScript script = SqlScript.resource(test);
            if (!lakeLoaded && script.text().contains("{lake}")) {
                continue;
            }
            evaluate(test, script.statements(values).get(0).replaceAll(";\\s*$", ""))
                    .ifPresent(failures::add);
        }
        return failures;
    }

    private Optional<DataTestFailure> evaluate(String test, String sql) {
        long start = System.nanoTime();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            long rows = 0;
            List<String> sample = new ArrayList<>();
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                rows++;
                if (sample.size() < 5) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        cells.add(md.getColumnLabel(i) + "=" + rs.getString(i));
                    }
                    sample.add(String.join(", ", cells));
                }
            }
            log.debug("{} {} ms: {} offending rows", test, (System.nanoTime() - start) / 1_000_000, rows);
            return rows > 0 ? Optional.of(new DataTestFailure(test, rows, sample)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.of(new DataTestFailure(test, -1, List.of(e.getMessage())));
        }
    }

    /**
     * Replaces what {@code table} holds with these outcomes: {@code etl_data_test} (named by its column
     * {@code test}) or {@code etl_data_warning} (by {@code warning}).
     */
    static void record(Connection connection, String table, String nameColumn, List<DataTestFailure> outcomes)
            throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("delete from " + table);
        }
        try (PreparedStatement ps = connection.prepareStatement("insert into " + table + " (" + nameColumn
                + ", rows, sample, checked_at) values (?, ?, ?, current_timestamp)")) {
            for (DataTestFailure f : outcomes) {
                ps.setString(1, f.test());
                ps.setLong(2, f.rows());
                ps.setString(3, String.join("\n", f.sample()));
                ps.executeUpdate();
            }
        }
    }
}
