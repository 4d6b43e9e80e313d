package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.schedules.HhwProcesses.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home has one writer: with the service running, {@code hhw ingest} hands its file to the
 * service and waits for the receipt, and any other writer is refused before it touches anything.
 */
class TwoWritersTest {

    @TempDir
    Path home;

    @TempDir
    Path outside;

    private HhwProcesses hhw;

    @Test
    void anIngestWhileTheServiceRunsIsHandedToTheService() throws Exception {
        // given the service running on a home that has loaded one file
        hhw = new HhwProcesses(home);
        Process service = hhw.service();
        Path first = registryFile("南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", "14022219800101017");
        Files.copy(
                first, Files.createDirectories(home.resolve("inbox/registry")).resolve("南高崖乡.csv"));
        hhw.waitFor(
                () -> Files.exists(home.resolve("processed/registry/南高崖乡.csv.回执.xlsx")),
                Duration.ofSeconds(90),
                "the service's first file");

        // when an operator runs `hhw ingest` for a second file (its option before the command, as the launcher allows)
        Path second = registryFile("米薪关镇.csv", "14022210001000001", "米薪关镇", "胡家屯", "14022219700101023");
        HhwProcesses.Result ingest = hhw.run(Duration.ofSeconds(90), "--source=registry", "ingest", second.toString());

        // then the command handed it over and reported the service's outcome
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        assertThat(ingest.output())
                .contains("is running, so it loads these files", "米薪关镇.csv", "LOADED", "1 / 1 / 0 / 0");
        // and the service loaded it, under a key of its own, with the receipt where the clerk expects it
        assertThat(query(
                        home.resolve("analytics.duckdb"),
                        "select file_key, file_name, status, rows_read from etl_file order by file_key"))
                .containsExactly("1|南高崖乡.csv|LOADED|1", "2|米薪关镇.csv|LOADED|1");
        assertThat(home.resolve("processed/registry/米薪关镇.csv.回执.xlsx")).exists();
        // and the job history holds only the service's runs, none recovered by the second process: for each file its
        // run stopped awaiting the publish, the poll's publish, the run launched again for the receipt
        List<String> poll =
                List.of("ingestJob|STOPPED|STOPPED", "publishJob|COMPLETED|COMPLETED", "ingestJob|COMPLETED|COMPLETED");
        assertThat(hhw.jobHistory())
                .containsExactlyElementsOf(java.util.stream.Stream.concat(poll.stream(), poll.stream())
                        .toList());
        assertThat(service.isAlive()).isTrue();
        // and the hand-over is in the audit log, beside the service's own start
        assertThat(Files.readAllLines(home.resolve("state/audit.log")))
                .anySatisfy(l -> assertThat(l).contains("\tingest\t", second.toString(), "exit 0"));
    }

    @Test
    void everyOtherSecondWriterIsRefusedAndTouchesNothing() throws Exception {
        // given the service running on a home that has loaded one file
        hhw = new HhwProcesses(home);
        hhw.service();
        Path first = registryFile("南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", "14022219800101017");
        Files.copy(
                first, Files.createDirectories(home.resolve("inbox/registry")).resolve("南高崖乡.csv"));
        hhw.waitFor(
                () -> Files.exists(home.resolve("processed/registry/南高崖乡.csv.回执.xlsx")),
                Duration.ofSeconds(90),
                "the service's first file");
        long warehouseModified = Files.getLastModifiedTime(home.resolve("warehouse/warehouse.duckdb"))
                .toMillis();
        long analyticsModified =
                Files.getLastModifiedTime(home.resolve("analytics.duckdb")).toMillis();

        // when a second service, a rebuild and a demo start on the same home, each also with an option before it
        for (String command : List.of("run", "rebuild", "demo")) {
            for (List<String> args : List.of(List.of(command), List.of("--hhw.chunk-size=2000", command))) {
                HhwProcesses.Result refused = hhw.run(Duration.ofSeconds(60), args.toArray(String[]::new));

                // then each is refused at once, naming the holder
                assertThat(refused.exitCode()).as(refused.output()).isEqualTo(HhwApplication.HOME_BUSY);
                assertThat(refused.output())
                        .contains("hhw " + command + ": refused, nothing was changed", "`hhw run` (pid ");
            }
        }
        // and nothing of the home changed: no inbox files from the demo, the databases untouched
        assertThat(home.resolve("inbox/registry")).isEmptyDirectory();
        assertThat(Files.getLastModifiedTime(home.resolve("warehouse/warehouse.duckdb"))
                        .toMillis())
                .isEqualTo(warehouseModified);
        assertThat(Files.getLastModifiedTime(home.resolve("analytics.duckdb")).toMillis())
                .isEqualTo(analyticsModified);
        assertThat(hhw.jobHistory())
                .containsExactly(
                        "ingestJob|STOPPED|STOPPED", "publishJob|COMPLETED|COMPLETED", "ingestJob|COMPLETED|COMPLETED");
    }

    private Path registryFile(String name, String household, String township, String village, String first17)
            throws Exception {
        return OnePersonRegistry.write(outside, name, household, township, village, first17);
    }

    @AfterEach
    void stop() throws InterruptedException {
        hhw.close();
    }
}
