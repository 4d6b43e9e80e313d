package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home on a disk that fills up: {@code hhw status} still works and every writer says
 * "no space left on …" and changes nothing. The disk is a small tmpfs, which only a user allowed
 * to mount can make; elsewhere the test is skipped (NoSpaceTest covers the wording).
 */
class DiskFullTest {

    @TempDir
    Path dir;

    @TempDir
    Path outside;

    private Path disk;
    private HhwProcesses hhw;

    @Test
    void statusWorksAndWritersSayWhichDiskIsFull() throws Exception {
        // given a home on a 40 MB disk that has loaded one file, then filled to the last byte
        disk = Files.createDirectories(dir.resolve("disk"));
        assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", disk.toString()) == 0,
                "this user cannot mount a small disk");
        Path home = disk.resolve("home");
        hhw = new HhwProcesses(home, outside);
        Path first =
                OnePersonRegistry.write(outside, "南高崖乡.csv", "14022203001000001", "南高崖乡", "南高崖", "14022219800101017");
        assertThat(hhw.run(Duration.ofSeconds(90), "ingest", first.toString()).exitCode())
                .isZero();
        long published =
                Files.getLastModifiedTime(home.resolve("analytics.duckdb")).toMillis();
        fill(disk.resolve("filler"));

        // when the operator asks for the status, then ingests another file
        HhwProcesses.Result status = hhw.run(Duration.ofSeconds(60), "status");
        Path second =
                OnePersonRegistry.write(outside, "米薪关镇.csv", "14022210001000001", "米薪关镇", "胡家屯", "14022219700101023");
        HhwProcesses.Result ingest = hhw.run(Duration.ofSeconds(60), "ingest", second.toString());

        // then the status shows the published copy and says why the job history cannot be read
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("南高崖乡.csv", "LOADED");
        // and the ingest names the full disk, and the published copy is as it was
        assertThat(ingest.exitCode()).isNotZero();
        assertThat(ingest.output()).contains("no space left on " + home).doesNotContain("\tat ");
        assertThat(Files.getLastModifiedTime(home.resolve("analytics.duckdb")).toMillis())
                .isEqualTo(published);
    }

    private static void fill(Path file) {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full: what the test wants
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (hhw != null) {
            hhw.close();
        }
        if (disk != null) {
            run("umount", disk.toString());
        }
    }
}
