package org.hhw.schedules.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hhw.jobs.WarehouseConfiguration;
import org.hhw.jobs.ingest.IngestJobConfiguration;
import org.hhw.schedules.Ingestor;
import org.hhw.schedules.JobRepositoryConfiguration;
import org.hhw.schedules.TextTable;
import org.hhw.schedules.demo.CsvEncoding;
import org.hhw.schedules.demo.DemoData;
import org.hhw.schedules.demo.MedicalSample;
import org.hhw.sources.read.ReadLimits;
import org.hhw.sources.read.RowStream;
import org.hhw.sources.read.SpreadsheetFiles;
import org.hhw.warehouse.EtlFile;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

/**
 * {@code hhw bench}: how fast a registry of many persons goes from file to published warehouse,
 * in xlsx and in csv, and a department file (medical claims, csv) of as many rows, against the bare
 * parse of the same file by the fastest reader measured (fastexcel for xlsx, DuckDB's
 * {@code read_csv} for csv).
 *
 * <p>Everything happens under {@code <home>/bench}: the generated files (seeded, so kept and reused
 * by later runs of the same size) and, for each format, a home of its own that is wiped first. Each
 * ingest thus loads into an empty warehouse, as the first file of a county would, and the home's own
 * warehouse is never opened. The ingest runs in an application context of its own (the ingest job
 * and nothing else) bound to that home; its start-up is not timed.
 *
 * <p>Figures are for a warmed-up JVM, as the service is from its second file on: first, untimed,
 * a sample of each format a twentieth the size (at most 50,000 persons) is parsed bare and ingested
 * into a home of its own. On a cold JVM the just-in-time compiler alone takes seconds of the two
 * cores, which a running service spends once, not on every file; both the ingest and its baseline
 * are measured warm.
 */
@Component
public class Benchmark {

    /** The sample's seed: fixed, so the files of a size are generated once. */
    static final long SEED = 2019L;
    /** The warm-up samples' size at most. */
    static final int WARM_UP_PERSONS = 50_000;

    /** The whole process's processor time (every thread, DuckDB's included): what an ingest cost besides waiting. */
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Home home;

    public Benchmark(Home home) {
        this.home = home;
    }

    /** A source and file format measured, with its baseline and the target for the end-to-end ingest. */
    enum Format {
        XLSX("registry", "xlsx", "fastexcel-reader", 2.0),
        CSV("registry", "csv", "DuckDB read_csv", 4.0),
        MEDICAL_CSV("medical", "csv", "DuckDB read_csv", 4.0);

        final String source;
        final String extension;
        final String baseline;
        final double target;

        Format(String source, String extension, String baseline, double target) {
            this.source = source;
            this.extension = extension;
            this.baseline = baseline;
            this.target = target;
        }

        String label() {
            return source + " " + extension;
        }
    }

    /** What one format's ingest did and cost. */
    record Result(
            Format format,
            long fileBytes,
            long bareParseNanos,
            long ingestNanos,
            long ingestCpuNanos,
            long peakHeapBytes,
            BatchStatus status,
            long rowsLoaded,
            Map<String, Duration> steps) {

        double ratio() {
            return (double) ingestNanos / bareParseNanos;
        }

        boolean meetsTarget() {
            return ratio() <= format.target;
        }
    }

