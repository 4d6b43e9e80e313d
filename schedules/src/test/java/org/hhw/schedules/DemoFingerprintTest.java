package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo county's warehouse, table by table, row for row, against a committed fingerprint: a
 * refactoring must leave it as it was, and a change of behaviour shows here as the tables it
 * changed. A table's fingerprint is its row count and the md5 of its rows sorted, each row its values
 * in column order, so renaming a table or column keeps its hash. Left out are what differs between
 * two runs of the same demo: the times of the run, and the files' bytes (xlsx zips carry the time they
 * were written). After a deliberate change, copy {@code target/demo-fingerprint.txt} over the
 * committed one and say in the commit which tables changed and why.
 */
class DemoFingerprintTest {

    /**
     * Columns whose values are the run's own: the bytes of the files it wrote, and the data warnings' samples, which
     * count back from the day of the run (every department of the demo has been silent since 2019); and the models'
     * fingerprint (etl_model_build), which any edit of their SQL changes, a refactoring's too.
     */
    private static final Set<String> RUN_COLUMNS = Set.of("sha256", "sample", "fingerprint");

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path home;

    @Test
    void theDemoCountysTablesAreRowForRowTheCommittedOnes() throws Exception {
        // given the demo county, loaded by a real `hhw demo` under a fixed key (a new home's is random)
        try (HhwProcesses hhw = new HhwProcesses(home)) {
            HhwProcesses.Result demo = hhw.run(Duration.ofMinutes(8), "demo", "--hhw.pseudonym-key=" + KEY);
            assertThat(demo.exitCode()).as(demo.output()).isZero();
            // and it ends with the leaders' report of its latest month, saying where it is
            assertThat(demo.output())
                    .contains("Reports of 2019-12 (全部), 24 files in " + home.resolve("reports/2019-12") + ":");
        }
        assertThat(home.resolve("reports/2019-12/天镇县脱贫攻坚数据月报_2019年12月.xlsx")).isRegularFile();

        // when
        String actual = fingerprint(home.resolve("warehouse/warehouse.duckdb"));
        Path written = Path.of("target/demo-fingerprint.txt");
        Files.writeString(written, actual, StandardCharsets.UTF_8);

        // then
        String expected = new String(
                DemoFingerprintTest.class
                        .getResourceAsStream("/demo-fingerprint.txt")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(actual)
                .as("the demo's tables (this run's are in %s)", written.toAbsolutePath())
                .isEqualTo(expected);
    }

    private static String fingerprint(Path db) throws Exception {
        StringBuilder out = new StringBuilder();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), readOnly);
                Statement st = c.createStatement()) {
            for (Map.Entry<String, List<String>> table : columnsByTable(st).entrySet()) {
                String row = table.getValue().stream()
                        .map(col -> "coalesce(cast(\"" + col + "\" as varchar), '<null>')")
                        .collect(Collectors.joining(" || '|' || "));
                try (ResultSet rs =
                        st.executeQuery("select count(*), coalesce(md5(string_agg(r, chr(10) order by r)), '-') "
                                + "from (select " + row + " as r from \"" + table.getKey() + "\")")) {
                    rs.next();
                    out.append(table.getKey())
                            .append(' ')
                            .append(rs.getLong(1))
                            .append(' ')
                            .append(rs.getString(2))
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Every table's columns in order, but the run's own (timestamps and {@link #RUN_COLUMNS}). */
    private static Map<String, List<String>> columnsByTable(Statement st) throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("""
                select c.table_name, c.column_name, c.data_type
                from information_schema.columns c
                join information_schema.tables t using (table_catalog, table_schema, table_name)
                where t.table_type = 'BASE TABLE' and c.table_schema = 'main'
                order by c.table_name, c.ordinal_position""")) {
            while (rs.next()) {
                List<String> columns = tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>());
                if (!rs.getString(3).startsWith("TIMESTAMP") && !RUN_COLUMNS.contains(rs.getString(2))) {
                    columns.add(rs.getString(2));
                }
            }
        }
        tables.values().removeIf(List::isEmpty);
        assertThat(tables).as("tables of the demo warehouse").isNotEmpty();
        return tables;
    }
}
