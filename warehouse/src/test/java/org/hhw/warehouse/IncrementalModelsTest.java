package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hhw.warehouse.intake.Intake;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The models brought up to date for each load's changes equal the models built whole, row for row, after every file of
 * random sequences of loads (registry changes, every department's files, corrections, duplicates, unusable files).
 */
class IncrementalModelsTest {

    private static final int FILES = 26;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {20191231L, 7L})
    void modelsBroughtUpToDateEqualAWholeBuildAfterEveryFile(long seed) throws Exception {
        // given a county that lives through a random sequence of files
        Path files = Files.createDirectories(dir.resolve("files"));
        RandomCounty county = new RandomCounty(seed, files);
        List<RandomCounty.Step> steps = new ArrayList<>(county.start());
        int updates = 0;
        try (RegistryLoads loads = new RegistryLoads(dir.resolve("home"))) {
            Warehouse warehouse = loads.warehouse();
            for (int i = 0; i < FILES; i++) {
                steps.addAll(county.next());
            }
            for (RandomCounty.Step step : steps) {
                // when each file is loaded and the models brought up to date
                switch (step.kind()) {
                    case LOAD -> loads.load(step.source(), step.file(), step.receivedAt());
                    case DUPLICATE -> {
                        int key = register(warehouse, step);
                        warehouse.markDuplicate(key, 1);
                        warehouse.buildMarts();
                    }
                    case UNUSABLE -> {
                        int key = register(warehouse, step);
                        warehouse.markRejected(key, "COLUMNS_MISSING", "找不到表头。");
                        warehouse.buildMarts();
                    }
                }

                // then the models are what a whole build gives
                assertThat(warehouse.modelsDifferingFromWholeBuild())
                        .as("after %s (%s, %s)", step.file().getFileName(), step.source(), step.what())
                        .isEmpty();
                if (loads.rows("select whole from etl_model_build").equals(List.of(List.of(false)))) {
                    updates++;
                }
            }
        }
        // and all but the first build were updates for what changed, never a whole rebuild
        assertThat(steps).hasSizeGreaterThanOrEqualTo(FILES + 2);
        assertThat(updates).isEqualTo(steps.size() - 1);
    }

    private static int register(Warehouse warehouse, RandomCounty.Step step) {
        return warehouse.register(
                step.source(), step.file().getFileName().toString(), Intake.sha256(step.file()), step.receivedAt());
    }
}
