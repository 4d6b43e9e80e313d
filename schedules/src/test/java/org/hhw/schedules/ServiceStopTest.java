package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service stopped as an operator stops it (SIGTERM: systemctl stop, kill; Ctrl-C alike) ends cleanly. */
class ServiceStopTest {

    @TempDir
    Path home;

    private HhwProcesses hhw;

    @Test
    void aStoppedServiceClosesItsSchedulerThenItsJobHistoryWithoutAnError() throws Exception {
        // given the service running, its scheduler polling the inboxes every second
        hhw = new HhwProcesses(home);
        Process service = hhw.service();
        hhw.waitFor(() -> serviceOutput().contains("Ctrl-C stops."), Duration.ofSeconds(60), "the service's start");
        Thread.sleep(3_000);

        // when it is stopped
        service.destroy();

        // then it ends as a stopped process does (128 + SIGTERM's 15), stopped in the audit log, and nothing failed on
        // the way out: the job history stayed open until the scheduler had stopped (H2's own shutdown hook closed it
        // under the scheduler before)
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).isEqualTo(143);
        assertThat(serviceOutput().lines()).noneMatch(l -> l.contains(" ERROR ") || l.contains(" WARN "));
        assertThat(Files.readAllLines(home.resolve("state/audit.log")))
                .anySatisfy(l -> assertThat(l).contains("\trun\t", "stopped"));
    }

    private String serviceOutput() {
        try {
            return hhw.output(1);
        } catch (IOException e) {
            return "";
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        hhw.close();
    }
}
