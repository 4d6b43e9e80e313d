package org.hhw.schedules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.hhw.warehouse.Home;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;

class ProvinceBenchTest {

    private static final int PERSONS = 2_000;

    @TempDir
    Path home;

    @Test
    void aTinyProvinceIsGeneratedIngestedByOnePollAndQueried() throws Exception {
        // given the bench asked for the province, at a tiny size
        Benchmark benchmark = new Benchmark(
                new Home(home),
                Optional.of(new DefaultApplicationArguments("bench", "--province", "--persons=" + PERSONS)));

        // when it runs
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = benchmark.run(PERSONS, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);

        // then every file loaded, and point 5's lines were printed, each judged or stated
        assertThat(exit).as(out).isZero();
        List<String[]> lines = out.lines()
                .dropWhile(l -> !l.equals("issue 13, point 5:"))
                .skip(3)
                .map(l -> l.split(" {2,}"))
                .toList();
        assertThat(lines)
                .extracting(cells -> cells[1])
                .containsExactly(
                        "province: 2,000 persons and 10,000 facts in 7 files ingested, published, the marts built",
                        "province: peak heap of the ingest",
                        "province: disk used by its home",
                        "province: one household across departments (mart_household_year)",
                        "province: findings by rule and township (mart_finding)");
        assertThat(lines)
                .extracting(cells -> cells[3])
                .containsExactly("≤ 120 min", "(stated)", "(stated)", "≤ 50 ms", "≤ 2 s");
        assertThat(lines)
                .filteredOn(cells -> !cells[3].equals("(stated)"))
                .allSatisfy(cells -> assertThat(cells[4]).isIn("MET", "MISSED"));
        // and the household asked for has a year's row, the findings a row per rule and township
        assertThat(out)
                .containsPattern(
                        "one household across departments \\(mart_household_year\\) +\\d+ ms \\(warm \\d+ ms\\)");
        // and the files were cut at the province's size (a county's at full size), the registry one stream of
        // persons, the stays in three rounds of settlement numbers
        Path files = home.resolve("bench/province-2000-2019");
        assertThat(names(files.resolve("registry"))).containsExactly("registry-0001.csv");
        assertThat(names(files.resolve("medical")))
                .containsExactly("medical-JA-0001.csv", "medical-JB-0001.csv", "medical-JS-0001.csv");
        assertThat(Files.readAllLines(files.resolve("medical/medical-JB-0001.csv")))
                .hasSize(1_601);
        // and the warehouse holds every person and every department's facts
        Path analytics = home.resolve("bench/home-province/analytics.duckdb");
        assertThat(count(analytics, "select count(*) from dim_person where is_current and is_registered"))
                .isEqualTo(PERSONS);
        assertThat(count(analytics, "select count(*) from fact_medical_claim where is_current"))
                .isEqualTo(5_600);
        assertThat(count(analytics, "select count(*) from fact_education_aid where is_current"))
                .isEqualTo(400);
        assertThat(count(analytics, "select count(*) from fact_microloan where is_current"))
                .isEqualTo(PERSONS);
        assertThat(count(analytics, "select count(*) from fact_training where is_current"))
                .isEqualTo(PERSONS);
    }

    private static List<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static long count(Path analytics, String sql) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + analytics, readOnly);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
