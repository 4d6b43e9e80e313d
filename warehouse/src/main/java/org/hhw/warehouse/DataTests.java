package org.hhw.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data tests and the data warnings: queries that return offending rows. The data tests are the
 * hand-written ones ({@code sql/tests/*.sql}, named by their file) and the generic ones the YAML of the
 * tables and models declares ({@link GenericTest}, named by what they check); the warnings are
 * {@code sql/warnings/*.sql}.
 *
 * <p>A test over the lake's rows reads the files of the run alone where it says {@code {file_scope}}, a condition on a
 * {@code file_key} column: the files whose rows the loads since the last build wrote ({@code scope_file}) when the
 * run is over a scope, every file when it is over the whole warehouse. Those files' rows are all a load can have
 * changed; the lake is only ever added to.
 *
 * @param values the placeholders a query may use: {@code {lake}}, {@code {today}}
 * @param lakeLoaded whether any file is loaded: a query reading the lake ({@code {lake}}) is left out
 *        while none is, for it has nothing to check and its globs would match no part, which DuckDB
 *        refuses. Once a file is loaded, every kind of part exists for it.
 */
record DataTests(Connection connection, Models models, Map<String, String> values, boolean lakeLoaded) {

    private static final Logger log = LoggerFactory.getLogger(DataTests.class);

    /** A test's own word that it is never run over a scope's rows alone. */
    private static final String WHOLE = "-- scope: whole warehouse";

    private static final String FILE_SCOPE = "file_scope";

    /** The data tests that returned rows: the hand-written ones in file order, then the generic ones. */
    List<DataTestFailure> failures() throws SQLException {
        return failures(null);
    }

    /**
     * The data tests that returned rows, each run over the rows of {@code scope} when it reads what a scope shadows
     * (the households' registry rows and facts, the incremental models) and no model built whole (an aggregate of the
     * whole county, which a scope's rows would not add up to); the others, and all of them when {@code scope} is null,
     * over the whole warehouse.
     */
    List<DataTestFailure> failures(HouseholdScope scope) throws SQLException {
        List<Query> tests = queries("tests", scope == null ? "true" : "file_key in (select file_key from scope_file)");
        models.tests().forEach(t -> tests.add(new Query(t.name(), t.sql(), false)));
        Map<Query, Optional<DataTestFailure>> outcomes = new LinkedHashMap<>();
        tests.forEach(t -> outcomes.put(t, Optional.empty()));
        List<Query> scoped = scope == null
                ? List.of()
                : tests.stream().filter(this::scopable).toList();
        if (!scoped.isEmpty()) {
            scope.shadow(models.relations().values().stream()
                    .filter(DataTests::shadowed)
                    .toList());
            try {
                scoped.forEach(t -> outcomes.put(t, evaluate(t.name(), t.sql())));
            } finally {
                scope.unshadow();
            }
        }
        tests.stream().filter(t -> !scoped.contains(t)).forEach(t -> outcomes.put(t, evaluate(t.name(), t.sql())));
        return outcomes.values().stream().flatMap(Optional::stream).collect(Collectors.toList());
    }

    /** Reads, directly or through views, something a scope shadows and no table model built whole; not marked whole. */
    private boolean scopable(Query test) {
        if (test.whole()) {
            return false;
        }
        Set<String> words = Models.words(test.sql());
        Set<Models.Relation> reads = new HashSet<>();
        List<Models.Relation> next = models.relations().values().stream()
                .filter(r -> words.contains(r.name()))
                .collect(Collectors.toCollection(ArrayList::new));
        while (!next.isEmpty()) {
            Models.Relation r = next.remove(next.size() - 1);
            if (reads.add(r) && r.isModel() && !r.isTable()) {
                r.dependsOn().forEach(d -> next.add(models.relations().get(d)));
            }
        }
        return reads.stream().anyMatch(DataTests::shadowed)
                && reads.stream().noneMatch(r -> r.isTable() && r.incremental() == null);
    }

    private static boolean shadowed(Models.Relation r) {
        return r.scope() != null || r.incremental() != null;
    }

    /** The data warnings that returned rows, in file order. */
    List<DataTestFailure> warnings() {
        return evaluate("warnings");
    }

    private List<DataTestFailure> evaluate(String folder) {
        List<DataTestFailure> failures = new ArrayList<>();
        queries(folder, "true").forEach(q -> evaluate(q.name(), q.sql()).ifPresent(failures::add));
        return failures;
    }

    /** A data test or warning: its name, its one query, and whether it says it is run over the whole warehouse only. */
    private record Query(String name, String sql, boolean whole) {}

    /**
     * The queries of a folder in file order, named by their file, those reading the lake left out while none is loaded;
     * {@code fileScope} the condition {@code {file_scope}} stands for.
     */
    private List<Query> queries(String folder, String fileScope) {
        Map<String, String> values = new HashMap<>(this.values);
        values.put(FILE_SCOPE, fileScope);
        List<Query> queries = new ArrayList<>();
        for (String test : SqlResources.list(folder)) {
            SqlScript script = SqlScript.resource(test);
            if (lakeLoaded || !script.text().contains("{lake}")) {
                queries.add(new Query(
                        test,
                        script.statements(values).get(0).replaceAll(";\\s*$", ""),
                        script.text().contains(WHOLE)));
            }
        }
        return queries;
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
