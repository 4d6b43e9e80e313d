package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hhw.warehouse.intake.Intake;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files of a poll loaded together (one department's files that come one after the other in one pass) give what
 * loading them one after the other gives, row for row, and the models brought up to date for such a load equal a
 * whole build: over seeded random sequences of files (registry changes, every department's files, corrections of files
 * of the same poll and of earlier ones, duplicates, unusable files) cut into polls of one to eight files.
 */
class LoadsTogetherTest {

    private static final int FILES = 30;
    private static final int MOST_FILES_A_POLL = 8;
    private static final List<String> FACTS =
            List.of("fact_education_aid", "fact_medical_claim", "fact_microloan", "fact_training");

    /** Today, as timestamps of what was done today begin. */
    private static final String TODAY = LocalDate.now().toString();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {20191231L, 7L})
    void filesLoadedTogetherGiveWhatLoadingThemOneAfterTheOtherGives(long seed) throws Exception {
        // given a county that lives through a random sequence of files, cut into polls
        RandomCounty county = new RandomCounty(seed, Files.createDirectories(dir.resolve("files")));
        List<RandomCounty.Step> steps = new ArrayList<>(county.start());
        for (int i = 0; i < FILES; i++) {
            steps.addAll(county.next());
        }
        Random cut = new Random(seed);
        Map<Integer, Integer> pollOf = new HashMap<>();
        try (RegistryLoads together = new RegistryLoads(dir.resolve("together"));
                RegistryLoads oneByOne = new RegistryLoads(dir.resolve("one-by-one"))) {
            for (int from = 0, poll = 0; from < steps.size(); poll++) {
                List<RandomCounty.Step> files =
                        steps.subList(from, Math.min(steps.size(), from + 1 + cut.nextInt(MOST_FILES_A_POLL)));
                from += files.size();

                // when one warehouse loads the poll's files together and the other one after the other, each then
                // bringing its models up to date
                List<FileToLoad> read = new ArrayList<>();
                for (RandomCounty.Step step : files) {
                    switch (step.kind()) {
                        case LOAD -> {
                            FileToLoad file = together.registerAndRead(step.source(), step.file(), step.receivedAt());
                            read.add(file);
                            pollOf.put(file.fileKey(), poll);
                            oneByOne.warehouse()
                                    .load(List.of(
                                            oneByOne.registerAndRead(step.source(), step.file(), step.receivedAt())));
                        }
                        case DUPLICATE -> {
                            together.warehouse().markDuplicate(register(together, step), 1);
                            oneByOne.warehouse().markDuplicate(register(oneByOne, step), 1);
                        }
                        case UNUSABLE -> {
                            together.warehouse().markRejected(register(together, step), "COLUMNS_MISSING", "找不到表头。");
                            oneByOne.warehouse().markRejected(register(oneByOne, step), "COLUMNS_MISSING", "找不到表头。");
                        }
                    }
                }
                together.warehouse().load(read);
                together.warehouse().buildMarts();
                oneByOne.warehouse().buildMarts();

                // then both hold the same rows, and the models brought up to date are what a whole build gives
                String what = "after poll " + poll + ": "
                        + files.stream().map(s -> s.source() + " " + s.what()).toList();
                Map<String, List<String>> expected = contents(oneByOne);
                Map<String, List<String>> actual = contents(together);
                assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
                for (String table : expected.keySet()) {
                    assertThat(actual.get(table)).as(what + ", " + table).isEqualTo(expected.get(table));
                }
                assertThat(together.warehouse().modelsDifferingFromWholeBuild())
                        .as(what)
                        .isEmpty();
            }

            // and some poll's files superseded facts of files of the same poll, which the comparison then covered
            long supersededInTheirPoll = 0;
            for (String fact : FACTS) {
                for (List<Object> row : together.rows(
                        "select file_key, superseded_by from " + fact + " where superseded_by is not null")) {
                    if (pollOf.get((Integer) row.get(0)).equals(pollOf.get((Integer) row.get(1)))) {
                        supersededInTheirPoll++;
                    }
                }
            }
            assertThat(supersededInTheirPoll).isPositive();
        }
    }

    private static int register(RegistryLoads loads, RandomCounty.Step step) {
        return loads.warehouse()
                .register(
                        step.source(),
                        step.file().getFileName().toString(),
                        Intake.sha256(step.file()),
                        step.receivedAt());
    }

    /**
     * Every table's rows, but when each file was loaded and when the models were built (a report's "as of"): the two
     * warehouses did those at other times.
     */
    private static Map<String, List<String>> contents(RegistryLoads loads) {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        RegistryLoads.contents(loads.warehouse().connectionForTests())
                .forEach((table, rows) -> contents.put(
                        table,
                        rows.stream()
                                .map(r -> r.replaceAll(TODAY + "T[0-9:.]+", "now"))
                                .toList()));
        contents.put(
                "etl_file",
                loads.rows("select * exclude (loaded_at) from etl_file order by all").stream()
                        .map(Object::toString)
                        .toList());
        return contents;
    }
}
