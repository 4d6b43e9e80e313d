package org.hhw.schedules.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hhw.schedules.Ingestor;
import org.hhw.schedules.bench.Figure.Unit;
import org.hhw.schedules.demo.MedicalSample;
import org.hhw.warehouse.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13, points 1 and 2: the same file of new claims ingested end to end into a county a hundredth the bench's size
 * and into the bench's county, and the job times compared. The file's claims are of the small county's persons, whom
 * the bench's county registered too (the registry generator gives the same first persons at any size), under
 * settlement numbers neither county has seen: new claims, not duplicates.
 */
final class SideBySide {

    /** Issue 13's target: the file into the large county in at most this many times its time into the small one. */
    static final double RATIO_TARGET = 1.2;
    /** Issue 13's target for one file's publish into the county of a million persons. */
    static final double PUBLISH_TARGET_SECONDS = 1;
    /** The small county, and the file, are this many times smaller than the bench's county (10,000 of 1,000,000). */
    static final int SCALE = 100;

    /** The generator's settlement numbers begin so; the file's begin otherwise, and are thus new. */
    static final String GENERATED = "JS";

    static final String RENAMED = "JN";

    private SideBySide() {}

    /**
     * One county's ingest of the file.
     *
     * @param steps each step of the file's runs (its ingest, its poll's publish, its receipt), as {@code hhw status}
     *     lists the runs
     * @param wallNanos the ingest as the bench called it, the start of its JVM aside
     * @param publishMillis the publish gate, as the publish step recorded it
     * @param models the models' build the gate logged
     * @param loaded whether every row of the file loaded
     */
    record Ingest(
            int countyPersons,
            long openNanos,
            Map<String, Duration> steps,
            long wallNanos,
            long publishMillis,
            Optional<ModelsLog.Build> models,
            boolean loaded) {

        /** The job time: every step of the file's runs added up. */
        Duration jobTime() {
            return steps.values().stream().reduce(Duration.ZERO, Duration::plus);
        }

        String describe() {
            return String.format(
                    "warehouse opened first %.1f s; job time %.1f s (%s; the ingest as called %.1f s); publish gate %.1f"
                            + " s, models %s",
                    openNanos / 1e9,
                    jobTime().toMillis() / 1e3,
                    Benchmark.describe(steps),
                    wallNanos / 1e9,
                    publishMillis / 1e3,
                    models.map(ModelsLog.Build::describe).orElse("(not logged)"));
        }
    }

    /** The file of {@code rows} claims into both counties. */
    record Figures(int rows, Ingest small, Ingest large) {

        double ratio() {
            return (double) large.jobTime().toNanos() / small.jobTime().toNanos();
        }

        boolean loaded() {
            return small.loaded() && large.loaded();
        }

        void print(PrintStream out) {
            out.printf("%na file of %,d new claims of registered persons (issue 13, point 1):%n", rows);
            for (Ingest ingest : List.of(small, large)) {
                out.printf(
                        "  into a county of %,d persons and %,d claims: %s%n",
                        ingest.countyPersons(), ingest.countyPersons(), ingest.describe());
            }
            Figure ratio = ratioFigure();
            out.printf("  ratio %s; target %s: %s%n", ratio.measured(), ratio.target(), ratio.verdict());
            if (!loaded()) {
                out.println("  these figures do not count: the file did not load whole into both counties.");
            }
        }

        /** Points 1 and 2 of the closing table. */
        List<Figure> figures() {
            return List.of(ratioFigure(), publishFigure());
        }

        private Figure ratioFigure() {
            String figure = String.format(
                    "job time of a %,d-claim file into the county of %,d persons ÷ into one of %,d",
                    rows, large.countyPersons(), small.countyPersons());
            if (!loaded()) {
                return Figure.notMeasured(
                        "1", figure, "not measured: the file did not load whole", Unit.TIMES.limit(RATIO_TARGET));
            }
            return Figure.atMost("1", figure, ratio(), RATIO_TARGET, Unit.TIMES)
                    .with(String.format(
                            "%.1f s ÷ %.1f s",
                            large.jobTime().toMillis() / 1e3, small.jobTime().toMillis() / 1e3));
        }

