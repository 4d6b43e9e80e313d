package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hhw help} is text: it starts no application, so it creates nothing and takes a JVM's start. */
class HelpTest {

    @TempDir
    Path dir;

    @Test
    void helpPrintsTheUsageWithoutStartingTheApplication() throws Exception {
        // given a home not made yet
        Path home = dir.resolve("home");

        // when
        HhwProcesses.Result help;
        try (HhwProcesses hhw = new HhwProcesses(home, dir)) {
            help = hhw.run(Duration.ofSeconds(60), "help");
        }

        // then the usage, and no home: no job repository, no state, no folder was made
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).startsWith(Cli.USAGE);
        assertThat(home).doesNotExist();
    }
}
