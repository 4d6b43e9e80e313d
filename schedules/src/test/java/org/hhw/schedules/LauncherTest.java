package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./hhw}'s fast start, on a copy of it beside a jar, with a stand-in {@code java} that
 * does what the launcher asks of the JVM (extract the jar, make an archive, map it, run a command) and
 * records each call. What the real JVM does with the archive the README's Start-up measures.
 */
class LauncherTest {

    /** What the stand-in's "archive" holds when a training made it whole. */
    private static final String ARCHIVE = "archive of a training run";

    @TempDir
    Path dir;

    private Path checkout;
    private Path jar;
    private Path calls;

    @BeforeEach
    void checkout() throws IOException {
        checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(Path.of(System.getProperty("user.dir")).resolveSibling("hhw"), checkout.resolve("hhw"));
        for (String module : List.of("sources", "warehouse", "jobs")) {
            Files.createDirectories(checkout.resolve(module));
        }
        Files.setLastModifiedTime(Files.writeString(checkout.resolve("pom.xml"), "<project/>"), old());
        jar = Files.createDirectories(checkout.resolve("schedules/target")).resolve("hhw.jar");
        Files.writeString(jar, "build 1");
        calls = dir.resolve("calls");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), """
                #!/usr/bin/env bash
                printf '%s\\n' "$*" >>"$CALLS"
                case "$*" in
                  -Djarmode=tools*extract*)
                    mkdir -p "${@: -1}/lib" && cp "$3" "${@: -1}/hhw.jar" ;;
                  *-XX:ArchiveClassesAtExit=*)
                    [ -z "${TRAINING_FAILS:-}" ] || exit 1
                    printf '%s' 'ARCHIVE' >"${2#-XX:ArchiveClassesAtExit=}" ;;
                  -Xshare:on*)
                    [ "$(cat "${2#-XX:SharedArchiveFile=}")" = 'ARCHIVE' ] || exit 134 ;;
                  *)
                    echo "ran: $*" ;;
                esac
                """.replace("ARCHIVE", ARCHIVE));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theFirstShortCommandPreparesTheFastStartAndLaterOnesUseIt() throws Exception {
        // when status runs twice
        List<String> first = hhw("status");
        List<String> second = hhw("status");

        // then the first extracted the jar and made its archive, and both ran from them with the quick compiler
        Path fast = onlyFolder();
        String ran = "ran: -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=" + fast.resolve("hhw.jsa")
                + " -Xlog:cds*=off -jar " + fast.resolve("hhw.jar") + " status";
        assertThat(first).containsExactly(ran);
        assertThat(second).containsExactly(ran);
        assertThat(Files.readString(fast.resolve("hhw.jar"))).isEqualTo("build 1");
        assertThat(trainings()).isEqualTo(1);
    }

    @Test
    void aNewBuildGetsItsOwnFolderAndTheOldOneIsRemoved() throws Exception {
        // given a fast start made for the first build
        hhw("status");
        Path firstBuild = onlyFolder();

        // when the jar is rebuilt, and status runs
        Files.writeString(jar, "build 2, longer");
        List<String> ran = hhw("status");

        // then it ran the new build's extracted jar, made for it, and the first build's folder is gone
        Path secondBuild = onlyFolder();
        assertThat(secondBuild).isNotEqualTo(firstBuild);
        assertThat(Files.readString(secondBuild.resolve("hhw.jar"))).isEqualTo("build 2, longer");
        assertThat(ran).singleElement().asString().endsWith("-jar " + secondBuild.resolve("hhw.jar") + " status");
        assertThat(trainings()).isEqualTo(2);
    }

    @Test
    void aFailedTrainingLeavesTheExtractedJarWithoutArchiveAndIsNotTriedAgainForThatBuild() throws Exception {
        // when the training fails, then status runs again
        List<String> first = hhw(List.of("TRAINING_FAILS=1"), "status");
        List<String> second = hhw("status");

        // then both ran, from the extracted jar without an archive, and only the first tried
        Path fast = onlyFolder();
        String ran = "ran: -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar " + fast.resolve("hhw.jar") + " status";
        assertThat(first).containsExactly(ran);
        assertThat(second).containsExactly(ran);
        assertThat(trainings()).isEqualTo(1);
    }

    @Test
    void anArchiveDamagedSinceItWasMadeIsMadeAgainBeforeItIsUsed() throws Exception {
        // given a fast start whose archive was then cut short
        hhw("status");
        Path archive = onlyFolder().resolve("hhw.jsa");
        Files.writeString(archive, ARCHIVE.substring(0, 10));

        // when
        List<String> ran = hhw("status");

        // then it was made again, whole, and used
        assertThat(Files.readString(archive)).isEqualTo(ARCHIVE);
        assertThat(ran).singleElement().asString().contains("-XX:SharedArchiveFile=" + archive);
        assertThat(trainings()).isEqualTo(2);
    }

    @Test
    void theLongCommandsStartFromTheJarWithBothCompilersAndPrepareNothing() throws Exception {
        // when
        List<String> ran = hhw("run");

        // then
        assertThat(ran).containsExactly("ran: -XX:+UseParallelGC -jar " + jar + " run");
        assertThat(checkout.resolve("schedules/target/cds")).doesNotExist();
    }

    @Test
    void anIngestOfMoreThan32MegabytesKeepsTheOptimisingCompiler() throws Exception {
        // given a file of 32 MB and a byte, and one of a byte
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(32L * 1024 * 1024 + 1);
        }
        Path small = Files.writeString(dir.resolve("small.csv"), "x");

        // when each is ingested
        String bigIngest = hhw("ingest", big.toString()).get(0);
        String smallIngest =
                hhw("ingest", "--source=registry", small.toString()).get(0);

        // then only the small one ran with the quick compiler alone
        assertThat(bigIngest).doesNotContain("TieredStopAtLevel").endsWith(" ingest " + big);
        assertThat(smallIngest).contains("-XX:TieredStopAtLevel=1");
    }

    /** Runs {@code ./hhw} in the checkout, the stand-in {@code java} first on the path; its output's lines. */
    private List<String> hhw(String... args) throws Exception {
        return hhw(List.of(), args);
    }

    private List<String> hhw(List<String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "env",
                "PATH=" + dir.resolve("bin") + ":" + System.getenv("PATH"),
                "CALLS=" + calls,
                "HHW_HOME=" + dir.resolve("home")));
        command.addAll(environment);
        command.add(checkout.resolve("hhw").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    /** The one build's folder of the fast start. */
    private Path onlyFolder() throws IOException {
        try (Stream<Path> folders = Files.list(checkout.resolve("schedules/target/cds"))) {
            List<Path> all = folders.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private long trainings() throws IOException {
        return Files.readAllLines(calls).stream()
                .filter(c -> c.contains("-XX:ArchiveClassesAtExit="))
                .count();
    }

    private static FileTime old() {
        return FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    }
}
