package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hhw.schedules.HhwProcesses.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented recovery runs whatever state the warehouse file is in: the lake alone rebuilds it. */
class DamagedWarehouseTest {

    @TempDir
    Path home;

    @TempDir
    Path outside;

    private HhwProcesses hhw;

    @Test
    void rebuildWorksFromTheLakeWhenTheWarehouseLogIsCorrupt() throws Exception {
        // given a file loaded, then the warehouse's log overwritten with garbage and its file truncated
        hhw = new HhwProcesses(home);
        Path file =
                OnePersonRegistry.write(outside, "南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", "14022219800101017");
        assertThat(hhw.run(Duration.ofSeconds(90), "ingest", file.toString()).exitCode())
                .isZero();
        Path warehouse = home.resolve("warehouse/warehouse.duckdb");
        Files.write(warehouse.resolveSibling("warehouse.duckdb.wal"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Files.write(warehouse, new byte[] {9, 9, 9});
        HhwProcesses.Result ingestOnDamage = hhw.run(Duration.ofSeconds(60), "ingest", file.toString());
        assertThat(ingestOnDamage.exitCode()).isNotZero();

        // when the operator rebuilds
        HhwProcesses.Result rebuild = hhw.run(Duration.ofSeconds(120), "rebuild");

        // then the warehouse is recreated from the lake and published, the damaged log gone
        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        assertThat(rebuild.output()).contains("Rebuilt " + warehouse + " from 1 files in the lake");
        assertThat(warehouse.resolveSibling("warehouse.duckdb.wal")).doesNotExist();
        assertThat(query(home.resolve("analytics.duckdb"), "select file_key, status, rows_loaded from etl_file"))
                .containsExactly("1|LOADED|1");
        assertThat(query(warehouse, "select count(*) from dim_person")).containsExactly("1");
    }

    @AfterEach
    void stop() throws InterruptedException {
        hhw.close();
    }
}
