package org.hhw.warehouse.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakePartWriterTest {

    private static final List<LakeColumn> ALL_TYPES = List.of(
            new LakeColumn("name", LakeType.TEXT),
            new LakeColumn("household_size", LakeType.INT),
            new LakeColumn("row_id", LakeType.BIGINT),
            new LakeColumn("paid_on", LakeType.DATE),
            new LakeColumn("amount", LakeType.DECIMAL_18_2),
            new LakeColumn("exited", LakeType.BOOLEAN),
            new LakeColumn("loaded_at", LakeType.TIMESTAMP));

    @TempDir
    Path dir;

    @Test
    void theWarmUpWritesAPartOfEveryTypeAndLeavesNothingBehind() throws Exception {
        // given the temporary folder's warm-up folders as they are
        List<String> before = warmUpFolders();

        // when a part of one row of every type is written, as before an ingest's first part
        LakePartWriter.warmUp();

        // then it wrote without a failure (a value that did not fit its column would have thrown) and deleted it all
        assertThat(warmUpFolders()).isEqualTo(before);
    }

    private static List<String> warmUpFolders() throws java.io.IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("hhw-lake-warm-up"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void writesEveryTypeSoDuckDbReadsExactValuesAndTypes() throws Exception {
        // given
        Path file = dir.resolve("registry/part-0001.parquet");
        Object[] full = {
            "张　三（南河堡乡）王𠀀明",
            4,
            9_007_199_254_740_993L,
            LocalDate.of(2018, 6, 1),
            new BigDecimal("1200.50"),
            true,
            LocalDateTime.of(2026, 11, 28, 10, 15, 30, 123_456_000)
        };
        Object[] extremes = {
            "",
            Integer.MIN_VALUE,
            Long.MAX_VALUE,
            LocalDate.of(1900, 1, 1),
            new BigDecimal("-9999999999999999.99"),
            false,
            LocalDateTime.of(1970, 1, 1, 0, 0)
        };
        Object[] shortScale = {"李四", 0, -1L, LocalDate.of(2020, 12, 31), new BigDecimal("7"), null, null};
        Object[] allNull = new Object[7];

        // when
        try (LakePartWriter writer = LakePartWriter.create(file, ALL_TYPES)) {
            writer.write(full);
            writer.write(extremes);
            writer.write(shortScale);
            writer.write(allNull);
        }

        // then
        String source = "read_parquet('" + file + "')";
        assertThat(query("describe select * from " + source, "column_name", "column_type"))
                .containsExactly(
                        List.of("name", "VARCHAR"),
                        List.of("household_size", "INTEGER"),
                        List.of("row_id", "BIGINT"),
                        List.of("paid_on", "DATE"),
                        List.of("amount", "DECIMAL(18,2)"),
                        List.of("exited", "BOOLEAN"),
                        List.of("loaded_at", "TIMESTAMP"));
        assertThat(readRows(source))
                .containsExactly(
                        Arrays.asList(full),
                        Arrays.asList(extremes),
                        Arrays.asList("李四", 0, -1L, LocalDate.of(2020, 12, 31), new BigDecimal("7.00"), null, null),
                        Arrays.asList(allNull));
        assertThat(Files.exists(dir.resolve("registry/part-0001.parquet.tmp"))).isFalse();
    }

    @Test
    void encodesTextAsUtf8ExactlyAsJavaDoes() {
        // given text of every UTF-8 length: ascii, Latin, CJK (full-width space too), a rare character beyond the
        // basic plane as rare names have (𠀀, a surrogate pair), and a lone surrogate, which Java writes as "?"
        RowWriteSupport support = new RowWriteSupport(List.of(new LakeColumn("name", LakeType.TEXT)));
        List<String> texts =
                List.of("", "140222198001011234", "Émile", "张　三（南河堡乡）", "王𠀀明", "a\uD800b", "长".repeat(1000));

        // when / then: the same bytes as String.getBytes, also after a longer value grew the buffer
        for (String text : texts) {
            assertThat(support.utf8(text).getBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(support.utf8("王𠀀明").getBytes()).isEqualTo("王𠀀明".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsFractionsToSixDecimals() throws Exception {
        // given
        Path file = dir.resolve("rates.parquet");

        // when
        try (LakePartWriter writer =
                LakePartWriter.create(file, List.of(new LakeColumn("rate", LakeType.DECIMAL_18_6)))) {
            writer.write(new Object[] {new BigDecimal("0.043500")});
            writer.write(new Object[] {new BigDecimal("0.05")});
            writer.write(new Object[] {null});
        }

        // then
        String source = "read_parquet('" + file + "')";
        assertThat(query("describe select * from " + source, "column_name", "column_type"))
                .containsExactly(List.of("rate", "DECIMAL(18,6)"));
        assertThat(query("select rate from " + source, "rate"))
                .containsExactly(List.of("0.043500"), List.of("0.050000"), Arrays.asList((String) null));
    }

    @Test
    void refusesAValueOfTheWrongTypeAndKeepsThePartUsable() throws Exception {
        // given
        Path file = dir.resolve("part.parquet");

        // when
        try (LakePartWriter writer = LakePartWriter.create(file, ALL_TYPES)) {
            writer.write(new Object[] {"王五", 1, 1L, null, null, null, null});
            assertThatThrownBy(
                            () -> writer.write(new Object[] {"赵六", 2, 2L, null, new BigDecimal("0.005"), null, null}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Column amount (DECIMAL_18_2) cannot hold BigDecimal 0.005");
            assertThatThrownBy(() -> writer.write(new Object[] {"赵六", "2", 2L, null, null, null, null}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Column household_size (INT) cannot hold String 2");
            assertThatThrownBy(() -> writer.write(new Object[] {"赵六"}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A lake row has 7 columns, got 1 values");
            writer.write(new Object[] {"孙七", 3, 3L, null, null, null, null});
        }

        // then
        assertThat(query("select name, household_size from read_parquet('" + file + "')", "name", "household_size"))
                .containsExactly(List.of("王五", "1"), List.of("孙七", "3"));
    }

    @Test
    void publishesUnderTheFinalNameOnlyOnCloseAndIgnoresALeftOverTmp() throws Exception {
        // given: a half file left by a crashed run, and an earlier complete part
        Path file = dir.resolve("part-0002.parquet");
        Path tmp = dir.resolve("part-0002.parquet.tmp");
        Files.writeString(tmp, "half a file from a crashed run", StandardCharsets.UTF_8);
        List<LakeColumn> columns = List.of(new LakeColumn("name", LakeType.TEXT));
        try (LakePartWriter writer = LakePartWriter.create(dir.resolve("part-0001.parquet"), columns)) {
            writer.write(new Object[] {"周八"});
        }

        // when
        LakePartWriter writer = LakePartWriter.create(file, columns);
        writer.write(new Object[] {"吴九"});

        // then: while open, only the .tmp exists and readers of *.parquet see the earlier part only
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.exists(tmp)).isTrue();
        assertThat(query("select name from read_parquet('" + dir + "/*.parquet')", "name"))
                .containsExactly(List.of("周八"));

        // when
        writer.close();

        // then
        assertThat(Files.exists(tmp)).isFalse();
        assertThat(query("select name from read_parquet('" + dir + "/*.parquet') order by name", "name"))
                .containsExactly(List.of("吴九"), List.of("周八"));
    }

    @Test
    void writingTheSameFileAgainReplacesIt() throws Exception {
        // given
        Path file = dir.resolve("part-0003.parquet");
        List<LakeColumn> columns = List.of(new LakeColumn("id", LakeType.BIGINT));
        try (LakePartWriter writer = LakePartWriter.create(file, columns)) {
            writer.write(new Object[] {1L});
            writer.write(new Object[] {2L});
        }

        // when
        try (LakePartWriter writer = LakePartWriter.create(file, columns)) {
            writer.write(new Object[] {3L});
        }

        // then
        assertThat(query("select id from read_parquet('" + file + "')", "id")).containsExactly(List.of("3"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("part-0003.parquet");
        }
    }

    private static List<List<String>> query(String sql, String... columns) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(rs.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static List<List<Object>> readRows(String source) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select * from " + source)) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(Arrays.asList(
                        rs.getObject(1, String.class),
                        rs.getObject(2, Integer.class),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, BigDecimal.class),
                        rs.getObject(6, Boolean.class),
                        rs.getObject(7, LocalDateTime.class)));
            }
            return rows;
        }
    }
}
