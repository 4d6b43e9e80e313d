package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.hhw.warehouse.lake.Lake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file_key is given to one file only, and a file writes only into its own lake partition, even
 * when the warehouse has lost registrations its lake still records (a truncated or deleted log).
 */
class FileKeyTest {

    private static final LocalDateTime RECEIVED = LocalDateTime.of(2024, 3, 1, 9, 30);
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @TempDir
    Path dir;

    private RegistryLoads loads;

    @BeforeEach
    void open() {
        loads = new RegistryLoads(dir.resolve("home"));
    }

    @AfterEach
    void close() {
        loads.close();
    }

    @Test
    void aKeyTheLakeHasSeenIsNeverGivenAgainEvenIfTheWarehouseLostIt() throws Exception {
        // given a file registered, then its registration lost by the warehouse (as a truncated log loses it)
        Warehouse w = loads.warehouse();
        assertThat(w.register("registry", "一.csv", SHA_A, RECEIVED)).isEqualTo(1);
        try (Statement st = w.connectionForTests().createStatement()) {
            st.execute("delete from etl_file");
        }

        // when another file is registered
        int second = w.register("medical", "二.csv", SHA_B, RECEIVED);

        // then it gets a new key, and the first file's partition is still the first file's
        assertThat(second).isEqualTo(2);
        assertThat(loads.lake().claimOf("registry", 1)).contains(new Lake.Claim(SHA_A, "一.csv", RECEIVED));
        assertThat(loads.lake().claimOf("medical", 2)).contains(new Lake.Claim(SHA_B, "二.csv", RECEIVED));
    }

    @Test
    void aKeyTakenByAnotherSourcesPartitionIsSkipped() {
        // given a partition of key 1 claimed in one source, outside the warehouse
        assertThat(loads.lake().claim("education", 1, new Lake.Claim(SHA_A, "一.csv", RECEIVED)))
                .isTrue();

        // when the same key is claimed again, in any source
        boolean again = loads.lake().claim("registry", 1, new Lake.Claim(SHA_B, "二.csv", RECEIVED));

        // then it is refused, and registering goes past it
        assertThat(again).isFalse();
        assertThat(loads.warehouse().register("registry", "二.csv", SHA_B, RECEIVED))
                .isEqualTo(2);
    }

    @Test
    void aFileCannotWriteIntoAnotherFilesPartition() {
        // given file 1 registered
        int key = loads.warehouse().register("registry", "一.csv", SHA_A, RECEIVED);

        // when another content asks to write into its partition, or into one never claimed
        // then both are refused
        loads.lake().checkClaim("registry", key, SHA_A);
        assertThatThrownBy(() -> loads.lake().checkClaim("registry", key, SHA_B))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "does not belong to the file with sha256 " + SHA_B + " but to 一.csv (" + SHA_A + ")");
        assertThatThrownBy(() -> loads.lake().checkClaim("registry", 7, SHA_A))
                .hasMessageContaining("(it was never claimed)");
    }

    @Test
    void aLostRegistrationIsRestoredFromTheLakeClaim() throws Exception {
        // given a file registered, then its registration lost
        Warehouse w = loads.warehouse();
        int key = w.register("registry", "一.csv", SHA_A, RECEIVED);
        try (Statement st = w.connectionForTests().createStatement()) {
            st.execute("delete from etl_file");
        }

        // when its run goes on to the load
        w.restoreRegistration("registry", key);

        // then the warehouse knows the file again, as it was received
        assertThat(w.file(key)).hasValueSatisfying(f -> {
            assertThat(f.fileName()).isEqualTo("一.csv");
            assertThat(f.sha256()).isEqualTo(SHA_A);
            assertThat(f.status()).isEqualTo(EtlFile.RUNNING);
            assertThat(f.receivedAt()).isEqualTo(RECEIVED);
        });
    }

    @Test
    void aWarehouseMissingALoadTheLakeRecordsIsBehind() throws Exception {
        // given a registry file loaded (its manifest written to the lake), then lost by the warehouse
        int key = loads.load(RegistryFiles.withProblems(dir), RECEIVED);
        assertThat(loads.warehouse().behindLake()).isEmpty();
        try (Statement st = loads.warehouse().connectionForTests().createStatement()) {
            st.execute("update etl_file set status = 'RUNNING' where file_key = " + key);
        }

        // when the warehouse is compared with its lake
        // then it names the file it lacks
        assertThat(Files.exists(loads.lake().manifest("registry", key))).isTrue();
        assertThat(loads.warehouse().behindLake()).containsExactly(key);
    }
}