        private Figure publishFigure() {
            String figure = String.format("publish of that file into the county of %,d persons", large.countyPersons());
            if (!large.loaded()) {
                return Figure.notMeasured(
                        "2",
                        figure,
                        "not measured: the file did not load whole",
                        Unit.SECONDS.limit(PUBLISH_TARGET_SECONDS));
            }
            Figure publish =
                    Figure.atMost("2", figure, large.publishMillis() / 1e3, PUBLISH_TARGET_SECONDS, Unit.SECONDS);
            return large.models()
                    .map(m -> publish.with("models " + m.describe()))
                    .orElse(publish);
        }
    }

    /** The rows of the file, and the persons of the small county, for a bench of {@code persons}. */
    static int rows(int persons) {
        return Math.max(1, persons / SCALE);
    }

    /**
     * The file of {@code rows} new claims, generated unless an earlier run left it: the claims generator's, one per
     * person of the small county, their settlement numbers begun {@value #RENAMED} instead of {@value #GENERATED}.
     */
    static Path newClaims(Path dir, int rows, PrintStream out) throws IOException {
        Path file = dir.resolve("medical-new-" + rows + "-" + Benchmark.SEED + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        out.printf("  generating %s (once; later runs reuse it)…%n", file);
        Path generated = dir.resolve("partial-generated-" + file.getFileName());
        MedicalSample.writeLarge(generated, rows, Benchmark.SEED);
        Path partial = dir.resolve("partial-" + file.getFileName());
        try (BufferedReader in = Files.newBufferedReader(generated, StandardCharsets.UTF_8);
                BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            w.write(in.readLine());
            w.write("\r\n");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                w.write(renumbered(line, RENAMED));
                w.write("\r\n");
            }
        }
        Files.delete(generated);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** A row of the claims generator's csv, its settlement number begun {@code prefix} instead. */
    static String renumbered(String row, String prefix) {
        if (!row.startsWith(GENERATED)) {
            throw new IllegalStateException(
                    "a generated claim's settlement number does not begin " + GENERATED + ": " + row);
        }
        return prefix + row.substring(GENERATED.length());
    }

    /**
     * Builds a fresh county of {@code rows} persons and as many claims (the registry csv and the claims csv of the
     * bench's generators at that size, untimed), then ingests the file into it.
     */
    static Ingest intoSmallCounty(Path dir, Path file, int rows, PrintStream out) throws IOException {
        Path registry = Benchmark.sample(dir, Benchmark.Format.CSV, rows, out);
        Path claims = Benchmark.sample(dir, Benchmark.Format.MEDICAL_CSV, rows, out);
        Path county = dir.resolve("home-county-" + rows);
        Benchmark.deleteTree(county);
        try (ConfigurableApplicationContext context = Benchmark.ingestContext(county)) {
            Ingestor ingestor = context.getBean(Ingestor.class);
            ingestor.ingestCopies("registry", List.of(registry));
            ingestor.ingestCopies("medical", List.of(claims));
            return ingest(context, rows, file, rows);
        }
    }

    /** Ingests the file into a county of {@code countyPersons} persons the bench built. */
    static Ingest intoCounty(Path county, int countyPersons, Path file, int rows) {
        try (ConfigurableApplicationContext context = Benchmark.ingestContext(county)) {
            return ingest(context, countyPersons, file, rows);
        }
    }

    /**
     * The file's ingest into a county whose warehouse is open, as a running service holds it open from its first poll:
     * opening it (once per start; see the README's Start-up) is timed apart, not in the file's job time.
     */
    private static Ingest ingest(ConfigurableApplicationContext context, int countyPersons, Path file, int rows) {
        long opening = System.nanoTime();
        context.getBean(Warehouse.class);
        long openNanos = System.nanoTime() - opening;
        System.gc();
        Ingestor.Run run;
        long nanos;
        Optional<ModelsLog.Build> models;
        try (ModelsLog log = ModelsLog.listen()) {
            long start = System.nanoTime();
            run = context.getBean(Ingestor.class)
                    .ingestCopies("medical", List.of(file))
                    .get(0);
            nanos = System.nanoTime() - start;
            models = log.last();
        }
        JobRepository jobs = context.getBean(JobRepository.class);
        return new Ingest(
                countyPersons,
                openNanos,
                Benchmark.steps(jobs),
                nanos,
                Benchmark.lastPublishMillis(jobs),
                models,
                run.status() == BatchStatus.COMPLETED
                        && Benchmark.lastFileRows(context.getBean(Warehouse.class)) == rows);
    }
}