    /**
     * Generates (or reuses) the files of {@code persons} persons, measures each format and prints
     * the figures.
     *
     * @return 0 when every ingest completed and loaded every person, 1 otherwise
     */
    public int run(int persons, PrintStream out) throws IOException, SQLException {
        Path dir = home.root().resolve("bench");
        Files.createDirectories(dir);
        out.printf(
                "hhw bench: %,d persons; %d cores, max heap %d MB, Java %s%n",
                persons,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        List<Result> results = new ArrayList<>();
        // The department file goes into the county the registry csv built, as it would in production;
        // that county's marts are then rebuilt once more, timed on their own.
        Path county = dir.resolve("home-county");
        deleteTree(county);
        warmUp(dir, Math.max(1, Math.min(WARM_UP_PERSONS, persons / 20)), out);
        for (Format format : Format.values()) {
            Path file = sample(dir, format, persons, out);
            long bare = bareParse(format, file);
            out.printf(
                    "  %s: bare parse by %s %.1f s%s; ingesting…%n",
                    format.label(),
                    format.baseline,
                    bare / 1e9,
                    format == Format.XLSX
                            ? String.format(" (by the product's own reader: %.1f s)", ownParse(file) / 1e9)
                            : "");
            Path ingestHome = format == Format.XLSX ? dir.resolve("home-registry-xlsx") : county;
            if (format == Format.XLSX) {
                deleteTree(ingestHome);
            }
            results.add(ingest(format, file, ingestHome, bare));
        }
        print(results, persons, out);
        out.printf(
                "%nmarts rebuild over the county of %,d registry persons and %,d medical claims: %.1f s%n",
                persons, persons, martsRebuild(county) / 1e9);
        return results.stream().allMatch(r -> r.status() == BatchStatus.COMPLETED && r.rowsLoaded() == persons) ? 0 : 1;
    }

    /** Parses and ingests a small sample of each format, untimed, each into a fresh home of its own. */
    private static void warmUp(Path dir, int persons, PrintStream out) throws IOException, SQLException {
        out.printf("  warming up: samples of %,d persons parsed and ingested, untimed…%n", persons);
        Path homes = dir.resolve("home-warm-up");
        deleteTree(homes);
        for (Format format : Format.values()) {
            Path file = sample(dir, format, persons, out);
            bareParse(format, file);
            ingest(format, file, homes.resolve(format.name().toLowerCase()), 0);
        }
    }

    /** Nanoseconds {@code buildMarts} takes over a loaded county's warehouse. */
    private static long martsRebuild(Path county) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestOnly.class)
                .web(WebApplicationType.NONE)
                .registerShutdownHook(false)
                .run("--hhw.home=" + county)) {
            Warehouse warehouse = context.getBean(Warehouse.class);
            long start = System.nanoTime();
            warehouse.buildMarts();
            return System.nanoTime() - start;
        }
    }

    /** The sample file of this size, generated unless an earlier run left it (written aside, then renamed). */
    private static Path sample(Path dir, Format format, int persons, PrintStream out) throws IOException {
        Path file = dir.resolve(format.source + "-" + persons + "-" + SEED + "." + format.extension);
        if (Files.exists(file)) {
            return file;
        }
        out.printf("  generating %s (once; later runs reuse it)…%n", file);
        Path partial = dir.resolve("partial-" + file.getFileName());
        switch (format) {
            case XLSX -> DemoData.writeLargeXlsx(partial, persons, SEED);
            case CSV -> DemoData.writeLargeCsv(partial, persons, SEED, CsvEncoding.UTF8);
            case MEDICAL_CSV -> MedicalSample.writeLarge(partial, persons, SEED);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /**
     * Nanoseconds the baseline takes to parse every value of the file as text, as the product does.
     * DuckDB is asked for every column (a bare count(*) lets it skip the values) and timed without
     * opening its connection.
     */
    static long bareParse(Format format, Path file) throws IOException, SQLException {
        if (format == Format.XLSX) {
            long start = System.nanoTime();
            FastXlsxParse.count(file);
            return System.nanoTime() - start;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            long start = System.nanoTime();
            try (ResultSet rs = st.executeQuery("select count(*), sum(length(columns(*))) from read_csv('"
                    + file.toString().replace("'", "''") + "', header = true, all_varchar = true)")) {
                rs.next();
            }
            return System.nanoTime() - start;
        }
    }

    /**
     * Nanoseconds the product's own reader takes to give every row of the file as text, before any
     * cleaning: for the xlsx, where it is not the baseline's reader.
     */
    static long ownParse(Path file) throws IOException {
        long start = System.nanoTime();
        try (RowStream rows = SpreadsheetFiles.open(file, ReadLimits.defaults())) {
            while (rows.next() != null) {
                // every row read, nothing kept
            }
        }
        return System.nanoTime() - start;
    }

    private static Result ingest(Format format, Path file, Path ingestHome, long bareNanos) throws IOException {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestOnly.class)
                .web(WebApplicationType.NONE)
                .registerShutdownHook(false)
                .run("--hhw.home=" + ingestHome)) {
            Warehouse warehouse = context.getBean(Warehouse.class);
            Ingestor ingestor = context.getBean(Ingestor.class);
            System.gc();
            long peak;
            long cpuStart = PROCESS.getProcessCpuTime();
            long start = System.nanoTime();
            Ingestor.Run run;
            try (HeapPeak heap = HeapPeak.start()) {
                run = ingestor.ingestCopy(format.source, file);
                peak = heap.bytes();
            }
            long nanos = System.nanoTime() - start;
            long cpu = PROCESS.getProcessCpuTime() - cpuStart;
            long loaded = warehouse.recentFiles(1).stream()
                    .map(EtlFile::rowsLoaded)
                    .filter(n -> n != null)
                    .findFirst()
                    .orElse(0L);
            return new Result(
                    format,
                    Files.size(file),
                    bareNanos,
                    nanos,
                    cpu,
                    peak,
                    run.status(),
                    loaded,
                    steps(context.getBean(JobRepository.class)));
        }
    }

    /** The duration of each step of the (only) ingest run of the bench home. */
    private static Map<String, Duration> steps(JobRepository jobs) {
        Map<String, Duration> steps = new LinkedHashMap<>();
        for (JobInstance instance : jobs.getJobInstances(IngestJobConfiguration.JOB_NAME, 0, 1)) {
            JobExecution execution = jobs.getLastJobExecution(instance);
            if (execution == null) {
                continue;
            }
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStartTime() != null && step.getEndTime() != null) {
                    steps.put(
                            step.getStepName()
                                    .replaceFirst("^ingest", "")
                                    .replaceFirst("Step$", "")
                                    .toLowerCase(),
                            Duration.between(step.getStartTime(), step.getEndTime()));
                }
            }
        }
        return steps;
    }

    private static void print(List<Result> results, int persons, PrintStream out) {
        TextTable table = new TextTable(List.of(
                "file format",
                "file",
                "bare parse",
                "ingest",
                "cpu",
                "rows/s",
                "peak heap",
                "ingest/bare",
                "target",
                "",
                "steps (s)"));
        for (Result r : results) {
            table.add(List.of(
                    r.format().label(),
                    String.format("%d MB", r.fileBytes() >> 20),
                    String.format("%.1f s", r.bareParseNanos() / 1e9),
                    String.format("%.1f s", r.ingestNanos() / 1e9),
                    String.format("%.1f s", r.ingestCpuNanos() / 1e9),
                    String.format("%,.0f", r.rowsLoaded() / (r.ingestNanos() / 1e9)),
                    String.format("%d MB", r.peakHeapBytes() >> 20),
                    String.format("%.2fx", r.ratio()),
                    String.format("%.0fx %s", r.format().target, r.format().baseline),
                    r.meetsTarget() ? "PASS" : "MISS",
                    String.join(
                            " ",
                            r.steps().entrySet().stream()
                                    .map(e -> e.getKey() + " "
                                            + String.format("%.1f", e.getValue().toMillis() / 1000.0))
                                    .toList())));
        }
        out.println();
        table.print(out);
        for (Result r : results) {
            if (r.status() != BatchStatus.COMPLETED || r.rowsLoaded() != persons) {
                out.printf(
                        "%s: the ingest ended %s with %,d of %,d rows loaded: the figures do not count.%n",
                        r.format().label(), r.status(), r.rowsLoaded(), persons);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The ingest job alone, for a home of its own: not a component (the application's scan must not
     * pick it up), so the CLI, the schedule and the bench are left out.
     */
    @EnableAutoConfiguration
    @Import({
        WarehouseConfiguration.class,
        JobRepositoryConfiguration.class,
        IngestJobConfiguration.class,
        Ingestor.class
    })
    static class IngestOnly {}
}
