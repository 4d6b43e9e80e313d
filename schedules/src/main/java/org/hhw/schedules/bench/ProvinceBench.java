package org.hhw.schedules.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hhw.schedules.Ingestor;
import org.hhw.schedules.bench.Figure.Unit;
import org.hhw.schedules.demo.CsvEncoding;
import org.hhw.schedules.demo.DemoData;
import org.hhw.schedules.demo.EducationSample;
import org.hhw.schedules.demo.MedicalSample;
import org.hhw.schedules.demo.MicroloanSample;
import org.hhw.schedules.demo.TrainingSample;
import org.hhw.warehouse.Home;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code hhw bench --province} (issue 13, point 5): a province's registry and its four departments' facts, five facts
 * a person, in files of a county's size, dropped into the inboxes together and ingested by one poll (every file
 * loaded in turn, the registry's first, then one publish, which builds the models), in the heap the bench was given
 * ({@code -Xmx256m} for the figures); then the example queries on the published copy.
 *
 * <p>The persons are one stream of the registry generator, cut into counties of {@value #PERSONS_PER_COUNTY} (so every
 * resident ID is unique: the generator's IDs share one area code, and two streams would give the same ones); the
 * department files are the generators' rows over the same persons, cut at a county's size: education's payments for a
 * fifth as many rows as persons, a loan and a course a person, and the hospital stays for the rest, each further round
 * of them under settlement numbers of its own (new stays, not repeats). The files are generated once for a size and
 * reused; the province's home is made afresh at every run.
 */
final class ProvinceBench {

    /** Issue 13's province. */
    static final int PERSONS = 10_000_000;

    static final int FACTS_PER_PERSON = 5;
    /** A county's persons, and the rows of a department file: 100,000, within the 10k–500k of a county's file. */
    static final int PERSONS_PER_COUNTY = 100_000;

    static final double TOTAL_TARGET_MINUTES = 120;
    static final double HOUSEHOLD_QUERY_TARGET_MILLIS = 50;
    static final double TOWNSHIP_QUERY_TARGET_SECONDS = 2;

    /** The README's example: one household across all departments. */
    static final String HOUSEHOLD_QUERY = """
            select year, members, education_yuan, medical_stays, medical_self_paid, medical_reimbursed,
                   loans_issued, loan_principal, loan_balance, loans_overdue, training_enrolments,
                   members_employed_after_training
            from mart_household_year
            where household_id = ? order by year""";

    /** The README's example: findings by rule and township. */
    static final String TOWNSHIP_QUERY = """
            select rule_code, rule_zh, coalesce(township, '（不在花名册）') as township, count(*) as findings
            from mart_finding group by all order by rule_code, findings desc""";

    /** A household the departments reached most (the one the household query asks for), untimed. */
    private static final String BUSIEST_HOUSEHOLD = """
            select household_id from mart_household_year
            group by household_id
            order by (max(education_yuan) > 0)::int + (max(medical_stays) > 0)::int + (max(loans_issued) > 0)::int
                     + (max(training_enrolments) > 0)::int desc, household_id
            limit 1""";

    private final Home home;

    ProvinceBench(Home home) {
        this.home = home;
    }

    /** A source's files, as generated, and the rows they hold. */
    record Source(String name, List<Path> files, long rows) {}

    /** A query timed on the published copy: its first run, then the best of three more. */
    record TimedQuery(long firstNanos, long bestNanos, int rows) {}

    /**
     * What the province's run did and cost.
     *
     * @param pollNanos the one poll: every file loaded, the publish (the models built, the data tests, the copy),
     *     every receipt
     * @param publishMillis the publish gate, as its step recorded it
     * @param filesLoaded the files whose runs completed, of {@code files}
     */
    record Figures(
            int persons,
            long facts,
            int files,
            int filesLoaded,
            long pollNanos,
            long publishMillis,
            String models,
            long peakHeapBytes,
            long maxHeapBytes,
            long diskBytes,
            TimedQuery household,
            TimedQuery township) {

        boolean complete() {
            return filesLoaded == files;
        }

        /** Point 5 of the closing table. */
        List<Figure> figures() {
            String total = String.format(
                    "province: %,d persons and %,d facts in %,d files ingested, published, the marts built",
                    persons, facts, files);
            List<Figure> figures = new ArrayList<>();
            figures.add(
                    complete()
                            ? Figure.atMost("5", total, pollNanos / 60e9, TOTAL_TARGET_MINUTES, Unit.MINUTES)
                                    .with(String.format("publish gate %.1f s, models %s", publishMillis / 1e3, models))
                            : Figure.notMeasured(
                                    "5",
                                    total,
                                    String.format("not measured: %,d of %,d files loaded", filesLoaded, files),
                                    Unit.MINUTES.limit(TOTAL_TARGET_MINUTES)));
            figures.add(Figure.stated(
                    "5",
                    "province: peak heap of the ingest",
                    String.format("%,d MB (max heap %,d MB)", peakHeapBytes >> 20, maxHeapBytes >> 20)));
            figures.add(Figure.stated("5", "province: disk used by its home", DiskUse.megabytes(diskBytes)));
            figures.add(Figure.atMost(
                            "5",
                            "province: one household across departments (mart_household_year)",
                            household.firstNanos() / 1e6,
                            HOUSEHOLD_QUERY_TARGET_MILLIS,
                            Unit.MILLISECONDS)
                    .with(String.format("warm %.0f ms", household.bestNanos() / 1e6)));
            figures.add(Figure.atMost(
                            "5",
                            "province: findings by rule and township (mart_finding)",
                            township.firstNanos() / 1e9,
                            TOWNSHIP_QUERY_TARGET_SECONDS,
                            Unit.SECONDS)
                    .with(String.format("warm %.1f s, %,d rows", township.bestNanos() / 1e9, township.rows())));
            return figures;
        }
    }

    /**
     * Generates (or reuses) the province of {@code persons} persons, ingests it into a fresh home, times the queries
     * and prints the figures, then point 5's lines of the closing table.
     *
     * @return 0 when every file loaded, 1 otherwise
     */
    int run(int persons, PrintStream out) throws IOException, SQLException {
        Path dir = home.root().resolve("bench");
        Files.createDirectories(dir);
        long maxHeap = Runtime.getRuntime().maxMemory();
        out.printf(
                "hhw bench --province: %,d persons, %,d facts; %d cores, max heap %d MB, Java %s%n",
                persons,
                (long) FACTS_PER_PERSON * persons,
                Runtime.getRuntime().availableProcessors(),
                maxHeap >> 20,
                System.getProperty("java.version"));
        long generating = System.nanoTime();
        List<Source> sources = sources(dir.resolve("province-" + persons + "-" + Benchmark.SEED), persons, out);
        out.printf("  the files ready in %.1f s; ingesting…%n", (System.nanoTime() - generating) / 1e9);
        Figures figures = ingest(dir.resolve("home-province"), persons, sources, maxHeap);
        out.printf(
                "%nprovince of %,d persons and %,d facts in %,d files (%,d loaded), one poll: %.1f s; publish gate %.1f s,"
                        + " models %s; peak heap %d MB; disk %s%n",
                figures.persons(),
                figures.facts(),
                figures.files(),
                figures.filesLoaded(),
                figures.pollNanos() / 1e9,
                figures.publishMillis() / 1e3,
                figures.models(),
                figures.peakHeapBytes() >> 20,
                DiskUse.megabytes(figures.diskBytes()));
        out.printf("%nissue 13, point 5:%n");
        Figure.print(figures.figures(), out);
        return figures.complete() ? 0 : 1;
    }

    /**
     * The sources' files for a province of {@code persons}, generated unless a run before finished them (the folder's
     * {@code complete} mark).
     */
    static List<Source> sources(Path dir, int persons, PrintStream out) throws IOException {
        int fileRows = Math.min(persons, PERSONS_PER_COUNTY);
        long facts = (long) FACTS_PER_PERSON * persons;
        int education = persons / 5;
        long medical = facts - education - 2L * persons;
        Path complete = dir.resolve("complete");
        if (!Files.exists(complete)) {
            Benchmark.deleteTree(dir);
            Files.createDirectories(dir);
            out.printf("  generating the province's files in %s (once; later runs reuse them)…%n", dir);
            Path whole = dir.resolve("whole.csv");
            DemoData.writeLargeCsv(whole, persons, Benchmark.SEED, CsvEncoding.UTF8);
            split(whole, dir.resolve("registry"), "registry", fileRows, Long.MAX_VALUE, UnaryOperator.identity());
            EducationSample.writeLarge(whole, education, Benchmark.SEED);
            split(whole, dir.resolve("education"), "education", fileRows, Long.MAX_VALUE, UnaryOperator.identity());
            MicroloanSample.writeLarge(whole, persons, Benchmark.SEED);
            split(whole, dir.resolve("microloan"), "microloan", fileRows, Long.MAX_VALUE, UnaryOperator.identity());
            TrainingSample.writeLarge(whole, persons, Benchmark.SEED);
            split(whole, dir.resolve("training"), "training", fileRows, Long.MAX_VALUE, UnaryOperator.identity());
            MedicalSample.writeLarge(whole, persons, Benchmark.SEED);
            for (int round = 0; (long) round * persons < medical; round++) {
                String prefix = round == 0 ? SideBySide.GENERATED : "J" + (char) ('A' + round - 1);
                split(
                        whole,
                        dir.resolve("medical"),
                        "medical-" + prefix,
                        fileRows,
                        Math.min(persons, medical - (long) round * persons),
                        line -> SideBySide.renumbered(line, prefix));
            }
            Files.delete(whole);
            Files.writeString(complete, "");
        }
        return List.of(
                source(dir, "registry", persons),
                source(dir, "education", education),
                source(dir, "medical", medical),
                source(dir, "microloan", persons),
                source(dir, "training", persons));
    }

    private static Source source(Path dir, String name, long rows) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(name))) {
            return new Source(name, files.sorted().toList(), rows);
        }
    }

    /**
     * The csv's first {@code maxRows} data rows, each as {@code row} makes it, cut into files of {@code rows} rows
     * each with the header line, named {@code <stem>-0001.csv} on, streamed.
     */
    static List<Path> split(Path csv, Path dir, String stem, int rows, long maxRows, UnaryOperator<String> row)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> parts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            BufferedWriter part = null;
            long written = 0;
            try {
                for (String line = in.readLine(); line != null && written < maxRows; line = in.readLine()) {
                    if (written % rows == 0) {
                        if (part != null) {
                            part.close();
                        }
                        Path next = dir.resolve(String.format("%s-%04d.csv", stem, parts.size() + 1));
                        parts.add(next);
                        part = Files.newBufferedWriter(next, StandardCharsets.UTF_8);
                        part.write(header + "\r\n");
                    }
                    part.write(row.apply(line) + "\r\n");
                    written++;
                }
            } finally {
                if (part != null) {
                    part.close();
                }
            }
        }
        return parts;
    }

    /** Every file dropped into its inbox, then one poll of them, in the heap watched; then the queries. */
    private static Figures ingest(Path province, int persons, List<Source> sources, long maxHeap)
            throws IOException, SQLException {
        Benchmark.deleteTree(province);
        long pollNanos;
        long peak;
        int loaded;
        long publishMillis;
        String models;
        try (ConfigurableApplicationContext context = Benchmark.ingestContext(province, "--hhw.settle-time=0s")) {
            Home home = context.getBean(Home.class);
            for (Source source : sources) {
                Path inbox = Files.createDirectories(home.inbox(source.name()));
                for (Path file : source.files()) {
                    drop(file, inbox.resolve(file.getFileName()));
                }
            }
            System.gc();
            List<Ingestor.Run> runs;
            try (HeapPeak heap = HeapPeak.start();
                    ModelsLog log = ModelsLog.listen()) {
                long start = System.nanoTime();
                runs = context.getBean(Ingestor.class).poll();
                pollNanos = System.nanoTime() - start;
                peak = heap.bytes();
                models = log.last().map(ModelsLog.Build::describe).orElse("(not logged)");
            }
            loaded = (int) runs.stream()
                    .filter(r -> r.status() == BatchStatus.COMPLETED)
                    .count();
            publishMillis = Benchmark.lastPublishMillis(context.getBean(JobRepository.class));
        }
        Home home = new Home(province);
        return new Figures(
                persons,
                sources.stream()
                        .filter(s -> !s.name().equals("registry"))
                        .mapToLong(Source::rows)
                        .sum(),
                sources.stream().mapToInt(s -> s.files().size()).sum(),
                loaded,
                pollNanos,
                publishMillis,
                models,
                peak,
                maxHeap,
                DiskUse.bytes(List.of(province), file -> true),
                householdQuery(home.analyticsDb()),
                timed(home.analyticsDb(), TOWNSHIP_QUERY, null));
    }

    /**
     * Into the inbox as a hard link where it can be (the product only moves and links an inbox file, never writes to
     * it, and ten gigabytes of originals need not be on disk twice), else as a copy.
     */
    private static void drop(Path file, Path target) throws IOException {
        try {
            Files.createLink(target, file);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, target);
        }
    }

    private static TimedQuery householdQuery(Path analytics) throws SQLException {
        String household;
        try (Connection c = open(analytics);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(BUSIEST_HOUSEHOLD)) {
            household = rs.next() ? rs.getString(1) : "";
        }
        return timed(analytics, HOUSEHOLD_QUERY, household);
    }

    /** The query on a connection of its own, as an analyst's: its first run, then the best of three more. */
    static TimedQuery timed(Path analytics, String sql, String parameter) throws SQLException {
        try (Connection c = open(analytics);
                var query = c.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            long first = 0;
            long best = Long.MAX_VALUE;
            int rows = 0;
            for (int i = 0; i < 4; i++) {
                long start = System.nanoTime();
                rows = 0;
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                long nanos = System.nanoTime() - start;
                if (i == 0) {
                    first = nanos;
                } else {
                    best = Math.min(best, nanos);
                }
            }
            return new TimedQuery(first, best, rows);
        }
    }

    private static Connection open(Path analytics) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + analytics, readOnly);
    }
}
