package org.hhw.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hhw.jobs.WarehouseConfiguration;
import org.hhw.jobs.publish.PublishJobConfiguration;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every functional test of the ingest job needs: the application (the ingest and publish jobs
 * and the warehouse, a job repository in memory), a home of its own, a fixed pseudonym key, small chunks
 * (so fixtures span several), and helpers to drop fixtures, run a poll and read warehouse rows.
 */
final class IngestTestSupport {

    static final String PSEUDONYM_KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    /**
     * Miscounts the first file's warned rows behind the job's back, so that every later publish fails a data test
     * that checks the whole warehouse whatever the loads changed ({@code tests/etl_file_matches_lake.sql});
     * {@link #REPAIR} counts them right again.
     */
    static final String MISCOUNTED_FILE = "update etl_file set rows_warned = rows_warned + 1 where file_key = 1";

    static final String REPAIR = "update etl_file set rows_warned = rows_warned - 1 where file_key = 1";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({WarehouseConfiguration.class, IngestJobConfiguration.class, PublishJobConfiguration.class})
    static class TestApplication {}

    private IngestTestSupport() {}

    /** Properties for a test class whose home is {@code home}; {@code name} keeps job repositories apart. */
    static void properties(DynamicPropertyRegistry registry, Path home, String name) {
        registry.add("hhw.home", home::toString);
        registry.add("hhw.pseudonym-key", () -> PSEUDONYM_KEY);
        registry.add("hhw.chunk-size", () -> "4");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.batch.jdbc.initialize-schema", () -> "always");
        registry.add("spring.batch.job.enabled", () -> "false");
    }

    static Path createHome(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteHome(Path home) throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Copies a checked-in fixture into the source's inbox, as a clerk drops it. */
    static Path drop(Home home, String source, Path fixture) throws IOException {
        Path target = home.inbox(source).resolve(fixture.getFileName().toString());
        Files.copy(fixture, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** What a poll did: each file's ingest run, the one publish, then each run launched again after it. */
    record Poll(List<JobExecution> ingested, JobExecution publish, List<JobExecution> delivered) {}

    /**
     * A poll of these inbox files as the service makes one: each file ingested (its run stops awaiting the publish;
     * a run that already waits is not launched), one publish for all of them, then, if it passed, each waiting run
     * launched again for its receipt or note.
     */
    static Poll poll(
            JobOperator jobOperator,
            JobRepository jobRepository,
            Job ingestJob,
            Job publishJob,
            String source,
            List<Path> files)
            throws Exception {
        List<JobParameters> waiting = new ArrayList<>();
        List<JobExecution> ingested = new ArrayList<>();
        for (Path file : files) {
            JobParameters parameters = IngestJobConfiguration.parameters(source, file);
            JobInstance instance = jobRepository.getJobInstance(IngestJobConfiguration.JOB_NAME, parameters);
            if (instance == null || !IngestJobConfiguration.awaitsPublish(jobRepository.getJobExecutions(instance))) {
                JobExecution run = jobOperator.start(ingestJob, parameters);
                ingested.add(run);
                if (run.getStatus() != BatchStatus.STOPPED) {
                    continue;
                }
            }
            waiting.add(parameters);
        }
        JobExecution publish =
                jobOperator.start(publishJob, PublishJobConfiguration.parameters(jobRepository, waiting.size()));
        List<JobExecution> delivered = new ArrayList<>();
        if (publish.getStatus() == BatchStatus.COMPLETED) {
            for (JobParameters parameters : waiting) {
                delivered.add(jobOperator.start(ingestJob, parameters));
            }
        }
        return new Poll(ingested, publish, delivered);
    }

    /** The rows of a query, each as its values joined by "|" (null as "null"). */
    static List<String> rows(Warehouse warehouse, String sql) throws SQLException {
        return rowsOf(warehouse.connectionForTests(), sql);
    }

    static void execute(Warehouse warehouse, String sql) throws SQLException {
        try (Statement st = warehouse.connectionForTests().createStatement()) {
            st.execute(sql);
        }
    }

    /** The rows of a query on the published copy, as {@link #rows} gives them. */
    static List<String> published(Home home, String sql) throws SQLException {
        try (Connection analyst = openPublished(home)) {
            return rowsOf(analyst, sql);
        }
    }

    /**
     * The rows a file's receipt lists as rejected (its 拒收明细 sheet), each as sheet, row number,
     * column, value as written, reason code and message joined by "|": a receipt lists no row that was fine.
     */
    static List<String> receiptRejects(Home home, String source, String fileName) throws IOException {
        return receiptDetails(home, source, fileName, "拒收明细");
    }

    /** The rows a file's receipt lists as loaded with a warning (its 警告 sheet), as {@link #receiptRejects} gives them. */
    static List<String> receiptWarnings(Home home, String source, String fileName) throws IOException {
        return receiptDetails(home, source, fileName, "警告");
    }

    private static List<String> receiptDetails(Home home, String source, String fileName, String sheet)
            throws IOException {
        try (InputStream in = Files.newInputStream(home.processed(source).resolve(fileName + ".回执.xlsx"));
                XSSFWorkbook receipt = new XSSFWorkbook(in)) {
            Sheet details = receipt.getSheet(sheet);
            DataFormatter text = new DataFormatter();
            List<String> out = new ArrayList<>();
            for (int r = 2; r <= details.getLastRowNum(); r++) {
                Row row = details.getRow(r);
                out.add(IntStream.range(0, 6)
                        .mapToObj(c -> text.formatCellValue(row.getCell(c)))
                        .collect(Collectors.joining("|")));
            }
            return out;
        }
    }

    /** The published copy, opened read-only as an analyst opens it. */
    static Connection openPublished(Home home) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + home.analyticsDb().toAbsolutePath(), readOnly);
    }

    /** The rows of a query on any connection (the published copy, say), as {@link #rows} gives them. */
    static List<String> rowsOf(Connection connection, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getString(i)));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }
}
