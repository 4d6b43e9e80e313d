package org.hhw.schedules.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hhw.schedules.demo.MedicalSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SideBySideTest {

    @TempDir
    Path dir;

    @Test
    void theFileHoldsTheGeneratorsClaimsUnderSettlementNumbersNotSeenBefore() throws Exception {
        // given the claims the generator gives for the first 40 persons
        Path generated = dir.resolve("generated.csv");
        MedicalSample.writeLarge(generated, 40, Benchmark.SEED);

        // when the file of new claims is made
        Path file = SideBySide.newClaims(dir, 40, new PrintStream(new ByteArrayOutputStream()));

        // then it is those claims, line for line, each settlement number begun JN instead of JS
        List<String> before = Files.readAllLines(generated, StandardCharsets.UTF_8);
        List<String> after = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(file.getFileName()).hasToString("medical-new-40-2019.csv");
        assertThat(after).hasSize(41).first().isEqualTo(before.get(0));
        for (int i = 1; i < after.size(); i++) {
            assertThat(before.get(i)).startsWith("JS2019");
            assertThat(after.get(i)).isEqualTo("JN" + before.get(i).substring(2));
        }
        assertThat(Files.readAllBytes(file))
                .isEqualTo(Files.readString(generated, StandardCharsets.UTF_8)
                        .replaceAll("(?m)^JS", "JN")
                        .getBytes(StandardCharsets.UTF_8));
        // and only the file is left
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("generated.csv", "medical-new-40-2019.csv");
        }
    }

    @Test
    void comparesTheJobTimesAndJudgesTheLargeCountysPublish() {
        // given the file's steps in each county (each warehouse opened first), and the large county's publish and
        // models
        SideBySide.Ingest small = new SideBySide.Ingest(
                10_000,
                100_000_000L,
                steps(400, 2_600),
                3_500_000_000L,
                2_100,
                Optional.of(new ModelsLog.Build("update", 900, 3_000)),
                true);
        SideBySide.Ingest large = new SideBySide.Ingest(
                1_000_000,
                300_000_000L,
                steps(500, 6_700),
                7_900_000_000L,
                6_300,
                Optional.of(new ModelsLog.Build("update", 5_800, 3_102)),
                true);

        // when compared
        SideBySide.Figures figures = new SideBySide.Figures(10_000, small, large);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        figures.print(new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then the job times are every step added up, and the ratio misses 1.2×, the publish 1 s
        assertThat(large.jobTime()).isEqualTo(Duration.ofMillis(7_200));
        assertThat(figures.ratio()).isEqualTo(2.4);
        assertThat(figures.figures())
                .containsExactly(
                        new Figure(
                                "1",
                                "job time of a 10,000-claim file into the county of 1,000,000 persons ÷ into one of 10,000",
                                "2.40× (7.2 s ÷ 3.0 s)",
                                "≤ 1.2×",
                                false),
                        new Figure(
                                "2",
                                "publish of that file into the county of 1,000,000 persons",
                                "6.3 s (models update 5.8 s for 3,102 households)",
                                "≤ 1 s",
                                false));
        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "",
                        "a file of 10,000 new claims of registered persons (issue 13, point 1):",
                        "  into a county of 10,000 persons and 10,000 claims: warehouse opened first 0.1 s; job time 3.0 s"
                                + " (load 0.4 publish 2.6; the ingest as called 3.5 s); publish gate 2.1 s, models update 0.9"
                                + " s for 3,000 households",
                        "  into a county of 1,000,000 persons and 1,000,000 claims: warehouse opened first 0.3 s; job time"
                                + " 7.2 s (load 0.5 publish 6.7; the ingest as called 7.9 s); publish gate 6.3 s, models"
                                + " update 5.8 s for 3,102 households",
                        "  ratio 2.40× (7.2 s ÷ 3.0 s); target ≤ 1.2×: MISSED");
    }

    @Test
    void aFileNotLoadedWholeGivesNoFigure() {
        // given a large county that loaded the file only in part
        SideBySide.Ingest small = new SideBySide.Ingest(100, 0, steps(100, 200), 0, 200, Optional.empty(), true);
        SideBySide.Ingest large = new SideBySide.Ingest(10_000, 0, steps(100, 300), 0, 300, Optional.empty(), false);

        // then neither point is judged
        assertThat(new SideBySide.Figures(100, small, large).figures())
                .extracting(Figure::measured, Figure::verdict)
                .containsOnly(tuple("not measured: the file did not load whole", ""));
    }

    private static Map<String, Duration> steps(long loadMillis, long publishMillis) {
        Map<String, Duration> steps = new LinkedHashMap<>();
        steps.put("load", Duration.ofMillis(loadMillis));
        steps.put("publish", Duration.ofMillis(publishMillis));
        return steps;
    }
}
