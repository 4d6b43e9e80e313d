package org.hhw.schedules.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTimesTest {

    @TempDir
    Path dir;

    @Test
    void findsTheLauncherBesideTheJarItBuildsOrAsNamed() throws Exception {
        // given a source tree with its launcher and jar, and a launcher elsewhere
        Path tree = Files.createDirectories(dir.resolve("main/schedules/target"));
        Path launcher = script(dir.resolve("main/hhw"), "exit 0");
        Path named = script(dir.resolve("elsewhere/hhw"), "exit 0");
        String jar = tree.resolve("hhw.jar").toString();

        // then the jar run alone finds its tree's launcher; HHW_LAUNCHER wins; a class path of classes finds none
        assertThat(StartupTimes.launcher(Map.of(), jar)).contains(launcher);
        assertThat(StartupTimes.launcher(Map.of("HHW_LAUNCHER", named.toString()), jar))
                .contains(named);
        assertThat(StartupTimes.launcher(Map.of(), tree.resolve("classes").toString()))
                .isEmpty();
        assertThat(StartupTimes.launcher(Map.of(), jar + ":" + tree.resolve("classes")))
                .isEmpty();
        assertThat(StartupTimes.launcher(
                        Map.of(), dir.resolve("other/target/hhw.jar").toString()))
                .isEmpty();
    }

    @Test
    void timesEachCommandThroughTheLauncherInAFreshHome() throws Exception {
        // given a launcher that records what it was asked, and in which home
        Path calls = dir.resolve("calls");
        Path launcher = script(dir.resolve("hhw"), "echo \"$HHW_HOME $*\" >> " + calls + "; exit 0");
        Path home = dir.resolve("home-startup");

        // when the start-ups are measured
        StartupTimes.Times times = StartupTimes.measure(
                launcher, home, Path.of("r.csv"), List.of(Path.of("m1.csv"), Path.of("m2.csv"), Path.of("m3.csv")));

        // then the registry went in first, untimed, then help and status three times each, then each claims file
        String h = home.toString();
        assertThat(Files.readAllLines(calls))
                .containsExactly(
                        h + " ingest r.csv",
                        h + " help",
                        h + " status",
                        h + " help",
                        h + " status",
                        h + " help",
                        h + " status",
                        h + " ingest --source=medical m1.csv",
                        h + " ingest --source=medical m2.csv",
                        h + " ingest --source=medical m3.csv");
        // and a script's start is well within every target
        assertThat(times.failure()).isNull();
        assertThat(times.figures()).extracting(Figure::verdict).containsExactly("MET", "MET", "MET");
        assertThat(times.figures()).extracting(Figure::target).containsExactly("≤ 2 s", "≤ 2 s", "≤ 4 s");
    }

    @Test
    void aCommandThatFailsOrARebuildLeavesTheFiguresUnmeasured() throws Exception {
        // given a launcher whose status fails, and one that builds the jar at every command
        Path failing = script(dir.resolve("failing/hhw"), "[ \"$1\" = status ] && exit 3; exit 0");
        Path building =
                script(dir.resolve("building/hhw"), "echo 'Building hhw (first run takes a minute or two)…' >&2");

        // when measured
        StartupTimes.Times failed =
                StartupTimes.measure(failing, dir.resolve("a"), Path.of("r"), List.of(Path.of("m")));
        StartupTimes.Times rebuilt =
                StartupTimes.measure(building, dir.resolve("b"), Path.of("r"), List.of(Path.of("m")));

        // then no figure is given, and each says why
        assertThat(failed.failure()).startsWith("not measured: hhw status exited 3, see ");
        assertThat(rebuilt.failure()).startsWith("not measured: the launcher rebuilt hhw meanwhile, see ");
        assertThat(failed.figures())
                .extracting(Figure::measured, Figure::verdict)
                .containsOnly(tuple(failed.failure(), ""));
    }

    @Test
    void theMedianOfThreeIsTheMiddleOne() {
        assertThat(StartupTimes.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(StartupTimes.median(List.of(4.0, 1.0))).isEqualTo(2.5);
    }

    private static Path script(Path path, String body) throws Exception {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        return path;
    }
}
