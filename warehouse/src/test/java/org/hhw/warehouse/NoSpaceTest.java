package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class NoSpaceTest {

    private static final Path HOME = Path.of("/srv/hhw/home");

    @Test
    void aFullDiskIsNamedWithThePathItFailedOn() {
        // given the forms a full disk takes in the JDK and in DuckDB
        Throwable jdk = new UncheckedIOException(
                "cannot archive x.xlsx",
                new FileSystemException("/srv/hhw/home/archive/ab.xlsx.tmp", null, "No space left on device"));
        Throwable duckdb = new WarehouseException(
                "load failed",
                new SQLException(
                        "IO Error: Could not write file \"/srv/hhw/home/warehouse/warehouse.duckdb.wal\": No space left on device"));
        Throwable unnamed = new RuntimeException("write failed: No space left on device");

        // when / then
        assertThat(NoSpace.explain(jdk, HOME)).contains("no space left on /srv/hhw/home/archive/ab.xlsx.tmp");
        assertThat(NoSpace.explain(duckdb, HOME))
                .contains("no space left on /srv/hhw/home/warehouse/warehouse.duckdb.wal");
        assertThat(NoSpace.explain(unnamed, HOME)).contains("no space left on /srv/hhw/home");
    }

    @Test
    void anyOtherFailureKeepsItsOwnMessage() {
        // given / when / then
        assertThat(NoSpace.explain(new SQLException("Catalog Error: no table x"), HOME))
                .isEmpty();
        assertThat(NoSpace.message(new SQLException("Catalog Error: no table x"), HOME))
                .isEqualTo("Catalog Error: no table x");
    }
}
