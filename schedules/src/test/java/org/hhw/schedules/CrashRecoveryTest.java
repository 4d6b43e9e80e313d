package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.hhw.sources.sample.CsvEncoding;
import org.hhw.sources.sample.DemoData;
import org.hhw.sources.sample.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service is killed with {@code kill -9} in the middle of a load and started again: the file
 * ends up loaded exactly once, with no row missing or doubled, and the job history shows the
 * interrupted run (recovered as FAILED at start-up) and the restart that completed it.
 */
class CrashRecoveryTest {

    private static final int PERSONS = 60_000;

    @TempDir
    Path home;

    private final List<Process> processes = new ArrayList<>();

    @Test
    void aLoadKilledMidwayIsResumedAndLoadedExactlyOnce() throws Exception {
        // given a registry file in the inbox, large enough to be caught mid-load
        Path inbox = Files.createDirectories(home.resolve("inbox/registry"));
        Path staged = home.resolve("花名册.csv");
        Manifest manifest = DemoData.writeLargeCsv(staged, PERSONS, 7, CsvEncoding.UTF8);
        Files.move(staged, inbox.resolve("花名册.csv"));
        Path rowParts = home.resolve("lake/source=registry/file_key=1/rows");

        // when the service is killed once a few chunks are committed
        Process first = service();
        waitFor(() -> partCount(rowParts) >= 3, Duration.ofSeconds(120), "three committed chunks");
        first.destroyForcibly().waitFor();
        assertThat(Files.exists(home.resolve("processed/registry/花名册.csv"))).isFalse();

        // and started again
        Process second = service();
        // (the job repository is opened only once the service holds it, so this test never races its start-up)
        waitFor(() -> Files.exists(home.resolve("processed/registry/花名册.csv")), Duration.ofSeconds(180),
                "the file to reach processed/ after the restart");
        waitFor(() -> jobHistory().contains("COMPLETED|COMPLETED"), Duration.ofSeconds(30),
                "the restarted run to complete");
        assertThat(home.resolve("processed/registry/花名册.csv.回执.xlsx")).exists();
        second.destroy();
        second.waitFor();

        // then the file is loaded exactly once, every row accounted for
        assertThat(query(home.resolve("analytics.duckdb"),
                "select count(*), min(status), sum(rows_loaded), sum(rows_read) from etl_file"))
                .containsExactly("1|LOADED|" + PERSONS + "|" + PERSONS);
        assertThat(query(home.resolve("analytics.duckdb"),
                "select count(*), count(distinct person_id_hash) from dim_person"))
                .containsExactly(PERSONS + "|" + PERSONS);
        assertThat(manifest.dataRows()).isEqualTo(PERSONS);
        // and the job history shows the interrupted run (recovered at start-up) and the restart
        assertThat(jobHistory()).containsExactly("FAILED|UNKNOWN", "COMPLETED|COMPLETED");
    }

    private Process service() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                HhwApplication.class.getName(), "run", "--hhw.home=" + home, "--hhw.poll-interval=1s",
                "--hhw.settle-time=0s", "--hhw.chunk-size=2000")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("service.log").toFile()));
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private List<String> jobHistory() {
        try {
            return query(home.resolve("state/jobs"),
                    "select status, exit_code from batch_job_execution order by job_execution_id");
        } catch (SQLException e) {
            return List.of();
        }
    }

    private static long partCount(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private void waitFor(BooleanSupplier condition, Duration timeout, String what) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what + "; service log:\n"
                        + Files.readString(home.resolve("service.log")));
            }
            Thread.sleep(100);
        }
    }

    private static List<String> query(Path db, String sql) throws SQLException {
        String url;
        Properties props = new Properties();
        if (db.getFileName().toString().endsWith(".duckdb")) {
            url = "jdbc:duckdb:" + db;
            props.setProperty("duckdb.read_only", "true");
        } else {
            url = "jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE";
            props.setProperty("user", "sa");
        }
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, props); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    @AfterEach
    void stopServices() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly().waitFor();
        }
    }
}
