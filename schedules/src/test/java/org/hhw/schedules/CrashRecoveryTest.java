package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.schedules.HhwProcesses.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.hhw.schedules.demo.CsvEncoding;
import org.hhw.schedules.demo.DemoData;
import org.hhw.schedules.demo.Manifest;
import org.hhw.schedules.demo.MedicalSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A writer is killed with {@code kill -9} in the middle of a load, or at a later step (the load into DuckDB, the
 * load of a poll of several files, the poll's publish, the receipt), and started again: the file ends up loaded exactly once, with no row missing or
 * doubled, published, with its receipt, and the job history shows the interrupted run (recovered as FAILED at
 * start-up) and the restart that completed it.
 */
class CrashRecoveryTest {

    private static final int PERSONS = 60_000;
    /** For a kill after the read: smaller, the later steps are caught by watching the job history. */
    private static final int PERSONS_LATER = 20_000;

    @TempDir
    Path home;

    private HhwProcesses hhw;

    @Test
    void aLoadKilledMidwayIsResumedAndLoadedExactlyOnce() throws Exception {
        // given a registry file in the inbox, large enough to be caught mid-load
        hhw = new HhwProcesses(home);
        Path inbox = Files.createDirectories(home.resolve("inbox/registry"));
        Path staged = home.resolve("花名册.csv");
        Manifest manifest = DemoData.writeLargeCsv(staged, PERSONS, 7, CsvEncoding.UTF8);
        Files.move(staged, inbox.resolve("花名册.csv"));

        // when the service is killed once a few chunks are committed
        Process first = hhw.service();
        killAfterThreeChunks(first);

        // and started again
        Process second = hhw.service();
        hhw.waitFor(
                () -> Files.exists(home.resolve("processed/registry/花名册.csv")),
                Duration.ofSeconds(180),
                "the file to reach processed/ after the restart");
        hhw.waitFor(
                () -> hhw.jobHistory().contains("ingestJob|COMPLETED|COMPLETED"),
                Duration.ofSeconds(30),
                "the restarted run to complete");
        assertThat(home.resolve("processed/registry/花名册.csv.回执.xlsx")).exists();
        second.destroy();
        second.waitFor();

        // then the file is loaded exactly once, every row accounted for
        assertLoadedOnce(manifest, PERSONS);
        // and the job history shows the interrupted run (recovered at start-up), the restart that loaded the file and
        // stopped awaiting the publish, the publish, and the run launched again for the receipt
        assertThat(hhw.jobHistory())
                .containsExactly(
                        "ingestJob|FAILED|UNKNOWN",
                        "ingestJob|STOPPED|STOPPED",
                        "publishJob|COMPLETED|COMPLETED",
                        "ingestJob|COMPLETED|COMPLETED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingestLoadStep", "publishStep", "ingestReceiptStep"})
    void aServiceKilledAtALaterStepFinishesTheFileOnceAtItsRestart(String step) throws Exception {
        // given a registry file in the inbox
        hhw = new HhwProcesses(home);
        Path inbox = Files.createDirectories(home.resolve("inbox/registry"));
        Path staged = home.resolve("花名册.csv");
        Manifest manifest = DemoData.writeLargeCsv(staged, PERSONS_LATER, 7, CsvEncoding.UTF8);
        Files.move(staged, inbox.resolve("花名册.csv"));

        // when the service is killed once the step has begun (or a moment after: the kill is as late as it comes)
        Process first = hhw.service();
        // (the job history is read only once the service holds it open: a reader first would lock the service out)
        hhw.waitFor(
                () -> partCount(home.resolve("lake/source=registry/file_key=1/rows")) >= 1,
                Duration.ofSeconds(120),
                "a first committed chunk");
        hhw.waitFor(() -> hhw.stepBegun(step), Duration.ofSeconds(180), step + " to begin");
        first.destroyForcibly().waitFor();

        // and started again
        Process second = hhw.service();
        hhw.waitFor(
                () -> Files.exists(home.resolve("processed/registry/花名册.csv"))
                        && hhw.jobHistory().contains("ingestJob|COMPLETED|COMPLETED"),
                Duration.ofSeconds(180),
                "the file to reach processed/ after the restart, its run completed");
        second.destroy();
        second.waitFor();

        // then the file is loaded exactly once, published, every row accounted for, with its receipt
        assertLoadedOnce(manifest, PERSONS_LATER);
        assertThat(home.resolve("processed/registry/花名册.csv.回执.xlsx")).exists();
        assertThat(home.resolve("inbox/registry")).isEmptyDirectory();
        // and no run is left running, the file's runs ending with the one that delivered it
        assertThat(hhw.jobHistory())
                .noneMatch(run -> run.contains("STARTED"))
                .last()
                .isEqualTo("ingestJob|COMPLETED|COMPLETED");
    }

    @Test
    void aServiceKilledAtThePollsLoadOfSeveralFilesLoadsEachExactlyOnceAtItsRestart() throws Exception {
        // given the claims of a county cut into two files, dropped together: the poll loads them in one load job
        hhw = new HhwProcesses(home);
        Path claims = home.resolve("结算明细.csv");
        MedicalSample.writeLarge(claims, PERSONS_LATER, 7);
        List<String> lines =
                List.of(Files.readString(claims, StandardCharsets.UTF_8).split("(?<=\n)"));
        Path inbox = Files.createDirectories(home.resolve("inbox/medical"));
        int half = lines.size() / 2;
        List<List<String>> parts = List.of(lines.subList(1, half), lines.subList(half, lines.size()));
        for (int i = 0; i < parts.size(); i++) {
            Path staged = home.resolve("结算明细-" + (i + 1) + ".csv");
            Files.writeString(staged, lines.get(0) + String.join("", parts.get(i)), StandardCharsets.UTF_8);
            Files.move(staged, inbox.resolve(staged.getFileName()));
        }

        // when the service is killed once the poll's load has begun (or a moment after)
        Process first = hhw.service();
        hhw.waitFor(
                () -> partCount(home.resolve("lake/source=medical/file_key=1/rows")) >= 1,
                Duration.ofSeconds(120),
                "a first committed chunk");
        hhw.waitFor(() -> hhw.stepBegun("loadStep"), Duration.ofSeconds(180), "the poll's load to begin");
        first.destroyForcibly().waitFor();

        // and started again
        Process second = hhw.service();
        hhw.waitFor(
                () -> Files.exists(home.resolve("processed/medical/结算明细-1.csv"))
                        && Files.exists(home.resolve("processed/medical/结算明细-2.csv"))
                        && hhw.jobHistory().stream()
                                        .filter(run -> run.equals("ingestJob|COMPLETED|COMPLETED"))
                                        .count()
                                == 2,
                Duration.ofSeconds(180),
                "both files to reach processed/ after the restart, their runs completed");
        second.destroy();
        second.waitFor();

        // then each file is loaded exactly once, published, every claim accounted for, with its receipt
        assertThat(query(
                        home.resolve("analytics.duckdb"),
                        "select count(*), min(status), sum(rows_read) from etl_file where source = 'medical'"))
                .containsExactly("2|LOADED|" + (lines.size() - 1));
        assertThat(query(
                        home.resolve("analytics.duckdb"),
                        "select count(*) = (select sum(rows_loaded) from etl_file), "
                                + "count(distinct (file_key, sheet, row_number)) = count(*) from fact_medical_claim"))
                .containsExactly("true|true");
        assertThat(home.resolve("processed/medical/结算明细-1.csv.回执.xlsx")).exists();
        assertThat(home.resolve("processed/medical/结算明细-2.csv.回执.xlsx")).exists();
        assertThat(home.resolve("inbox/medical")).isEmptyDirectory();
        // and no run is left running, the poll's load among the runs
        assertThat(hhw.jobHistory())
                .noneMatch(run -> run.contains("STARTED"))
                .anyMatch(run -> run.startsWith("loadJob|"));
    }

    @Test
    void anIngestKilledMidwayIsResumedByTheSameCommand() throws Exception {
        // given an operator's registry file outside the home
        hhw = new HhwProcesses(home);
        Path file = home.resolve("花名册.csv");
        Manifest manifest = DemoData.writeLargeCsv(file, PERSONS, 7, CsvEncoding.UTF8);

        // when `hhw ingest FILE` is killed once a few chunks are committed (its copy waits in the inbox)
        killAfterThreeChunks(hhw.start("ingest", file.toString(), "--hhw.chunk-size=2000"));
        assertThat(home.resolve("inbox/registry/花名册.csv")).exists();

        // and the operator runs the same command again
        HhwProcesses.Result again =
                hhw.run(Duration.ofSeconds(180), "ingest", file.toString(), "--hhw.chunk-size=2000");

        // then it resumes that file: exit 0, loaded exactly once, no second copy in the inbox
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("Recovered 1 ingest run(s) interrupted by a crash");
        assertThat(home.resolve("inbox/registry")).isEmptyDirectory();
        assertThat(home.resolve("processed/registry/花名册.csv.回执.xlsx")).exists();
        assertLoadedOnce(manifest, PERSONS);
        assertThat(hhw.jobHistory())
                .containsExactly(
                        "ingestJob|FAILED|UNKNOWN",
                        "ingestJob|STOPPED|STOPPED",
                        "publishJob|COMPLETED|COMPLETED",
                        "ingestJob|COMPLETED|COMPLETED");
    }

    private void killAfterThreeChunks(Process writer) throws Exception {
        Path rowParts = home.resolve("lake/source=registry/file_key=1/rows");
        hhw.waitFor(() -> partCount(rowParts) >= 3, Duration.ofSeconds(120), "three committed chunks");
        writer.destroyForcibly().waitFor();
        assertThat(Files.exists(home.resolve("processed/registry/花名册.csv"))).isFalse();
    }

    private void assertLoadedOnce(Manifest manifest, int persons) throws Exception {
        assertThat(query(
                        home.resolve("analytics.duckdb"),
                        "select count(*), min(status), sum(rows_loaded), sum(rows_read) from etl_file"))
                .containsExactly("1|LOADED|" + persons + "|" + persons);
        assertThat(query(
                        home.resolve("analytics.duckdb"),
                        "select count(*), count(distinct person_id_hash) from dim_person"))
                .containsExactly(persons + "|" + persons);
        assertThat(manifest.dataRows()).isEqualTo(persons);
    }

    private static long partCount(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .count();
        } catch (IOException e) {
            return 0;
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        hhw.close();
    }
}
