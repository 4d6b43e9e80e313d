package org.hhw.schedules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hhw.schedules.bench.ModelsLog.Build;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ModelsLogTest {

    @Test
    void readsTheBuildFromThePublishGatesLogLine() {
        // then an update's households and a whole build's time are read, anything else is no build
        assertThat(Build.parse("models update in 6210 ms for 3102 households; slowest: mart_finding 300 ms"))
                .contains(new Build("update", 6210, 3102));
        assertThat(Build.parse("models whole in 27000 ms; slowest: int_registry_household_month 9000 ms"))
                .contains(new Build("whole", 27000, -1));
        assertThat(Build.parse("published 1 file in 812 ms")).isEmpty();
        assertThat(new Build("update", 6210, 3102).describe()).isEqualTo("update 6.2 s for 3,102 households");
        assertThat(new Build("whole", 27000, -1).describe()).isEqualTo("whole 27.0 s");
    }

    @Test
    void hearsTheLinesLoggedWhileListeningOnly() {
        // given the gate's logger
        var logger = LoggerFactory.getLogger(ModelsLog.LOGGER);

        // when a build is logged while listening
        Optional<Build> heard;
        try (ModelsLog log = ModelsLog.listen()) {
            logger.info("models {} in {} ms{}", "update", 40, " for 3 households");
            heard = log.last();
        }
        // and another after
        logger.info("models whole in 5 ms");
        Optional<Build> heardAfter;
        try (ModelsLog log = ModelsLog.listen()) {
            heardAfter = log.last();
        }

        // then the first was heard, and a listener that came after heard nothing
        assertThat(heard).contains(new Build("update", 40, 3));
        assertThat(heardAfter).isEmpty();
    }
}
