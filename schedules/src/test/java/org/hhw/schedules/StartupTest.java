package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command other than {@code hhw run} starts: the application without the scheduler. */
class StartupTest {

    @TempDir
    Path dir;

    @Test
    void anIngestStartsNoSchedulerAndIngests() throws Exception {
        // given a new home and a registry file of one household head
        Path home = dir.resolve("home");
        Path file = OnePersonRegistry.write(
                dir.resolve("drop"), "南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", "14022219800101017");

        // when it is ingested
        HhwProcesses.Result ingest;
        try (HhwProcesses hhw = new HhwProcesses(home, dir)) {
            ingest = hhw.run(Duration.ofSeconds(90), "ingest", file.toString());
        }

        // then the file was loaded and its run recorded, and Quartz made none of its tables in the state database
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        assertThat(HhwProcesses.query(
                        home.resolve("warehouse/warehouse.duckdb"), "select file_name, status from etl_file"))
                .containsExactly("南高崖乡.csv|LOADED");
        // (the file's run stopped awaiting the publish, the publish, the run launched again for the receipt)
        assertThat(HhwProcesses.query(
                        home.resolve("state/jobs"), "select status from batch_job_execution order by job_execution_id"))
                .containsExactly("STOPPED", "COMPLETED", "COMPLETED");
        assertThat(HhwProcesses.query(
                        home.resolve("state/jobs"),
                        "select count(*) from information_schema.tables where table_name like 'QRTZ%'"))
                .containsExactly("0");
    }
}
