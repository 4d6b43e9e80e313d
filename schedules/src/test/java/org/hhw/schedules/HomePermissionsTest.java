package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a real ingest, identified data is its owner's alone: every folder but the home and the
 * clerks' folders is {@code rwx------}, the files the product writes are {@code rw-------}, and
 * only the clerks' group reaches the clerks' folders (and the original, kept once, only through
 * them) and only the analysts' group the published copy.
 */
class HomePermissionsTest {

    @TempDir
    Path home;

    @TempDir
    Path outside;

    private HhwProcesses hhw;

    @Test
    void identifiedDataIsTheOwnersAndThePublishedCopyTheAnalystsGroups() throws Exception {
        // given a group this machine has (the user's own), named as the clerks' and the analysts' group
        String group =
                Files.readAttributes(outside, PosixFileAttributes.class).group().getName();
        Path file =
                OnePersonRegistry.write(outside, "南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", "14022219800101017");
        hhw = new HhwProcesses(home);

        // when a file is ingested
        HhwProcesses.Result ingest = hhw.run(
                Duration.ofSeconds(90),
                "ingest",
                file.toString(),
                "--hhw.clerks-group=" + group,
                "--hhw.analysts-group=" + group);
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();

        // then the home may be passed through but not listed, the clerks' folders are the clerks' group's
        assertThat(mode(home)).isEqualTo("rwx--x--x");
        for (String folder : List.of("inbox", "processed", "rejected")) {
            assertThat(mode(home.resolve(folder))).as(folder).isEqualTo("rwxr-x---");
            assertThat(group(home.resolve(folder))).isEqualTo(group);
        }
        assertThat(mode(home.resolve("inbox/registry"))).isEqualTo("rwxrwx---");
        assertThat(mode(home.resolve("processed/registry"))).isEqualTo("rwxr-x---");
        assertThat(mode(home.resolve("processed/registry/南高崖乡.csv.回执.xlsx"))).isEqualTo("rw-r-----");
        // and everything else is the owner's alone
        for (String folder : List.of("archive", "lake", "state", "reports", "warehouse")) {
            assertThat(mode(home.resolve(folder))).as(folder).isEqualTo("rwx------");
        }
        assertThat(mode(home.resolve("warehouse/warehouse.duckdb"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("state/pseudonym.key"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("lake/source=registry/file_key=1/claim.properties")))
                .isEqualTo("rw-------");
        assertThat(mode(home.resolve("lake/source=registry/file_key=1/file.parquet")))
                .isEqualTo("rw-------");
        assertThat(mode(home.resolve("lake/source=registry/file_key=1/rows/part-000001.parquet")))
                .isEqualTo("rw-------");
        // but the original, kept once: the archived copy is what processed/ holds, the clerks' group's to read
        // there as a receipt is (and not to write), and reached only there, the archive folder being the owner's
        Path original = home.resolve("processed/registry/南高崖乡.csv");
        try (Stream<Path> archived = Files.list(home.resolve("archive"))) {
            assertThat(archived.filter(p -> isSameFile(p, original))).hasSize(1);
        }
        assertThat(mode(original)).isEqualTo("rw-r-----");
        assertThat(group(original)).isEqualTo(group);
        // and the published copy is the analysts' group's to read, the only file of the home others may reach
        assertThat(mode(home.resolve("analytics.duckdb"))).isEqualTo("rw-r-----");
        assertThat(group(home.resolve("analytics.duckdb"))).isEqualTo(group);
        try (Stream<Path> top = Files.list(home)) {
            assertThat(top.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString())
                            .filter(n -> !n.startsWith("process-")))
                    .containsExactly("analytics.duckdb");
        }
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String group(Path p) throws Exception {
        return Files.readAttributes(p, PosixFileAttributes.class).group().getName();
    }

    @AfterEach
    void stop() throws InterruptedException {
        hhw.close();
    }
}
